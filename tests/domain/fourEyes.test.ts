// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_FOUR_EYES_THRESHOLD_IDR, requiresSecondApproval, secondApprovalRefusal } from '../../src/domain/fourEyes';
import type { AccountFacts, Cancellation } from '../../src/domain/types';

const account: AccountFacts = {
    accountId: 'AX-1', balance: 0, refundRequested: false, refundSettled: false, refundReference: null,
    boundDevices: [], openItems: [], verificationStatus: 'verified',
};
const refund = (balance: number): AccountFacts => ({ ...account, balance, refundRequested: true, refundSettled: true, refundReference: 'RF-1' });

const operator = { id: 'u-operator1', role: 'operator' as const };
const supervisor = { id: 'u-supervisor1', role: 'supervisor' as const };
const otherSupervisor = { id: 'u-supervisor2', role: 'supervisor' as const };
const awaiting = (firstApprover: string): Pick<Cancellation, 'status' | 'firstApproval'> => ({
    status: 'awaiting_second_approval',
    firstApproval: { by: firstApprover, at: '2026-11-20T03:00:00.000Z', note: null },
});

describe('the four-eyes threshold', () => {
    it('is 500,000 IDR by default', () => {
        expect(DEFAULT_FOUR_EYES_THRESHOLD_IDR).toBe(500_000);
    });

    it('a refund above the threshold needs a second approval', () => {
        expect(requiresSecondApproval(refund(500_001), 500_000)).toBe(true);
        expect(requiresSecondApproval(refund(2_000_000), DEFAULT_FOUR_EYES_THRESHOLD_IDR)).toBe(true);
    });

    it('a refund of exactly the threshold is not above it: one approval is enough', () => {
        expect(requiresSecondApproval(refund(500_000), 500_000)).toBe(false);
    });

    it('a refund below the threshold needs one approval', () => {
        expect(requiresSecondApproval(refund(499_999), 500_000)).toBe(false);
        expect(requiresSecondApproval(refund(25_000), DEFAULT_FOUR_EYES_THRESHOLD_IDR)).toBe(false);
    });

    it('a large balance without a refund request involves no refund: one approval is enough', () => {
        expect(requiresSecondApproval({ ...account, balance: 2_000_000 }, 500_000)).toBe(false);
    });

    it('a requested refund counts whether or not it is settled yet', () => {
        expect(requiresSecondApproval({ ...refund(900_000), refundSettled: false, refundReference: null }, 500_000)).toBe(true);
    });

    it('follows the configured threshold', () => {
        expect(requiresSecondApproval(refund(100_000), 50_000)).toBe(true);
        expect(requiresSecondApproval(refund(900_000), 1_000_000)).toBe(false);
        expect(requiresSecondApproval(refund(1), 0)).toBe(true);
        expect(requiresSecondApproval(refund(0), 0)).toBe(false);
    });
});

describe('who may give the second approval', () => {
    it('a supervisor who did not give the first approval may', () => {
        expect(secondApprovalRefusal(awaiting('u-operator1'), supervisor)).toBeNull();
        expect(secondApprovalRefusal(awaiting('u-supervisor1'), otherSupervisor)).toBeNull();
    });

    it('the first approver may not, even as a supervisor', () => {
        expect(secondApprovalRefusal(awaiting('u-supervisor1'), supervisor)).toBe('same_person');
    });

    it('an operator may not', () => {
        expect(secondApprovalRefusal(awaiting('u-operator2'), operator)).toBe('not_supervisor');
        expect(secondApprovalRefusal(awaiting('u-operator1'), operator)).toBe('not_supervisor');
    });

    it('nobody may when the request is not awaiting a second approval', () => {
        for (const status of ['pending', 'in_review', 'approved', 'rejected'] as const) {
            expect(secondApprovalRefusal({ status, firstApproval: null }, supervisor)).toBe('not_awaiting');
            expect(secondApprovalRefusal({ status, firstApproval: null }, operator)).toBe('not_awaiting');
        }
        expect(secondApprovalRefusal({ ...awaiting('u-operator1'), status: 'approved' }, supervisor)).toBe('not_awaiting');
    });
});
