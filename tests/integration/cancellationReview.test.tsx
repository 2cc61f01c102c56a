import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failingPreconditions, isReadyToApprove } from '../../src/domain/cancellationPreconditions';
import type { Cancellation } from '../../src/domain/types';
import { renderConsole, signIn, startMockApi } from './renderConsole';

const { server, db } = startMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const cancellation = (id: string) => db.find('cancellation', id) as Cancellation;
const used = new Set<string>();
/** A pending cancellation nobody else in this file uses, matching `wanted`. */
function pendingCancellation(wanted: (c: Cancellation) => boolean) {
    const found = (db.state.cancellations as Cancellation[]).find(c => c.status === 'pending' && !used.has(c.id) && wanted(c));
    if (!found) throw new Error('no such cancellation in the seed');
    used.add(found.id);
    return found;
}
const largeRefund = (c: Cancellation) => isReadyToApprove(c.account) && c.account.refundRequested && c.account.balance > 500_000;
const smallReady = (c: Cancellation) => isReadyToApprove(c.account) && !(c.account.refundRequested && c.account.balance > 500_000);

/** Opens the request as `username` and claims it with the `c` key. */
async function openAndClaim(id: string, username: 'operator1' | 'supervisor1' = 'operator1') {
    await signIn(username);
    renderConsole({ path: `/cancellations/${id}/show` });
    const user = userEvent.setup();
    await screen.findByText('Nobody holds this request. Claim it to decide.');
    await user.keyboard('c');
    await screen.findByText(/You hold this request/);
    return user;
}

async function turnOffAutoAdvance(user: ReturnType<typeof userEvent.setup>) {
    await user.click(screen.getByRole('switch', { name: 'Open the next request after a decision' }));
}

describe('approval is blocked while a precondition fails', () => {
    it.each([
        ['an outstanding balance', 'balance_cleared', (c: Cancellation) => c.account.balance > 0 && !c.account.refundSettled],
        ['a bound device', 'devices_unbound', (c: Cancellation) => c.account.boundDevices.length > 0],
        ['an unpaid bill', 'nothing_unpaid', (c: Cancellation) => c.account.openItems.length > 0],
    ])('with %s the checklist says why and Approve is disabled', async (_what, precondition, wanted) => {
        const record = pendingCancellation(wanted);
        const user = await openAndClaim(record.id);
        const checklist = screen.getByTestId('preconditions');
        expect(checklist.querySelector(`[data-precondition="${precondition}"]`)).toHaveAttribute('data-met', 'false');
        expect(screen.getByTestId('approve')).toBeDisabled();
        expect(screen.getByTestId('approve-blocked')).toHaveTextContent('Approval is blocked');
        await user.keyboard('a');
        expect(screen.queryByRole('dialog')).toBeNull();
        expect(failingPreconditions(record.account).map(p => p.id)).toContain(precondition);
        expect(cancellation(record.id).status).toBe('in_review');
    });
});

describe('approving releases the number for good', () => {
    it('asks for the last four digits, says it cannot be undone, and records who released the number', async () => {
        const record = pendingCancellation(smallReady);
        const user = await openAndClaim(record.id);
        await turnOffAutoAdvance(user);
        await user.keyboard('a');
        const dialog = await screen.findByRole('dialog', { name: `Approve ${record.id}?` });
        expect(within(dialog).getByTestId('irreversible')).toHaveTextContent(`releases ${record.mobileNumber} to the number pool for good`);
        const confirm = within(dialog).getByTestId('confirm-approve');
        expect(confirm).toBeDisabled();
        await user.type(within(dialog).getByTestId('release-digits'), '0000');
        if (!record.mobileNumber.endsWith('0000')) {
            expect(within(dialog).getByText('The digits do not match the number.')).toBeInTheDocument();
            expect(confirm).toBeDisabled();
        }
        await user.clear(within(dialog).getByTestId('release-digits'));
        await user.type(within(dialog).getByTestId('release-digits'), record.mobileNumber.slice(-4));
        expect(confirm).toBeEnabled();
        await user.keyboard('{Control>}{Enter}{/Control}');
        await waitFor(() => expect(cancellation(record.id)).toMatchObject({ status: 'approved', numberReleasedBy: 'u-operator1' }));
        expect(await screen.findByTestId('number-released')).toHaveTextContent('Number released on');
    });
});

/** operator1 gives the first approval of a large refund; then supervisor1 opens it. */
async function firstApprovedByOperator() {
    const record = pendingCancellation(largeRefund);
    const operator = await openAndClaim(record.id);
    await turnOffAutoAdvance(operator);
    await operator.keyboard('a');
    await operator.click(within(await screen.findByRole('dialog')).getByTestId('confirm-approve'));
    await waitFor(() => expect(cancellation(record.id).status).toBe('awaiting_second_approval'));
    cleanup();
    await signIn('supervisor1');
    renderConsole({ path: `/cancellations/${record.id}/show` });
    return record;
}

