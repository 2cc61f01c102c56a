import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { FaultConfig, FaultReport } from '../../server/http/faults';
import { ACCESS_ACTIONS } from '../../src/domain/accessReview';
import type { AuditEntry, ReviewRequest } from '../../src/domain/types';
import { apiAs } from '../support/session';
import { openBrowser, screenshot, signIn } from './browser';

// An operator works the verification queue in real Chromium while the API misbehaves on purpose (fault mode of the
// standalone mock server). They retry whatever fails, as told by the screen. At the end every decision the console
// confirmed is on the server exactly once, with the note typed, and the audit trail agrees with the records.

const apiUrl = inject('apiUrl');
const origin = new URL(apiUrl).origin;
const TARGET_DECISIONS = Number(process.env.FAULT_SOAK_DECISIONS ?? 12);

const faultsFor = (resource: Resource): FaultConfig => ({
    seed: 20261122,
    // Every action the console sends (claim-next, claim, approve, reject, release): about one in three fails.
    only: `^POST /${resource}/`,
    rates: { server_error: 0.12, drop: 0.08, lost_answer: 0.08, session_expired: 0.03, race_changed: 0.06 },
    // And for sure, each kind at least once on a decision itself (scripted faults come first).
    script: [
        { fault: 'lost_answer', match: '/approve$' },
        { fault: 'race_changed', match: '/reject$' },
        { fault: 'drop', match: '/reject$' },
        { fault: 'session_expired', match: '/approve$' },
        { fault: 'server_error', match: '/reject$' },
        { fault: 'race_changed', match: '/approve$' },
    ],
    latencyMs: 20,
    jitterMs: 80,
});

type Resource = 'verifications' | 'cancellations';

afterAll(async () => {
    await fetch(`${origin}/__control/reset`, { method: 'POST' });
});

async function supervisorApi() {
    const call = await apiAs(apiUrl, 'supervisor1');
    return async <T>(path: string): Promise<T> => (await call('GET', path)).json() as Promise<T>;
}

const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
/** A request's decision trail: without the entries of who looked at it (the checks here read records as a supervisor). */
const withoutAccess = (entries: AuditEntry[]) => entries.filter(entry => !(ACCESS_ACTIONS as readonly string[]).includes(entry.action));

type Outcome = 'done' | 'failed' | 'signed_out';

/** Where a sent decision stands now: settled one way or another, or still on its way (undefined). */
async function settled(page: Page, decided: () => Promise<boolean>): Promise<{ outcome: Outcome; failure?: string } | undefined> {
    if (await page.locator('input[name="password"]').isVisible()) return { outcome: 'signed_out' };
    const dialog = page.getByRole('dialog');
    if (!(await dialog.isVisible())) return (await decided()) ? { outcome: 'done' } : undefined;
    const failure = dialog.getByTestId('dialog-failure');
    const text = (await failure.isVisible()) ? await failure.textContent({ timeout: 1000 }).catch(() => null) : null;
    // A 401: the console says so in the dialog, then shows the sign-in screen (the next look sees it).
    if (!text || /session ended/.test(text)) return undefined;
    return { outcome: 'failed', failure: text };
}

/**
 * After Ctrl+Enter (which clears the last attempt's failure as it sends): the dialog closed and the screen shows the
 * decision (`decided`), the dialog shows why it failed, or the sign-in screen is back. A dialog that is gone while the
 * screen does not show the decision is not taken for a success: the screen may be reloading the record, and the
 * dialog comes back with the text.
 */
async function outcomeOf(page: Page, decided: () => Promise<boolean>): Promise<{ outcome: Outcome; failure?: string }> {
    let result: Awaited<ReturnType<typeof settled>>;
    await expect.poll(async () => (result = await settled(page, decided)), { timeout: 20_000, message: 'the decision neither finished nor failed within 20 s' }).toBeDefined();
    return result!;
}

/** The review screen shows the request decided by me, or first-approved and awaiting a supervisor. */
const myDecisionShown = (page: Page) =>
    page.getByTestId('claim-status').filter({ hasText: /(Approved|Rejected) · Me/ }).or(page.getByText('Awaiting a supervisor\'s second approval.'));

const holdsRequest = (page: Page) => page.getByText('You hold this request').isVisible();
const currentRequest = (page: Page) => page.getByTestId('review-screen').getAttribute('data-request', { timeout: 1000 }).catch(() => null);

