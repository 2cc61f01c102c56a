import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FaultKind } from '../../server/http/faults';
import { isReadyToApprove } from '../../src/domain/cancellationPreconditions';
import { reasonsFor } from '../../src/domain/reasonCatalogue';
import type { AuditAction, Cancellation, RequestKind, RequestStatus, ReviewRequest } from '../../src/domain/types';
import { createMockServer } from '../../mocks/node';
import { API_URL, renderConsole, signIn, TEST_NOW } from '../integration/renderConsole';
import { apiAs } from '../support/session';

// Every decision path of the console under every fault of the mock server's fault mode (mocks/api/faults.ts):
// what the operator typed survives, the retry succeeds, the decision is recorded exactly once, and the audit
// trail says what the record says.

// A larger store than the other integration tests: every test needs a fresh request of its kind (14 large refunds).
const { server, db, faults } = createMockServer({ seed: 11, size: 1500, now: () => TEST_NOW });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
    faults.off();
    server.resetHandlers();
});
afterAll(() => server.close());

type User = ReturnType<typeof userEvent.setup>;
type Username = 'operator1' | 'operator2' | 'supervisor1';
const RESOURCE: Record<RequestKind, string> = { verification: 'verifications', cancellation: 'cancellations' };
const USER_ID: Record<Username, string> = { operator1: 'u-operator1', operator2: 'u-operator2', supervisor1: 'u-supervisor1' };

/** Posts as `username`; anything but a 2xx fails the test. */
async function postAs(username: Username) {
    const call = await apiAs(API_URL, username);
    return async (path: string, body: unknown = {}) => {
        const answer = await call('POST', path, body);
        if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
        return (await answer.json()) as ReviewRequest;
    };
}

const taken = new Set<string>();
/** A pending request of `kind` that no other test uses. */
function pendingRequest(kind: RequestKind, wanted: (record: ReviewRequest) => boolean = () => true): ReviewRequest {
    const found = db.collection(kind).find(record => record.status === 'pending' && !taken.has(record.id) && record.attempt === 1 && wanted(record));
    if (!found) throw new Error(`no pending ${kind} left in the seed`);
    taken.add(found.id);
    return found;
}
const largeRefund = (c: Cancellation) => isReadyToApprove(c.account) && c.account.refundRequested && c.account.balance > 500_000;
const smallReady = (c: Cancellation) => isReadyToApprove(c.account) && !(c.account.refundRequested && c.account.balance > 500_000);

/** What the operator typed into the dialog, and how to check it is still there. */
interface Typed {
    dialog: HTMLElement;
    intact(dialog: HTMLElement): void;
    /** Types again what the console deliberately does not keep (the digits that confirm a number release). */
    retypeAfterSignIn?(user: User, dialog: HTMLElement): Promise<void>;
}

interface DecisionPath {
    name: string;
    kind: RequestKind;
    actor: Username;
    action: 'approve' | 'reject' | 'send-back';
    audit: AuditAction;
    finalStatus: RequestStatus;
    /** Finds a request and brings it to where the path starts (through the API, as other people would). */
    prepare(): Promise<string>;
    /** Opens the dialog and types into it. */
    fill(user: User, id: string): Promise<Typed>;
    confirmTestId: string;
    /** The record once the decision is recorded, with what was typed. */
    recorded(record: ReviewRequest): void;
    /** Faults that cannot happen on this path (races need a claim, which a second approval has not). */
    notApplicable?: FaultKind[];
}

const NOTE = 'Checked twice — 双重核对 <b>not bold</b>';
const MESSAGE_ADDITION = ' Please call us if unsure.';

async function fillNote(dialog: HTMLElement, user: User, testId: string | RegExp = 'internal-note') {
    const field = typeof testId === 'string' ? within(dialog).getByTestId(testId) : within(dialog).getByLabelText(testId);
    await user.click(field);
    await user.paste(NOTE);
    return field;
}

async function claimAs(username: Username, kind: RequestKind, id: string) {
    await (await postAs(username))(`/${RESOURCE[kind]}/${id}/claim`);
}

