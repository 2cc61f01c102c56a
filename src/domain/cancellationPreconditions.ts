import type { AccountFacts } from './types';

// What must hold before a cancellation may be approved: it releases the number for good.

export type PreconditionId = 'balance_cleared' | 'devices_unbound' | 'nothing_unpaid';

export interface PreconditionResult {
    id: PreconditionId;
    met: boolean;
    params: Record<string, string | number>;
}

export function cancellationPreconditions(account: AccountFacts): PreconditionResult[] {
    const unpaid = account.openItems.reduce((sum, item) => sum + item.amount, 0);
    return [
        {
            id: 'balance_cleared',
            // A balance is only refunded when the customer asked for it, and only counts once settled.
            met: account.balance === 0 || (account.refundRequested && account.refundSettled),
            params: { balance: account.balance },
        },
        { id: 'devices_unbound', met: account.boundDevices.length === 0, params: { count: account.boundDevices.length } },
        { id: 'nothing_unpaid', met: account.openItems.length === 0, params: { count: account.openItems.length, amount: unpaid } },
    ];
}

export const failingPreconditions = (account: AccountFacts) => cancellationPreconditions(account).filter(result => !result.met);
export const isReadyToApprove = (account: AccountFacts) => failingPreconditions(account).length === 0;