interface Expected {
    status: ReviewRequest['status'];
    note: string;
}

/** The note as the record keeps it: on the decision, or on the first approval of a four-eyes cancellation. */
const noteOn = (record: ReviewRequest) => (record.status === 'awaiting_second_approval' && record.kind === 'cancellation' ? record.firstApproval?.note : record.decision?.note);

/** Types the last four digits of the number into the release confirmation, when the dialog asks for them. */
async function confirmDigits(page: Page) {
    const digits = page.getByRole('dialog').getByTestId('release-digits');
    if (!(await digits.isVisible()) || (await digits.inputValue()) !== '') return;
    const warning = (await page.getByRole('dialog').getByTestId('irreversible').textContent()) ?? '';
    const number = /(\+?\d[\d ]{7,}\d)/.exec(warning)![1]!.replace(/\D/g, '');
    await digits.fill(number.slice(-4));
}

/**
 * Runs `steps` on the screen; false when the session ended under them (the sign-in form replaced the screen), true when
 * they finished. Any other failure is the test's. Steps check `live()` before each action, so that steps left waiting
 * when the session ended do not act on the screen the loop opens next.
 */
async function unlessSignedOut(page: Page, steps: (live: () => void) => Promise<void>): Promise<boolean> {
    const signInForm = page.locator('input[name="password"]');
    let over = false;
    const live = () => {
        if (over) throw new Error('the session ended under these steps');
    };
    const finished = steps(live).then(() => true, async (error: unknown) => {
        if (over || (await signInForm.isVisible())) return false;
        throw error;
    });
    // Never settles unless the form shows: the race is then the steps'.
    const signedOut = signInForm.waitFor({ state: 'visible', timeout: 120_000 }).then(() => false, () => new Promise<boolean>(() => undefined));
    const result = await Promise.race([finished, signedOut]);
    over = true;
    return result;
}

