import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Verification } from '../../src/domain/types';
import { API_URL, renderConsole, signIn, startMockApi } from './renderConsole';
import { apiAs } from '../support/session';

// The review screen and its dialogs load their code on first use (transformed then): slow on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const { server, db } = startMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const verification = (id: string) => db.find('verification', id) as Verification;
const screenRequestId = () => screen.getByTestId('review-screen').getAttribute('data-request')!;
const auditOf = (id: string) => db.state.audit.filter(entry => entry.requestId === id).map(entry => entry.action);

/** Signs in, opens the queue and presses `n`: the console claims the next request and opens it. */
async function reviewNext(username: 'operator1' | 'operator2' = 'operator1') {
    await signIn(username);
    renderConsole({ path: '/verifications' });
    const user = userEvent.setup();
    await screen.findByTestId('review-next');
    await user.keyboard('n');
    await screen.findByTestId('review-screen', {}, { timeout: 30_000 });
    await screen.findByText(/You hold this request/);
    return { user, id: screenRequestId() };
}

const apiAsUser = (username: string) => apiAs(API_URL, username);

describe('opening the next request', () => {
    it('one key claims the oldest waiting request and shows its documents, checks and data', async () => {
        const { id } = await reviewNext();
        expect(verification(id)).toMatchObject({ status: 'in_review', assignee: 'u-operator1' });
        expect(await screen.findByRole('img', { name: 'ID card front' })).toHaveAttribute('src', expect.stringMatching(/^http:\/\/localhost\/api\/documents\//));
        expect(within(screen.getByTestId('checklist')).getByText('Check character')).toBeInTheDocument();
        expect(within(screen.getByTestId('facts')).getByText(verification(id).fullName, { selector: '[data-field="fullName"]' })).toBeInTheDocument();
    });
});

describe('approving', () => {
    it('a and Enter approve, the note is recorded, and the next request opens by itself', async () => {
        const { user, id } = await reviewNext();
        await user.keyboard('a');
        const dialog = await screen.findByRole('dialog', { name: `Approve ${id}?` });
        await user.type(within(dialog).getByLabelText(/Internal note/), 'Looks fine');
        await user.keyboard('{Control>}{Enter}{/Control}');
        await waitFor(() => expect(screenRequestId()).not.toBe(id));
        expect(verification(id)).toMatchObject({ status: 'approved', decidedBy: 'u-operator1', decision: { outcome: 'approved', note: 'Looks fine' } });
        expect(auditOf(id)).toEqual(['claim', 'approve']);
    });
});

describe('rejecting', () => {
    it('cannot be sent without a reason', async () => {
        const { user, id } = await reviewNext();
        await user.keyboard('r');
        const dialog = await screen.findByRole('dialog', { name: `Reject ${id}` });
        await user.click(within(dialog).getByTestId('confirm-reject'));
        expect(within(dialog).getByRole('alert')).toHaveTextContent('Choose at least one reason.');
        expect(verification(id).status).toBe('in_review');
    });

    it('number keys pick reasons, the customer message follows them in the customer\'s language, and Ctrl+Enter sends', async () => {
        const { user, id } = await reviewNext();
        const customer = verification(id);
        await user.keyboard('r');
        const dialog = await screen.findByRole('dialog', { name: `Reject ${id}` });
        await waitFor(() => expect(within(dialog).getAllByRole('checkbox').length).toBeGreaterThan(5));
        await user.keyboard('13');
        const message = within(dialog).getByTestId('customer-message') as HTMLTextAreaElement;
        expect(message.value).toContain(customer.customerLanguage === 'en' ? `Dear ${customer.fullName}` : `尊敬的${customer.fullName}`);
        expect(within(dialog).getByTestId('retry-or-final')).toHaveTextContent('may correct this');
        await user.keyboard('{Control>}{Enter}{/Control}');
        await waitFor(() => expect(verification(id).status).toBe('rejected'));
        expect(verification(id).decision).toMatchObject({ reasons: ['id_expired', 'side_missing'], customerMessage: message.value });
    });

    it('shows when a reason makes the rejection final', async () => {
        const { user, id } = await reviewNext();
        await user.keyboard('r');
        const dialog = await screen.findByRole('dialog', { name: `Reject ${id}` });
        await waitFor(() => expect(within(dialog).getAllByRole('checkbox').length).toBeGreaterThan(8));
        await user.keyboard('9');
        expect(within(dialog).getByTestId('retry-or-final')).toHaveTextContent('Final: the customer may not submit again.');
    });

    it('number keys typed into the note are text, not reason picks', async () => {
        const { user, id } = await reviewNext();
        await user.keyboard('r');
        const dialog = await screen.findByRole('dialog', { name: `Reject ${id}` });
        await waitFor(() => expect(within(dialog).getAllByRole('checkbox').length).toBeGreaterThan(5));
        await user.type(within(dialog).getByTestId('internal-note'), 'case 12');
        expect(within(dialog).getAllByRole('checkbox').filter(box => (box as HTMLInputElement).checked)).toHaveLength(0);
        expect(within(dialog).getByTestId('internal-note')).toHaveValue('case 12');
    });

    it('an edited customer message is sent as written', async () => {
        const { user, id } = await reviewNext();
        await user.keyboard('r');
        const dialog = await screen.findByRole('dialog', { name: `Reject ${id}` });
        await waitFor(() => expect(within(dialog).getAllByRole('checkbox').length).toBeGreaterThan(5));
        await user.keyboard('2');
        const message = within(dialog).getByTestId('customer-message');
        await user.clear(message);
        await user.type(message, 'Please send a sharper photo.');
        await user.click(within(dialog).getByTestId('confirm-reject'));
        await waitFor(() => expect(verification(id).status).toBe('rejected'));
        expect(verification(id).decision?.customerMessage).toBe('Please send a sharper photo.');
    });
});

describe('when a decision fails, nothing typed is lost', () => {
    it('a server error keeps reasons, message and note in the open dialog; the retry succeeds once', async () => {
        const { user, id } = await reviewNext();
        server.use(http.post(`${API_URL}/verifications/:id/reject`, () => HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 }), { once: true }));
        await user.keyboard('r');
        const dialog = await screen.findByRole('dialog', { name: `Reject ${id}` });
        await waitFor(() => expect(within(dialog).getAllByRole('checkbox').length).toBeGreaterThan(5));
        await user.keyboard('2');
        await user.type(within(dialog).getByTestId('internal-note'), 'glare on the number');
        await user.click(within(dialog).getByTestId('confirm-reject'));
        expect(await within(dialog).findByTestId('dialog-failure')).toHaveTextContent('The server failed');
        expect(within(dialog).getByTestId('internal-note')).toHaveValue('glare on the number');
        expect(within(dialog).getAllByRole('checkbox')[1]).toBeChecked();
        expect(verification(id).status).toBe('in_review');
        await user.click(within(dialog).getByTestId('confirm-reject'));
        await waitFor(() => expect(verification(id).status).toBe('rejected'));
        expect(verification(id).decision?.note).toBe('glare on the number');
        expect(auditOf(id).filter(action => action === 'reject')).toHaveLength(1);
    });

    it('a 409 names who holds the request now, refreshes the screen, and overwrites nothing', async () => {
        const { user, id } = await reviewNext();
        await user.keyboard('a');
        const dialog = await screen.findByRole('dialog', { name: `Approve ${id}?` });
        // Meanwhile a supervisor takes the request back and operator2 claims it.
        await (await apiAsUser('supervisor1'))('POST', `/verifications/${id}/release`, { note: 'rebalancing' });
        await (await apiAsUser('operator2'))('POST', `/verifications/${id}/claim`);
        await user.click(within(dialog).getByTestId('confirm-approve'));
        expect(await within(dialog).findByTestId('dialog-failure')).toHaveTextContent('Someone else holds this request: Dewi Santoso');
        expect(verification(id)).toMatchObject({ status: 'in_review', assignee: 'u-operator2', decision: null });
        await waitFor(() => expect(screen.getByTestId('claim-status')).toHaveTextContent('Held by Dewi Santoso'));
    });

    it('a 401 keeps the draft: after signing in again the dialog reopens with it', async () => {
        const { user, id } = await reviewNext();
        server.use(http.post(`${API_URL}/verifications/:id/reject`, () => HttpResponse.json({ error: { code: 'unauthenticated', message: 'expired' } }, { status: 401 }), { once: true }));
        await user.keyboard('r');
        let dialog = await screen.findByRole('dialog', { name: `Reject ${id}` });
        await waitFor(() => expect(within(dialog).getAllByRole('checkbox').length).toBeGreaterThan(5));
        await user.keyboard('1');
        await user.type(within(dialog).getByTestId('internal-note'), 'kept across sign-in');
        await user.click(within(dialog).getByTestId('confirm-reject'));
        await user.type(await screen.findByLabelText(/username/i), 'operator1');
        await user.type(screen.getByLabelText(/password/i, { selector: 'input' }), 'demo');
        await user.click(screen.getByRole('button', { name: /sign in/i }));
        dialog = await screen.findByRole('dialog', { name: `Reject ${id}` });
        expect(within(dialog).getByTestId('internal-note')).toHaveValue('kept across sign-in');
        await waitFor(() => expect(within(dialog).getAllByRole('checkbox')[0]).toBeChecked());
        await user.click(within(dialog).getByTestId('confirm-reject'));
        await waitFor(() => expect(verification(id)).toMatchObject({ status: 'rejected', decision: { reasons: ['id_expired'], note: 'kept across sign-in' } }));
    });
});

