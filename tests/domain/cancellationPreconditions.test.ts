// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { failingPreconditions, isReadyToApprove } from '../../src/domain/cancellationPreconditions';
import type { AccountFacts } from '../../src/domain/types';

const ready: AccountFacts = {
    accountId: 'AX-1', balance: 0, refundRequested: false, refundSettled: false, refundReference: null,
    boundDevices: [], openItems: [], verificationStatus: 'verified',
};
const failing = (account: AccountFacts) => failingPreconditions(account).map(p => p.id);

describe('cancellation preconditions', () => {
    it('an account with no balance, no device and nothing unpaid is ready', () => {
        expect(isReadyToApprove(ready)).toBe(true);
    });

    it('a balance blocks unless a refund was requested and settled', () => {
        expect(failing({ ...ready, balance: 25_000 })).toEqual(['balance_cleared']);
        expect(failing({ ...ready, balance: 25_000, refundRequested: true })).toEqual(['balance_cleared']);
        expect(failing({ ...ready, balance: 25_000, refundRequested: true, refundSettled: true })).toEqual([]);
    });

    it('a bound device blocks', () => {
        expect(failing({ ...ready, boundDevices: [{ id: 'D1', name: 'iPhone', boundAt: '2025-01-01T00:00:00Z' }] })).toEqual(['devices_unbound']);
    });

    it('an unpaid bill or open order blocks, with the amount owed', () => {
        const result = failingPreconditions({ ...ready, openItems: [{ id: 'B1', type: 'bill', description: 'plan', amount: 50_000 }, { id: 'O1', type: 'order', description: 'add-on', amount: 10_000 }] });
        expect(result).toEqual([{ id: 'nothing_unpaid', met: false, params: { count: 2, amount: 60_000 } }]);
    });
});
