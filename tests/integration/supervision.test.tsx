import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OPERATORS } from '../../mocks/seed/seed';
import { addDays, dayOf } from '../../src/domain/dayRange';
import { purgeIdentity } from '../../src/domain/retention';
import type { Verification } from '../../src/domain/types';
import { API_URL, renderConsole, signIn, startMockApi, TEST_NOW } from './renderConsole';
import { callWith, signInThroughApi } from '../support/session';

const { server, db } = startMockApi();
/** Status codes the server answered to the audit list, per test. */
const auditAnswers: number[] = [];
beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    server.events.on('response:mocked', ({ request, response }) => {
        if (new URL(request.url).pathname === '/api/audit') auditAnswers.push(response.status);
    });
});
afterEach(() => {
    server.resetHandlers();
    auditAnswers.length = 0;
});
afterAll(() => server.close());

async function apiAs(username: string) {
    const call = callWith(API_URL, (await signInThroughApi(API_URL, username)).token);
    return async (method: string, path: string, body?: unknown) => (await call(method, path, body)).json();
}

describe('what an operator does not see', () => {
    it('no dashboard, audit trail or quality reviews in the menu, and the queue is their home page', async () => {
        await signIn('operator1');
        renderConsole({ path: '/' });
        await screen.findByRole('menuitem', { name: /verifications/i });
        await waitFor(() => expect(window.location.hash).toMatch(/^#\/verifications/));
        expect(screen.queryByRole('menuitem', { name: /dashboard/i })).toBeNull();
        expect(screen.queryByRole('menuitem', { name: /audit/i })).toBeNull();
        expect(screen.queryByRole('menuitem', { name: /quality/i })).toBeNull();
    });

    it('opening the audit trail by its address is refused by the console, and by the server too', async () => {
        await signIn('operator1');
        renderConsole({ path: '/audit' });
        expect(await screen.findByText(/not authorized|access denied|don't have access/i)).toBeInTheDocument();
        expect(screen.queryAllByRole('row')).toHaveLength(0);
        await waitFor(() => expect(auditAnswers.length).toBeGreaterThan(0));
        expect(new Set(auditAnswers)).toEqual(new Set([403]));
    });
});

describe('the audit trail (supervisors)', () => {
    it('lists events newest first and filters by operator and action on the server', async () => {
        await signIn('supervisor1');
        renderConsole({ path: '/audit' });
        await waitFor(() => expect(screen.getAllByRole('row').length).toBeGreaterThan(5));
        const user = userEvent.setup();
        await user.click(screen.getByLabelText('Action'));
        await user.click(await screen.findByRole('option', { name: 'Rejected' }));
        const expected = db.state.audit.filter(e => e.action === 'reject').length;
        expect(await screen.findByText(new RegExp(`of ${expected}$`))).toBeInTheDocument();
        const actions = screen.getAllByRole('row').slice(1).map(row => within(row).getAllByRole('cell')[2]!.textContent);
        expect(actions.length).toBe(Math.min(expected, 50));
        expect(new Set(actions)).toEqual(new Set(['Rejected']));
    });
});

describe('the dashboard (supervisors)', () => {
    it('shows queue health and the team as numbers, and the counts move after a decision', async () => {
        await signIn('supervisor1');
        renderConsole({ path: '/' });
        const verificationHealth = await screen.findByTestId('queue-health-verification');
        const pendingFigure = () => Number(within(verificationHealth).getByText((_, el) => el?.parentElement?.getAttribute('data-figure') === 'pending' && el.tagName === 'P').textContent);
        const before = pendingFigure();
        expect(before).toBe(db.state.verifications.filter(v => v.status === 'pending').length);
        expect(await screen.findByTestId('team-table')).toBeInTheDocument();
        // The range is the server's last seven days, on the server's (pinned) clock.
        expect(screen.getByTestId('range-to')).toHaveValue(dayOf(TEST_NOW));
        expect(screen.getByTestId('range-from')).toHaveValue(addDays(dayOf(TEST_NOW), -6));

        const operator = await apiAs('operator2');
        const next = await operator('POST', '/verifications/claim-next', {});
        await operator('POST', `/verifications/${next.id}/approve`, { version: next.version });
        await userEvent.setup().click(screen.getByRole('button', { name: 'Refresh' }));
        await waitFor(() => expect(pendingFigure()).toBe(db.state.verifications.filter(v => v.status === 'pending').length));
        const row = screen.getByTestId('team-table').querySelector('[data-operator="u-operator2"]')!;
        expect(Number(row.querySelector('[data-column="decisions"]')!.textContent)).toBeGreaterThan(0);
    });
});

describe('quality sampling (supervisors)', () => {
    it('draws a sample, reviews one decision blind, and the verdict reveals the original outcome', async () => {
        await signIn('supervisor1');
        const supervisor = await apiAs('supervisor1');
        const sample = await supervisor('POST', '/quality-samples', { operatorId: 'u-operator1', from: '2026-11-01', to: '2026-11-30', rate: 1 });
        expect(sample.reviewIds.length).toBeGreaterThan(0);
        const reviewId = sample.reviewIds[0];
        renderConsole({ path: `/quality-reviews/${reviewId}/show` });
        const panel = await screen.findByTestId('verdict-panel');
        expect(within(panel).getByText('The original decision stays hidden until you give your verdict.')).toBeInTheDocument();
        expect(screen.queryByTestId('revealed-outcome')).toBeNull();
        expect(screen.queryByText(/^(Approved|Rejected)$/)).toBeNull();
        const user = userEvent.setup();
        expect(within(panel).getByTestId('disagree')).toBeDisabled();
        await user.type(within(panel).getByTestId('verdict-note'), 'The card photo was too dark to approve');
        await user.click(within(panel).getByTestId('disagree'));
        expect(await screen.findByTestId('revealed-outcome')).toHaveTextContent(/The original decision: (Approved|Rejected)/);
        expect(db.state.audit.at(-1)).toMatchObject({ action: 'quality_verdict', actor: 'u-supervisor1', note: 'The card photo was too dark to approve' });
    });
});

describe('four eyes in quality sampling', () => {
    it('a supervisor is not offered their own decisions to sample', async () => {
        await signIn('supervisor1');
        renderConsole({ path: '/quality-reviews' });
        const user = userEvent.setup();
        await user.click(await screen.findByTestId('draw-sample'));
        await user.click(within(await screen.findByRole('dialog')).getByRole('combobox', { name: 'Operator' }));
        const options = await screen.findAllByRole('option');
        expect(options.map(option => option.textContent)).toEqual(expect.arrayContaining(['林晓 Lin Xiao', 'Dewi Santoso']));
        expect(options.map(option => option.textContent)).not.toContain('周敏 Zhou Min');
    });

    it('a review of one\'s own decision says another supervisor gives the verdict, and offers no verdict buttons', async () => {
        const decided = db.state.verifications.find(v => v.decidedBy !== null)!;
        db.state.qualityReviews.push({
            id: 'QR-900002', sampleId: 'QS-900002', requestKind: 'verification', requestId: decided.id, operatorId: 'u-supervisor1', decidedAt: decided.decidedAt!,
            verdict: null, note: null, reviewedBy: null, reviewedAt: null, outcome: null, reasons: null,
        });
        await signIn('supervisor1');
        renderConsole({ path: '/quality-reviews/QR-900002/show' });
        expect(await screen.findByTestId('verdict-panel')).toHaveTextContent('This is your own decision: another supervisor gives the verdict (four-eyes rule).');
        expect(screen.queryByTestId('agree')).toBeNull();
        expect(screen.queryByTestId('disagree')).toBeNull();
    });
});

describe('taking back and reassigning claims (supervisors)', () => {
    const claimedByOperator1 = async (): Promise<{ id: string }> => (await apiAs('operator1'))('POST', '/verifications/claim-next', {});

    /** operator1 holds a request; a supervisor opens it and fills the reassign dialog (to Dewi Santoso, with `note`). */
    async function reassignToDewi(note: string, claimed?: { id: string }) {
        const held = claimed ?? (await claimedByOperator1());
        await signIn('supervisor1');
        renderConsole({ path: `/verifications/${held.id}/show` });
        const user = userEvent.setup();
        await user.click(await screen.findByTestId('reassign'));
        const dialog = await screen.findByRole('dialog', { name: `Reassign ${held.id}` });
        await user.click(within(dialog).getByLabelText('To'));
        await user.click(await screen.findByRole('option', { name: 'Dewi Santoso' }));
        await user.type(within(dialog).getByTestId('supervision-note'), note);
        return { user, held, dialog };
    }

    it('a supervisor reassigns an operator\'s claim with a note, and the audit trail says so', async () => {
        const { user, held, dialog } = await reassignToDewi('operator1 is on leave');
        await user.click(within(dialog).getByTestId('confirm-supervision'));
        await waitFor(() => expect(db.find('verification', held.id)).toMatchObject({ status: 'in_review', assignee: 'u-operator2' }));
        expect(db.state.audit.at(-1)).toMatchObject({ action: 'reassign', actor: 'u-supervisor1', note: 'operator1 is on leave' });
    });

    it('a double click on the confirm button sends one reassign', async () => {
        const held = await claimedByOperator1();
        const reassigns: string[] = [];
        const count = ({ request }: { request: Request }) => {
            if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/reassign')) reassigns.push(request.url);
        };
        server.events.on('request:start', count);
        try {
            const { user, dialog } = await reassignToDewi('rebalancing', held);
            await user.dblClick(within(dialog).getByTestId('confirm-supervision'));
            await waitFor(() => expect(db.find('verification', held.id)).toMatchObject({ assignee: 'u-operator2' }));
            await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
            expect(reassigns).toHaveLength(1);
            expect(db.state.audit.filter(entry => entry.requestId === held.id && entry.action === 'reassign')).toHaveLength(1);
        } finally {
            server.events.removeListener('request:start', count);
        }
    });
});

describe('who looked (supervisors)', () => {
    it('for a customer, who saw their identity data and why; for an operator, what they opened that they did not decide', async () => {
        const decided = db.state.verifications.find(v => v.status === 'rejected' && v.decidedBy === 'u-operator1')!;
        // A supervisor looks at the record whole (a view) and asks for it with a purpose (a reveal).
        const asSupervisor = await apiAs('supervisor1');
        await asSupervisor('POST', `/verifications/${decided.id}/reveal`, { purpose: 'customer complaint 77' });
        await signIn('supervisor1');
        renderConsole({ path: '/who-looked' });
        const user = userEvent.setup();
        await user.type(await screen.findByTestId('access-customer'), `${decided.idNumber}{Enter}`);
        const byCustomer = await screen.findByRole('table', { name: /Who saw a customer/ });
        const row = within(byCustomer).getByText(decided.id).closest('tr')!;
        expect(row).toHaveTextContent('Revealed identity data');
        expect(row).toHaveTextContent('customer complaint 77');
        // The supervisor did not decide it: it is among what they opened without deciding.
        await user.click(screen.getByLabelText('Operator'));
        await user.click(await screen.findByRole('option', { name: OPERATORS.find(op => op.id === 'u-supervisor1')!.name }));
        const byOperator = await screen.findByRole('table', { name: /What an operator opened/ });
        expect(within(byOperator).getByText(decided.id)).toBeInTheDocument();
    });
});

describe('identity data for supervisors', () => {
    it('a supervisor who opens a request from the queue sees it whole, not as its masked queue row', async () => {
        await signIn('supervisor1');
        renderConsole({ path: '/verifications' });
        const user = userEvent.setup();
        const firstRow = (await screen.findAllByRole('row')).find(row => /V-\d{6}/.test(row.textContent ?? ''))!;
        const id = /V-\d{6}/.exec(firstRow.textContent ?? '')![0];
        const whole = db.find('verification', id) as Verification;
        // The queue shows the number masked; the review screen shows it as the customer gave it.
        expect(firstRow.textContent).not.toContain(whole.mobileNumber);
        await user.click(within(firstRow).getByText(id));
        expect(await screen.findAllByText(whole.idNumber)).not.toHaveLength(0);
        expect(screen.queryByTestId('identity-masked')).toBeNull();
    });
});

describe('exports by the server', () => {
    it('a supervisor\'s full export asks for a purpose in a dialog; and the server writes it as a full export entry with the purpose', async () => {
        const downloads: string[] = [];
        const createObjectURL = URL.createObjectURL;
        URL.createObjectURL = (blob: Blob) => { downloads.push(blob.type); return 'blob:export'; };
        try {
            await signIn('supervisor1');
            renderConsole({ path: '/verifications' });
            const user = userEvent.setup();
            await user.click(await screen.findByTestId('export-full'));
            const dialog = await screen.findByRole('dialog', { name: /with full identity data/ });
            const confirm = within(dialog).getByTestId('confirm-full-export');
            expect(confirm).toBeDisabled();
            await user.type(within(dialog).getByTestId('export-purpose'), 'regulator request 118');
            await user.click(confirm);
            await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
            await waitFor(() => expect(downloads).toHaveLength(1));
            const entry = db.state.audit.at(-1)!;
            expect(entry).toMatchObject({ actor: 'u-supervisor1', action: 'export', note: 'regulator request 118', export: { resource: 'verifications', full: true } });
            expect(await screen.findByText(/Exported \d+ rows/)).toBeInTheDocument();
        } finally {
            URL.createObjectURL = createObjectURL;
        }
    });

    it('an operator\'s queue offers only the masked export, and the server writes it as a masked export', async () => {
        const createObjectURL = URL.createObjectURL;
        URL.createObjectURL = () => 'blob:export';
        try {
            await signIn('operator1');
            renderConsole({ path: '/cancellations' });
            const user = userEvent.setup();
            await user.click(await screen.findByTestId('export-masked'));
            expect(screen.queryByTestId('export-full')).toBeNull();
            await waitFor(() => expect(db.state.audit.at(-1)).toMatchObject({ actor: 'u-operator1', action: 'export', note: null, export: { resource: 'cancellations', full: false } }));
        } finally {
            URL.createObjectURL = createObjectURL;
        }
    });
});

describe('unusual access on the dashboard', () => {
    it('lists the operators the API flags, with their figures, each linking to what they opened in who-looked', async () => {
        // The API computes the flags (tests/contract/accessFlags.test.ts); here its answer flags operator2 for the console to show.
        const real = await (await apiAs('supervisor1'))('GET', '/stats');
        const flagged = { ...real, access: real.access.map((row: { operatorId: string }) => (row.operatorId === 'u-operator2' ? { ...row, opened: 31, decisions: 4, revealsOutsideOwn: 1, unusual: true } : { ...row, unusual: false })) };
        server.use(http.get(`${API_URL}/stats`, () => HttpResponse.json(flagged)));
        await signIn('supervisor1');
        renderConsole({ path: '/' });
        const card = await screen.findByTestId('unusual-access');
        const name = OPERATORS.find(op => op.id === 'u-operator2')!.name;
        const link = await within(card).findByRole('link', { name });
        expect(within(card).getByText(/opened 31 requests, decided 4 · one reveal outside their own decisions/)).toBeInTheDocument();
        expect(within(card).queryByRole('link', { name: OPERATORS.find(op => op.id === 'u-operator1')!.name })).toBeNull();
        const user = userEvent.setup();
        await user.click(link);
        await waitFor(() => expect(window.location.hash).toBe('#/who-looked?operator=u-operator2'));
        expect(await screen.findByTestId('access-operator')).toHaveValue('u-operator2');
    });
});

describe('a request whose identity data was purged (retention)', () => {
    it('says when its documents and identity data were deleted, and offers nothing to reveal', async () => {
        const index = db.state.verifications.findIndex(v => v.status === 'approved');
        const record = db.state.verifications[index]!;
        db.state.verifications[index] = purgeIdentity(record, TEST_NOW) as Verification;
        db.reindex();
        await signIn('supervisor1');
        renderConsole({ path: `/verifications/${record.id}/show` });
        expect(await screen.findByTestId('identity-purged')).toHaveTextContent(/were deleted on .*as the retention rule says/);
        expect(screen.queryByTestId('reveal-identity')).toBeNull();
        expect(screen.queryByText(record.idNumber)).toBeNull();
    });
});