describe('releasing', () => {
    it('l gives the request back to the queue, and review next does not hand it straight back', async () => {
        const { user, id } = await reviewNext();
        await user.keyboard('l');
        await waitFor(() => expect(verification(id)).toMatchObject({ status: 'pending', assignee: null }));
        await user.keyboard('n');
        await waitFor(() => expect(screenRequestId()).not.toBe(id));
        expect(auditOf(id)).toEqual(['claim', 'release']);
    });
});

describe('what the screen never does', () => {
    it('renders customer-supplied text as text and loads no unsafe document URL', async () => {
        const id = db.state.verifications.find(v => v.status === 'pending')!.id;
        await signIn('operator1');
        const hostile = { ...verification(id), fullName: '<img src=x onerror="window.hacked=1">', address: '<script>window.hacked=1</script>', documents: { idFront: 'javascript:alert(1)', idBack: 'data:text/html,<script>alert(1)</script>', selfie: null } };
        server.use(http.get(`${API_URL}/verifications/:id`, () => HttpResponse.json(hostile)));
        renderConsole({ path: `/verifications/${id}/show` });
        const facts = await screen.findByTestId('facts');
        expect(facts.querySelector('[data-field="fullName"]')!.textContent).toBe(hostile.fullName);
        expect(facts.querySelector('[data-field="address"]')!.textContent).toBe(hostile.address);
        expect(document.querySelector('img[src^="javascript"], img[src^="data:text"], script:not([src])')).toBeNull();
        expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
        expect((await screen.findAllByText('Not shown: the document address is not a safe image URL.')).length).toBeGreaterThan(0);
    });

    it('does not fire shortcuts while the operator types in the search field', async () => {
        await signIn('operator1');
        const held = () => db.state.verifications.filter(v => v.assignee === 'u-operator1' && v.status === 'in_review').length;
        const before = held();
        // The queue asked again with the typed text as its search: the key was text, and its effects are all in.
        const searched: string[] = [];
        const onRequest = ({ request }: { request: Request }) => {
            const filter = new URL(request.url).searchParams.get('filter');
            if (new URL(request.url).pathname === '/api/verifications' && filter?.includes('"q":"n"')) searched.push(filter);
        };
        server.events.on('request:end', onRequest);
        renderConsole({ path: '/verifications' });
        const user = userEvent.setup();
        await user.type(await screen.findByPlaceholderText('Name, mobile, ID number or request id'), 'n');
        await waitFor(() => expect(searched.length).toBeGreaterThan(0));
        server.events.removeListener('request:end', onRequest);
        expect(screen.queryByTestId('review-screen')).toBeNull();
        expect(held()).toBe(before);
    });
});