function approvePath(name: string, kind: RequestKind, wanted: (record: ReviewRequest) => boolean, expect_: { finalStatus: RequestStatus; digits: boolean }): DecisionPath {
    return {
        name, kind, actor: 'operator1', action: 'approve', audit: 'approve', finalStatus: expect_.finalStatus, confirmTestId: 'confirm-approve',
        async prepare() {
            const { id } = pendingRequest(kind, wanted);
            await claimAs('operator1', kind, id);
            return id;
        },
        async fill(user, id) {
            await user.keyboard('a');
            const dialog = await screen.findByRole('dialog', { name: `Approve ${id}?` });
            const typeDigits = async (d: HTMLElement) => {
                if (expect_.digits) await user.type(within(d).getByTestId('release-digits'), (db.findAny(id) as Cancellation).mobileNumber.slice(-4));
            };
            await typeDigits(dialog);
            await fillNote(dialog, user, /Internal note/);
            return {
                dialog,
                intact: d => expect(within(d).getByLabelText(/Internal note/)).toHaveValue(NOTE),
                retypeAfterSignIn: async (_, d) => typeDigits(d),
            };
        },
        recorded(record) {
            if (expect_.finalStatus === 'awaiting_second_approval') expect((record as Cancellation).firstApproval).toMatchObject({ by: 'u-operator1', note: NOTE });
            else expect(record.decision).toMatchObject({ outcome: 'approved', note: NOTE });
            if (kind === 'cancellation' && expect_.finalStatus === 'approved') expect(record).toMatchObject({ numberReleasedBy: 'u-operator1' });
        },
    };
}

function rejectPath(name: string, kind: RequestKind, reasonKey: number): DecisionPath {
    const reason = [...reasonsFor(kind)].sort((a, b) => a.order - b.order)[reasonKey - 1]!.id;
    return {
        name, kind, actor: 'operator1', action: 'reject', audit: 'reject', finalStatus: 'rejected', confirmTestId: 'confirm-reject',
        async prepare() {
            const { id } = pendingRequest(kind);
            await claimAs('operator1', kind, id);
            return id;
        },
        async fill(user, id) {
            await user.keyboard('r');
            const dialog = await screen.findByRole('dialog', { name: `Reject ${id}` });
            await waitFor(() => expect(within(dialog).getAllByRole('checkbox').length).toBeGreaterThan(3));
            await user.keyboard(String(reasonKey));
            await waitFor(() => expect(within(dialog).getByTestId('customer-message')).not.toHaveValue(''));
            const message = within(dialog).getByTestId('customer-message');
            await user.click(message);
            await user.keyboard('{End}');
            await user.paste(MESSAGE_ADDITION);
            const written = (message as HTMLTextAreaElement).value;
            await fillNote(dialog, user);
            return {
                dialog,
                intact: d => {
                    expect(within(d).getAllByRole('checkbox')[reasonKey - 1]).toBeChecked();
                    expect(within(d).getByTestId('customer-message')).toHaveValue(written);
                    expect(within(d).getByTestId('internal-note')).toHaveValue(NOTE);
                },
            };
        },
        recorded(record) {
            expect(record.decision).toMatchObject({ outcome: 'rejected', reasons: [reason], note: NOTE });
            expect(record.decision?.customerMessage).toContain(MESSAGE_ADDITION.trim());
        },
    };
}

/** operator1 gives the first approval of a large refund through the API; a supervisor takes it from there. */
async function awaitingSecondApproval() {
    const record = pendingRequest('cancellation', r => largeRefund(r as Cancellation));
    const operator = await postAs('operator1');
    const claimed = await operator(`/cancellations/${record.id}/claim`);
    await operator(`/cancellations/${record.id}/approve`, { version: claimed.version });
    return record.id;
}