describe('four eyes on large refunds', () => {
    it('an operator\'s approval waits for a supervisor, who completes it and releases the number', async () => {
        const record = pendingCancellation(largeRefund);
        const user = await openAndClaim(record.id);
        await turnOffAutoAdvance(user);
        await user.keyboard('a');
        const dialog = await screen.findByRole('dialog', { name: `Approve ${record.id}?` });
        expect(within(dialog).getByTestId('four-eyes-notice')).toHaveTextContent('goes to a supervisor');
        await user.click(within(dialog).getByTestId('confirm-approve'));
        await waitFor(() => expect(cancellation(record.id)).toMatchObject({ status: 'awaiting_second_approval', numberReleasedAt: null, firstApproval: { by: 'u-operator1' } }));
        expect(await screen.findByTestId('second-approval')).toHaveTextContent('Only a supervisor can give the second approval.');
        expect(screen.getByTestId('second-approve')).toBeDisabled();
    });

    it('the supervisor gives the second approval by typing the digits', async () => {
        const record = await firstApprovedByOperator();
        const user = userEvent.setup();
        const panels = await screen.findAllByTestId('second-approval');
        await waitFor(() => expect(within(panels.at(-1)!).getByTestId('second-approve')).toBeEnabled());
        await user.click(within(panels.at(-1)!).getByTestId('second-approve'));
        const dialog = await screen.findByRole('dialog', { name: `Approve ${record.id}?` });
        await user.type(within(dialog).getByTestId('release-digits'), record.mobileNumber.slice(-4));
        await user.click(within(dialog).getByTestId('confirm-approve'));
        await waitFor(() => expect(cancellation(record.id)).toMatchObject({ status: 'approved', numberReleasedBy: 'u-supervisor1', decidedBy: 'u-supervisor1' }));
        expect(db.state.audit.filter(e => e.requestId === record.id).map(e => e.action)).toEqual(['claim', 'approve', 'view', 'second_approve']);
        // The supervisor who opened it whole (not its holder) is on record as having looked.
        expect(db.state.audit.find(e => e.requestId === record.id && e.action === 'view')).toMatchObject({ actor: 'u-supervisor1' });
    });

    it('the same person cannot give both approvals: the screen says so and offers no button', async () => {
        const record = pendingCancellation(largeRefund);
        const user = await openAndClaim(record.id, 'supervisor1');
        await turnOffAutoAdvance(user);
        await user.keyboard('a');
        await user.click(within(await screen.findByRole('dialog')).getByTestId('confirm-approve'));
        const panel = await screen.findByTestId('second-approval');
        expect(panel).toHaveTextContent('You gave the first approval: a different supervisor must give the second.');
        expect(within(panel).getByTestId('second-approve')).toBeDisabled();
        await user.keyboard('a');
        expect(screen.queryByRole('dialog')).toBeNull();
        expect(cancellation(record.id).status).toBe('awaiting_second_approval');
    });

    it('a supervisor can send it back to the queue with a reason', async () => {
        const record = await firstApprovedByOperator();
        const user = userEvent.setup();
        const panels = await screen.findAllByTestId('second-approval');
        await waitFor(() => expect(within(panels.at(-1)!).getByTestId('send-back')).toBeEnabled());
        await user.click(within(panels.at(-1)!).getByTestId('send-back'));
        const dialog = await screen.findByRole('dialog', { name: `Send ${record.id} back to the queue` });
        expect(within(dialog).getByTestId('confirm-send-back')).toBeDisabled();
        await user.type(within(dialog).getByLabelText(/Why/), 'Refund reference does not match the bank statement');
        await user.click(within(dialog).getByTestId('confirm-send-back'));
        await waitFor(() => expect(cancellation(record.id)).toMatchObject({ status: 'pending', firstApproval: null }));
        expect(db.state.audit.filter(e => e.requestId === record.id).at(-1)).toMatchObject({ action: 'send_back', actor: 'u-supervisor1', note: 'Refund reference does not match the bank statement' });
    });
});

describe('rejecting a cancellation', () => {
    it('uses the cancellation catalogue and the customer\'s language', async () => {
        const record = pendingCancellation(c => c.account.openItems.length > 0);
        const user = await openAndClaim(record.id);
        await user.keyboard('r');
        const dialog = await screen.findByRole('dialog', { name: `Reject ${record.id}` });
        await waitFor(() => expect(within(dialog).getAllByRole('checkbox').length).toBe(6));
        expect(within(dialog).getByText('3. Unpaid bills or open orders')).toBeInTheDocument();
        await user.keyboard('3');
        await user.keyboard('{Control>}{Enter}{/Control}');
        await waitFor(() => expect(cancellation(record.id)).toMatchObject({ status: 'rejected', decision: { reasons: ['bills_unpaid'] } }));
        expect(cancellation(record.id).decision?.customerMessage).toContain(record.customerLanguage === 'en' ? 'unpaid bills' : '未付账单');
    });
});