/** operator1 works `resource` until `target` decisions are confirmed on screen, retrying whatever fails. */
async function workTheQueue(page: Page, resource: Resource, target: number) {
    const confirmed = new Map<string, Expected>();
    const stats = { attempts: 0, signIns: 0, recoveredAfterSignIn: 0, failuresShown: {} as Record<string, number> };
    await page.goto(`${inject('realApiUrl')}/#/${resource}`);
    await page.locator('tbody tr').first().waitFor();
    for (let step = 0; confirmed.size < target && step < target * 12; step += 1) {
        if (await page.locator('input[name="password"]').isVisible()) {
            await signIn(page, 'operator1');
            stats.signIns += 1;
            await page.locator('input[name="password"]').waitFor({ state: 'detached' });
            continue;
        }
        const id = await currentRequest(page);
        if (!id || confirmed.has(id) || !(await holdsRequest(page))) {
            // Review next (a failed one leaves a notification; the loop presses again).
            await page.keyboard.press('n');
            await page.getByText('You hold this request').or(page.locator('.MuiSnackbar-root')).or(page.locator('input[name="password"]')).first().waitFor();
            continue;
        }
        // Approve every other request, when its rules allow; reject the others with the first reason.
        const approving = confirmed.size % 2 === 0 && (await page.getByTestId('approve').isEnabled());
        const fourEyes = resource === 'cancellations' && approving;
        // One text per request and decision: after a sign-in the dialog brings back what was typed (the draft), and the
        // test types the same again.
        const note = `soak ${id} ${approving ? 'approve' : 'reject'} — 备注`;
        const dialog = page.getByRole('dialog');
        let secondApprovalNeeded = false;
        // A session can end under the dialog (the fault mode's session_expired hits the screen's own background
        // requests too, such as its claim ahead): then the loop signs in again and opens the dialog anew.
        const opened = await unlessSignedOut(page, async live => {
            live();
            await page.keyboard.press(approving ? 'a' : 'r');
            await dialog.waitFor({ timeout: 15_000 });
            secondApprovalNeeded = fourEyes && (await dialog.getByTestId('four-eyes-notice').isVisible());
            if (!approving) {
                const first = dialog.getByRole('checkbox').first();
                await first.waitFor({ timeout: 15_000 });
                live();
                // A draft brought back after a sign-in has the reason ticked already.
                if (!(await first.isChecked())) await page.keyboard.press('1');
            }
            live();
            await confirmDigits(page);
            const field = dialog.getByLabel(/Internal note/);
            await field.waitFor({ timeout: 15_000 });
            live();
            await field.fill(note);
        });
        if (!opened) continue;
        const expected: Expected = { status: approving ? (secondApprovalNeeded ? 'awaiting_second_approval' : 'approved') : 'rejected', note };
        for (let retry = 0; retry < 10; retry += 1) {
            stats.attempts += 1;
            // The session can also end between two tries (a background request's session_expired): then this try is
            // the sign-in below, as when the decision itself was refused with a 401.
            const sent = await unlessSignedOut(page, async live => {
                const field = dialog.getByLabel(/Internal note/);
                await field.waitFor({ timeout: 15_000 });
                live();
                await field.press('Control+Enter');
            });
            const result = sent
                ? await outcomeOf(page, async () => ![null, id].includes(await currentRequest(page)) || (await myDecisionShown(page).first().isVisible()))
                : { outcome: 'signed_out' as Outcome };
            if (result.outcome === 'done') {
                confirmed.set(id, expected);
                break;
            }
            if (result.outcome === 'signed_out') {
                await signIn(page, 'operator1');
                stats.signIns += 1;
                // The dialog opens again with the text; or, if a lost answer had recorded it, the console says so
                // (a toast that the next request's claim may replace) and the screen shows the decision as mine.
                const recorded = page.getByText(`Your decision on ${id} was already recorded.`).or(myDecisionShown(page));
                await page.getByRole('dialog').or(recorded).first().waitFor();
                if (await recorded.first().isVisible()) {
                    stats.recoveredAfterSignIn += 1;
                    confirmed.set(id, expected);
                    break;
                }
                // The digits that confirm a number release are asked again on purpose; the text is not.
                await confirmDigits(page);
            } else {
                const kind = /could not be reached/.test(result.failure!) ? 'network' : /server failed/.test(result.failure!) ? 'server' : /changed while/.test(result.failure!) ? 'changed' : result.failure!;
                stats.failuresShown[kind] = (stats.failuresShown[kind] ?? 0) + 1;
                // The retry goes once the dialog can send again (after a conflict, on the record the 409 brought back).
                await expect.poll(() => page.getByRole('dialog').locator('button[data-testid^="confirm-"]').isEnabled()).toBe(true);
            }
            // Nothing typed is lost: the note (and the reason) are still in the dialog.
            await expect.poll(() => page.getByRole('dialog').getByLabel(/Internal note/).inputValue()).toBe(note);
            if (!approving) await expect.poll(() => page.getByRole('dialog').getByRole('checkbox').first().isChecked()).toBe(true);
        }
        expect(confirmed.has(id), `decision on ${id} did not land after 10 tries`).toBe(true);
    }
    return { confirmed, stats };
}