const PATHS: DecisionPath[] = [
    approvePath('approving a verification', 'verification', () => true, { finalStatus: 'approved', digits: false }),
    rejectPath('rejecting a verification', 'verification', 2),
    approvePath('approving a cancellation (the number is released)', 'cancellation', r => smallReady(r as Cancellation), { finalStatus: 'approved', digits: true }),
    approvePath('the first approval of a large refund (four eyes)', 'cancellation', r => largeRefund(r as Cancellation), { finalStatus: 'awaiting_second_approval', digits: false }),
    rejectPath('rejecting a cancellation', 'cancellation', 1),
    {
        name: 'the second approval (supervisor)', kind: 'cancellation', actor: 'supervisor1', action: 'approve', audit: 'second_approve', finalStatus: 'approved',
        confirmTestId: 'confirm-approve', prepare: awaitingSecondApproval, notApplicable: ['race_taken', 'race_changed'],
        async fill(user, id) {
            const panel = await screen.findByTestId('second-approval');
            await waitFor(() => expect(within(panel).getByTestId('second-approve')).toBeEnabled());
            await user.click(within(panel).getByTestId('second-approve'));
            const dialog = await screen.findByRole('dialog', { name: `Approve ${id}?` });
            const typeDigits = (d: HTMLElement) => user.type(within(d).getByTestId('release-digits'), (db.findAny(id) as Cancellation).mobileNumber.slice(-4));
            await typeDigits(dialog);
            await fillNote(dialog, user, /Internal note/);
            return { dialog, intact: d => expect(within(d).getByLabelText(/Internal note/)).toHaveValue(NOTE), retypeAfterSignIn: async (_, d) => typeDigits(d) };
        },
        recorded: record => expect(record).toMatchObject({ decidedBy: 'u-supervisor1', numberReleasedBy: 'u-supervisor1', decision: { outcome: 'approved', note: NOTE } }),
    },
    {
        name: 'sending a first approval back (supervisor)', kind: 'cancellation', actor: 'supervisor1', action: 'send-back', audit: 'send_back', finalStatus: 'pending',
        confirmTestId: 'confirm-send-back', prepare: awaitingSecondApproval, notApplicable: ['race_taken', 'race_changed'],
        async fill(user, id) {
            const panel = await screen.findByTestId('second-approval');
            await waitFor(() => expect(within(panel).getByTestId('send-back')).toBeEnabled());
            await user.click(within(panel).getByTestId('send-back'));
            const dialog = await screen.findByRole('dialog', { name: `Send ${id} back to the queue` });
            await fillNote(dialog, user, /Why/);
            return { dialog, intact: d => expect(within(d).getByLabelText(/Why/)).toHaveValue(NOTE) };
        },
        recorded: record => expect(record).toMatchObject({ status: 'pending', firstApproval: null, assignee: null }),
    },
];

/** What the dialog says after each fault (before the retry). */
const FAILURE_TEXT: Record<FaultKind, RegExp> = {
    server_error: /Not sent: The server failed\. Nothing was changed/,
    drop: /Not sent: The server could not be reached/,
    lost_answer: /Not sent: The server could not be reached/,
    session_expired: /./,
    race_taken: /Someone else holds this request: Dewi Santoso/,
    race_changed: /This request changed while you were on it/,
};

const FAULTS: FaultKind[] = ['server_error', 'drop', 'lost_answer', 'session_expired', 'race_taken', 'race_changed'];

const decisionEntries = (id: string, audit: AuditAction) => db.state.audit.filter(entry => entry.requestId === id && entry.action === audit);
const confirm = (user: User, dialog: HTMLElement, testId: string) => user.click(within(dialog).getByTestId(testId));

async function signInAgain(user: User, username: Username) {
    await user.type(await screen.findByLabelText(/username/i), username);
    await user.type(screen.getByLabelText(/password/i, { selector: 'input' }), 'demo');
    await user.click(screen.getByRole('button', { name: /sign in/i }));
}

/** The dialog of `path` for `id` as it is on screen now (a sign-in or a refresh may have rendered a new one). */
const currentDialog = () => screen.getByRole('dialog');

/** Prepares a request for `path`, opens its review screen as the path's actor, opens the dialog and types into it. */
async function openAndType(path: DecisionPath, options: { autoAdvance?: boolean } = {}) {
    const id = await path.prepare();
    await signIn(path.actor);
    renderConsole({ path: `/${RESOURCE[path.kind]}/${id}/show` });
    const user = userEvent.setup();
    await screen.findByTestId('review-screen');
    if (path.actor !== 'supervisor1') await screen.findByText(/You hold this request/);
    if (options.autoAdvance === false) await user.click(screen.getByRole('switch', { name: 'Open the next request after a decision' }));
    const typed = await path.fill(user, id);
    return { id, user, typed };
}

