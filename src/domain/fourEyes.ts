import type { AccountFacts, Cancellation, Role } from './types';

// The four-eyes rule for cancellations: when a large refund is involved, approval takes two people.
// An operator's approval moves the request to awaiting_second_approval; a supervisor who is not the
// first approver gives the second approval (or sends it back). Shared by the console and the server,
// which enforces it.

/** Refunds above this amount (IDR, whole rupiah) need a second approval, unless the server is configured otherwise. */
export const DEFAULT_FOUR_EYES_THRESHOLD_IDR = 500_000;

/** A refund is involved and the balance to refund is strictly above the threshold (exactly the threshold is not). */
export function requiresSecondApproval(account: AccountFacts, thresholdIdr: number): boolean {
    return account.refundRequested && account.balance > thresholdIdr;
}

/** Why a user may not give the second approval of a request. */
export type SecondApprovalRefusal = 'not_awaiting' | 'not_supervisor' | 'same_person';

/**
 * Null when the user may give the second approval; otherwise why not, checked in this order: the request
 * is not awaiting a second approval, the user is not a supervisor, the user gave the first approval.
 */
export function secondApprovalRefusal(
    record: Pick<Cancellation, 'status' | 'firstApproval'>,
    user: { id: string; role: Role },
): SecondApprovalRefusal | null {
    if (record.status !== 'awaiting_second_approval') return 'not_awaiting';
    if (user.role !== 'supervisor') return 'not_supervisor';
    if (record.firstApproval?.by === user.id) return 'same_person';
    return null;
}