describe('working the queues while the API fails on purpose', () => {
    it.each<Resource>(['verifications', 'cancellations'])(`%s: ${TARGET_DECISIONS} decisions; nothing typed is lost, every retry lands once, the audit trail matches`, { timeout: 300_000 }, async resource => {
        const browser = await openBrowser();
        const { page } = browser;
        try {
            const server = await supervisorApi();
            const before = new Set((await server<AuditEntry[]>(`/audit?filter=${q({ actor: 'u-operator1' })}&range=${q([0, 999])}`)).map(entry => entry.id));
            await page.goto(inject('realApiUrl'));
            await signIn(page, 'operator1');
            await page.locator('tbody tr').first().waitFor();
            expect((await fetch(`${origin}/__control/faults`, { method: 'PUT', body: JSON.stringify(faultsFor(resource)) })).status).toBe(204);

            const { confirmed, stats } = await workTheQueue(page, resource, TARGET_DECISIONS);
            const report = (await (await fetch(`${origin}/__control/faults`, { method: 'DELETE' })).json()) as FaultReport;
            await screenshot(page, `fault-soak-${resource}`);

            // What the server recorded: every confirmed decision once, as typed; nothing the console did not confirm.
            const after = (await server<AuditEntry[]>(`/audit?filter=${q({ actor: 'u-operator1' })}&range=${q([0, 999])}&sort=${q(['id', 'ASC'])}`)).filter(entry => !before.has(entry.id));
            const decidedIds = after.filter(entry => entry.action === 'approve' || entry.action === 'reject').map(entry => entry.requestId);
            const twice = decidedIds.filter((id, index) => decidedIds.indexOf(id) !== index);
            const lost: string[] = [];
            for (const [id, expected] of confirmed) {
                const record = await server<ReviewRequest>(`/${resource}/${id}`);
                if (record.status !== expected.status || noteOn(record) !== expected.note) lost.push(id);
                const trail = withoutAccess(await server<AuditEntry[]>(`/audit?filter=${q({ requestId: id })}&sort=${q(['id', 'ASC'])}`));
                expect(trail.at(-1)).toMatchObject({ action: expected.status === 'rejected' ? 'reject' : 'approve', toStatus: record.status, note: expected.note });
            }
            const onDecisions: Record<string, number> = {};
            for (const entry of report.log) if (/\/(approve|reject)$/.test(entry.request)) onDecisions[entry.fault] = (onDecisions[entry.fault] ?? 0) + 1;
            const outcomes: Record<string, number> = {};
            for (const { status } of confirmed.values()) outcomes[status] = (outcomes[status] ?? 0) + 1;
            const faultsInjected = Object.values(report.injected).reduce((sum, n) => sum + n, 0);
            console.log(`fault soak ${resource}: ${JSON.stringify({ decisions: confirmed.size, outcomes, attempts: stats.attempts, apiRequests: report.requests, faultsInjected, byFault: report.injected, onDecisions, failuresShown: stats.failuresShown, signIns: stats.signIns, recoveredAfterSignIn: stats.recoveredAfterSignIn, decisionsLost: lost.length, recordedTwice: twice.length })}`);

            expect(lost).toEqual([]);
            expect(twice).toEqual([]);
            expect(new Set(decidedIds)).toEqual(new Set(confirmed.keys()));
            expect(confirmed.size).toBe(TARGET_DECISIONS);
            // The run met faults of every kind it asked for, or it proved nothing.
            for (const kind of ['server_error', 'drop', 'lost_answer', 'session_expired', 'race_changed'] as const) expect(report.injected[kind], kind).toBeGreaterThan(0);
            expect(browser.cspViolations).toEqual([]);
        } catch (error) {
            await screenshot(page, `fault-soak-${resource}-failure`);
            throw error;
        } finally {
            await browser.close();
        }
    });
});

/** operator1 gives the first approval of `count` large refunds through the API; they then await a supervisor. */
async function awaitingSecondApproval(count: number): Promise<ReviewRequest[]> {
    const operator = await apiAs(apiUrl, 'operator1');
    const call = async (method: string, path: string, body?: unknown) => (await operator(method, path, body)).json();
    const ready = (await call('GET', `/cancellations?filter=${q({ status: 'pending', readyToApprove: true })}&range=${q([0, 199])}`)) as ReviewRequest[];
    const large = ready.filter(record => record.kind === 'cancellation' && record.requiresSecondApproval).slice(0, count);
    expect(large).toHaveLength(count);
    return Promise.all(large.map(async record => {
        const claimed = (await call('POST', `/cancellations/${record.id}/claim`)) as ReviewRequest;
        return (await call('POST', `/cancellations/${record.id}/approve`, { version: claimed.version })) as ReviewRequest;
    }));
}