describe('a resubmission', () => {
    it('shows the previous attempt\'s rejection reasons and what changed, and both attempts\' documents once the operator holds it', async () => {
        const retry = db.state.verifications.find(v => v.attempt > 1 && v.status === 'pending')!;
        await signIn('operator1');
        renderConsole({ path: `/verifications/${retry.id}/show` });
        const previous = await screen.findByTestId('previous-attempt');
        expect(previous).toHaveTextContent(`Previous attempt ${retry.previousId}`);
        expect(within(previous).getByRole('alert')).toHaveTextContent(/Rejected on/);
        // Nobody holds it yet: identity data masked, no document URL.
        expect(screen.getByTestId('identity-masked')).toBeInTheDocument();
        expect(screen.getByTestId('documents-withheld')).toBeInTheDocument();
        // Six labelled placeholders, no image loaded.
        expect(within(previous).getAllByRole('img').map(node => node.tagName)).toEqual(Array(6).fill('DIV'));
        await userEvent.setup().keyboard('c');
        await waitFor(() => expect(screen.getByTestId('previous-attempt').querySelectorAll('img')).toHaveLength(6));
        expect(screen.queryByTestId('identity-masked')).toBeNull();
        expect(verification(retry.id)).toMatchObject({ status: 'in_review', assignee: 'u-operator1' });
    });
});
