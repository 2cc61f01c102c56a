import type { RequestKind, RequestStatus } from './types';

// The request state machine, shared by the console (which buttons exist) and the server (what it accepts).

// `approve_first`, `second_approve` and `send_back` are the four-eyes steps of a cancellation whose
// refund is above the threshold (src/domain/fourEyes.ts); the server records `approve_first` as `approve`.
// `reassign` is a supervisor handing an open request (pending, or someone's claim) to a named operator.
export type RequestAction = 'claim' | 'release' | 'approve' | 'reject' | 'lapse' | 'approve_first' | 'second_approve' | 'send_back' | 'reassign';

const TRANSITIONS: Record<RequestAction, Partial<Record<RequestStatus, RequestStatus>>> = {
    claim: { pending: 'in_review' },
    release: { in_review: 'pending' },
    lapse: { in_review: 'pending' },
    approve: { in_review: 'approved' },
    reject: { in_review: 'rejected' },
    approve_first: { in_review: 'awaiting_second_approval' },
    second_approve: { awaiting_second_approval: 'approved' },
    send_back: { awaiting_second_approval: 'pending' },
    reassign: { pending: 'in_review', in_review: 'in_review' },
};

/** The status an action leads to, or null when the action is not allowed from that status. */
export function nextStatus(status: RequestStatus, action: RequestAction): RequestStatus | null {
    return TRANSITIONS[action][status] ?? null;
}

export const OPEN_STATUSES: readonly RequestStatus[] = ['pending', 'in_review', 'awaiting_second_approval'];
export const isOpen = (status: RequestStatus) => OPEN_STATUSES.includes(status);
export const isDecided = (status: RequestStatus) => status === 'approved' || status === 'rejected';

/** How long a claim lives without activity before the server gives the request back to the queue. */
export const CLAIM_TTL_MS = 15 * 60 * 1000;

export const REQUEST_ID_PREFIX: Record<RequestKind, string> = { verification: 'V', cancellation: 'C' };