describe('a supervisor\'s four-eyes decisions while the API fails on purpose', () => {
    it('the second approval and the send-back keep their note through a 500, a dropped or lost answer and a sign-in, and land once', { timeout: 180_000 }, async () => {
        const [toApprove, toSendBack] = await awaitingSecondApproval(2);
        const browser = await openBrowser();
        const { page } = browser;
        try {
            await page.goto(inject('realApiUrl'));
            await signIn(page, 'supervisor1');
            await page.getByRole('menuitem', { name: /Cancellations/ }).waitFor();
            const server = await supervisorApi();
            const setFaults = (config: FaultConfig) => fetch(`${origin}/__control/faults`, { method: 'PUT', body: JSON.stringify(config) });

            /** Opens the request, opens the panel's dialog, types; sends and retries until the dialog closes. */
            async function decide(id: string, button: 'second-approve' | 'send-back', note: string) {
                await page.goto(`${inject('realApiUrl')}/#/cancellations/${id}/show`);
                await page.getByTestId(button).click();
                const dialog = page.getByRole('dialog');
                const noteField = button === 'send-back' ? dialog.getByLabel(/Why/) : dialog.getByLabel(/Internal note/);
                if (button === 'second-approve') await confirmDigits(page);
                await noteField.fill(note);
                const seen: string[] = [];
                for (let attempt = 0; attempt < 8; attempt += 1) {
                    await page.getByRole('dialog').locator('textarea:not([readonly])').first().press('Control+Enter');
                    const result = await outcomeOf(page, () => page.getByTestId('claim-status').filter({ hasText: button === 'send-back' ? /Nobody holds/ : /Approved/ }).isVisible());
                    seen.push(result.outcome === 'failed' ? result.failure! : result.outcome);
                    if (result.outcome === 'done') return seen;
                    if (result.outcome === 'signed_out') {
                        await signIn(page, 'supervisor1');
                        // Back on the request: the dialog opens again with the note, unless a lost answer had
                        // already recorded the decision, which the screen then shows.
                        const done = page.getByTestId('claim-status').filter({ hasText: button === 'send-back' ? /Nobody holds/ : /Approved/ });
                        await page.getByRole('dialog').or(done).first().waitFor();
                        if (await done.isVisible()) return [...seen, 'already recorded'];
                        if (button === 'second-approve') await confirmDigits(page);
                    }
                    // Nothing typed is lost.
                    await expect.poll(() => (button === 'send-back' ? page.getByRole('dialog').getByLabel(/Why/) : page.getByRole('dialog').getByLabel(/Internal note/)).inputValue()).toBe(note);
                }
                throw new Error(`${button} on ${id} did not land: ${seen.join(' / ')}`);
            }

            await setFaults({ script: [{ fault: 'server_error', match: '/approve$' }, { fault: 'lost_answer', match: '/approve$' }, { fault: 'session_expired', match: '/approve$' }] });
            const approveNote = `second approval ${toApprove!.id} — 复核通过`;
            const approveSeen = await decide(toApprove!.id, 'second-approve', approveNote);
            const approveReport = (await (await fetch(`${origin}/__control/faults`)).json()) as FaultReport;
            await setFaults({ script: [{ fault: 'session_expired', match: '/send-back$' }, { fault: 'drop', match: '/send-back$' }, { fault: 'server_error', match: '/send-back$' }] });
            const sendBackNote = `send back ${toSendBack!.id}: refund reference does not match — 退款流水号不符`;
            const sendBackSeen = await decide(toSendBack!.id, 'send-back', sendBackNote);
            const report = (await (await fetch(`${origin}/__control/faults`, { method: 'DELETE' })).json()) as FaultReport;
            console.log(`fault soak supervisor: ${JSON.stringify({ secondApproval: { seen: approveSeen, injected: approveReport.log }, sendBack: { seen: sendBackSeen, injected: report.log } })}`);

            const approved = await server<ReviewRequest>(`/cancellations/${toApprove!.id}`);
            expect(approved).toMatchObject({ status: 'approved', decidedBy: 'u-supervisor1', numberReleasedBy: 'u-supervisor1', decision: { note: approveNote } });
            const sentBack = await server<ReviewRequest>(`/cancellations/${toSendBack!.id}`);
            expect(sentBack).toMatchObject({ status: 'pending', firstApproval: null });
            // Exactly one decision each, last in the trail (earlier seeded claims may have lapsed before).
            const trail = async (id: string) => withoutAccess(await server<AuditEntry[]>(`/audit?filter=${q({ requestId: id })}&sort=${q(['id', 'ASC'])}`)).map(entry => entry.action);
            const approvedTrail = await trail(toApprove!.id);
            expect(approvedTrail.slice(-2)).toEqual(['approve', 'second_approve']);
            expect(approvedTrail.filter(action => action === 'second_approve')).toHaveLength(1);
            const sentBackTrail = await trail(toSendBack!.id);
            expect(sentBackTrail.slice(-2)).toEqual(['approve', 'send_back']);
            expect(sentBackTrail.filter(action => action === 'send_back')).toHaveLength(1);
            // Each phase met the faults it scripted (a dropped send-back may be resent by Chromium itself).
            expect(approveReport.injected).toMatchObject({ server_error: 1, lost_answer: 1 });
            expect(report.injected).toMatchObject({ session_expired: 1, drop: 1 });
        } catch (error) {
            await screenshot(page, 'fault-soak-supervisor-failure');
            throw error;
        } finally {
            await browser.close();
        }
    });
});