describe.each(PATHS)('$name', path => {
    const faultsHere = FAULTS.filter(fault => !path.notApplicable?.includes(fault));

    it.each(faultsHere)('under %s: the typed text survives, the retry succeeds, the decision is recorded once', async fault => {
        const { id, user, typed } = await openAndType(path);

        faults.configure({ script: [{ fault, match: `^POST /${RESOURCE[path.kind]}/${id}/${path.action}$` }] });
        await confirm(user, typed.dialog, path.confirmTestId);

        if (fault === 'session_expired') {
            // Back to the sign-in screen; after signing in, the dialog opens again with the text.
            await signInAgain(user, path.actor);
            await waitFor(() => expect(currentDialog()).toBeInTheDocument());
            await waitFor(() => typed.intact(currentDialog()));
            await typed.retypeAfterSignIn?.(user, currentDialog());
        } else {
            expect(await within(typed.dialog).findByTestId('dialog-failure')).toHaveTextContent(FAILURE_TEXT[fault]);
            typed.intact(typed.dialog);
            if (fault === 'race_taken') {
                // The request is Dewi's now. The operator cancels the dialog; a supervisor hands the request back;
                // after a refresh the operator claims it again and finds the text where they left it.
                expect(db.findAny(id)).toMatchObject({ assignee: 'u-operator2', decision: null });
                await user.click(within(typed.dialog).getByRole('button', { name: 'Cancel' }));
                await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
                await (await postAs('supervisor1'))(`/${RESOURCE[path.kind]}/${id}/reassign`, { to: USER_ID[path.actor], note: 'back to you' });
                await user.click(screen.getByRole('button', { name: 'Refresh' }));
                await screen.findByText(/You hold this request/);
                await user.keyboard(path.action === 'reject' ? 'r' : 'a');
                await waitFor(() => expect(currentDialog()).toBeInTheDocument());
                await waitFor(() => typed.intact(currentDialog()));
                await typed.retypeAfterSignIn?.(user, currentDialog());
            }
        }
        if (fault === 'lost_answer') {
            // The server did record it; only the answer was lost. The retry is answered as a replay.
            expect(decisionEntries(id, path.audit)).toHaveLength(1);
        }

        await confirm(user, currentDialog(), path.confirmTestId);
        await waitFor(() => expect(db.findAny(id)!.status).toBe(path.finalStatus));

        const record = db.findAny(id)!;
        path.recorded(record);
        expect(decisionEntries(id, path.audit)).toHaveLength(1);
        const trail = db.state.audit.filter(entry => entry.requestId === id);
        expect(trail.at(-1)).toMatchObject({ action: path.audit, toStatus: record.status });
        expect(faults.report().injected[fault]).toBe(1);
        await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
        cleanup();
    });
});

describe('a lost answer, then the end of the session', () => {
    it('after signing in again the console finds the decision already on the record, says so, and asks nothing again', async () => {
        const path = PATHS[1]!;
        const { id, user, typed } = await openAndType(path, { autoAdvance: false });
        const match = `^POST /verifications/${id}/reject$`;
        faults.configure({ script: [{ fault: 'lost_answer', match }, { fault: 'session_expired', match }] });
        await confirm(user, typed.dialog, path.confirmTestId);
        expect(await within(typed.dialog).findByTestId('dialog-failure')).toHaveTextContent(FAILURE_TEXT.lost_answer);
        await confirm(user, typed.dialog, path.confirmTestId);
        await signInAgain(user, 'operator1');
        expect(await screen.findByText(`Your decision on ${id} was already recorded.`)).toBeInTheDocument();
        expect(screen.queryByRole('dialog')).toBeNull();
        path.recorded(db.findAny(id)!);
        expect(decisionEntries(id, 'reject')).toHaveLength(1);
    });
});

describe('a lost answer, then an edited note', () => {
    it('is not taken for saved: the record keeps the first note, the dialog keeps the edit and says the request changed', async () => {
        const path = PATHS[1]!;
        const { id, user, typed } = await openAndType(path);
        faults.configure({ script: [{ fault: 'lost_answer', match: `^POST /verifications/${id}/reject$` }] });
        await confirm(user, typed.dialog, path.confirmTestId);
        expect(await within(typed.dialog).findByTestId('dialog-failure')).toHaveTextContent(FAILURE_TEXT.lost_answer);
        await user.click(within(typed.dialog).getByTestId('internal-note'));
        await user.keyboard('{End}');
        await user.paste(' — and one more thing');
        await confirm(user, typed.dialog, path.confirmTestId);
        expect(await within(typed.dialog).findByText(/This request changed while you were on it/)).toBeInTheDocument();
        expect(within(typed.dialog).getByTestId('internal-note')).toHaveValue(`${NOTE} — and one more thing`);
        expect(db.findAny(id)!.decision).toMatchObject({ outcome: 'rejected', note: NOTE });
        expect(screen.queryByText(`Your decision on ${id} was already recorded.`)).toBeNull();
        expect(decisionEntries(id, 'reject')).toHaveLength(1);
    });
});
