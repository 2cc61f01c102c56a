import { failingPreconditions } from './cancellationPreconditions';
import { requiresSecondApproval, secondApprovalRefusal } from './fourEyes';
import { isHeldBy } from './queueOrder';
import { composeCustomerMessage } from './reasonCatalogue';
import { refuse } from './refusal';
import { isDecisionReplay, isFirstApprovalReplay, isSendBackReplay } from './replay';
import { CLAIM_TTL_MS, nextStatus, type RequestAction } from './requestStatus';
import type { AuditAction, AuditEntry, Cancellation, Decision, ReviewRequest, Role } from './types';

// How a request changes (docs/api.md §7, §8): record + action + actor + now + input -> the new record and its audit entry,
// or a refusal with the contract's error. Storage-free: the mock and the review server apply the result each in their
// own transaction. Checks come in the contract's order (§3: replay before 409s).

export interface Actor {
    id: string;
    role: Role;
}

/** An audit entry before the store numbers it. */
export type AuditDraft = Omit<AuditEntry, 'id'>;

export type Change =
    /** A state change: save the record, append the entry. */
    | { type: 'transition'; record: ReviewRequest; entry: AuditDraft }
    /** A claim kept alive: save the record (a later `claimExpiresAt`); no state change, no entry. */
    | { type: 'heartbeat'; record: ReviewRequest }
    /** The same decision sent again: nothing changes, the answer is the record as it is (Idempotent-Replay). */
    | { type: 'replay'; record: ReviewRequest };

/** How a state-machine action is written in the audit trail: a first approval is an `approve`. */
const AUDIT_ACTION: Record<RequestAction, AuditAction> = {
    claim: 'claim', release: 'release', lapse: 'lapse', approve: 'approve', reject: 'reject',
    approve_first: 'approve', second_approve: 'second_approve', send_back: 'send_back', reassign: 'reassign',
};

const claimEnd = (now: Date, claimTtlMs: number) => new Date(now.getTime() + claimTtlMs).toISOString();

/** Applies a state-machine action: the new status, version + 1, and the audit entry; 409 conflict_state when not allowed. */
function step(record: ReviewRequest, action: RequestAction, actorId: string, now: Date, changes: Partial<ReviewRequest>, audit: { reasons?: string[]; note?: string | null; assignee?: string } = {}): Change {
    const from = record.status;
    const to = nextStatus(from, action);
    if (!to) refuse('conflict_state', `cannot ${AUDIT_ACTION[action].replace('_', ' ')} a ${from} request`, { record });
    const next = { ...record, ...changes, status: to, version: record.version + 1 } as ReviewRequest;
    const entry: AuditDraft = {
        at: now.toISOString(), actor: actorId, action: AUDIT_ACTION[action], requestKind: record.kind, requestId: record.id,
        fromStatus: from, toStatus: to, reasons: audit.reasons ?? [], note: audit.note ?? null, ...(audit.assignee === undefined ? {} : { assignee: audit.assignee }),
    };
    return { type: 'transition', record: next, entry };
}

/** 409 unless the actor holds the claim on an in-review request. */
function requireHeldBy(record: ReviewRequest, actor: Actor) {
    if (record.status !== 'in_review') refuse('conflict_state', `request is ${record.status}`, { record });
    if (record.assignee !== actor.id) refuse('conflict_claimed', `claimed by ${record.assignee}`, { record, holderId: record.assignee });
}

function requireVersion(record: ReviewRequest, version: number) {
    if (record.version !== version) refuse('conflict_version', `record is at version ${record.version}`, { record });
}

function requirePreconditions(record: Cancellation) {
    const failing = failingPreconditions(record.account).map(result => result.id);
    if (failing.length > 0) refuse('preconditions_failed', `preconditions not met: ${failing.join(', ')}`, { preconditions: failing, record });
}

/** Claims a pending request, or keeps alive the claim the actor already holds (the review screen's heartbeat), for `claimTtlMs`. */
export function claim(record: ReviewRequest, actor: Actor, now: Date, claimTtlMs = CLAIM_TTL_MS): Change {
    if (isHeldBy(record, actor.id)) return { type: 'heartbeat', record: { ...record, claimExpiresAt: claimEnd(now, claimTtlMs) } };
    if (record.status === 'in_review') requireHeldBy(record, actor);
    return step(record, 'claim', actor.id, now, { assignee: actor.id, claimedAt: now.toISOString(), claimExpiresAt: claimEnd(now, claimTtlMs) });
}

/** The holder gives the request back to the queue; a supervisor may take back anyone's claim. */
export function release(record: ReviewRequest, actor: Actor, now: Date, note: string | null): Change {
    if (!(actor.role === 'supervisor' && record.status === 'in_review')) requireHeldBy(record, actor);
    return step(record, 'release', actor.id, now, { assignee: null, claimedAt: null, claimExpiresAt: null }, { note });
}

/** A claim nobody kept alive goes back to the queue, by the system; null while the claim runs. */
export function lapse(record: ReviewRequest, now: Date): Change | null {
    if (record.status !== 'in_review' || !record.claimExpiresAt || Date.parse(record.claimExpiresAt) > now.getTime()) return null;
    return step(record, 'lapse', 'system', now, { assignee: null, claimedAt: null, claimExpiresAt: null }, { note: `claim held by ${record.assignee} expired` });
}

export interface ApproveInput {
    version: number;
    note: string | null;
}

/**
 * An approved cancellation's number is released by the number-release system after the approval commits (server/http/
 * numberRelease.ts): until it confirms, `numberReleasedAt` stays null and `numberRelease` says what is pending.
 */
const releasePending = (at: string): Partial<Cancellation> => ({ numberReleasedAt: null, numberReleasedBy: null, numberRelease: { attempts: 0, lastError: null, nextAttemptAt: at } });

/** The four-eyes second approval: a supervisor other than the first approver; no claim needed, the version guards it. */
function secondApprove(record: Cancellation, actor: Actor, now: Date, { version, note }: ApproveInput): Change {
    const refusal = secondApprovalRefusal(record, actor);
    if (refusal === 'not_supervisor') refuse('forbidden', 'the second approval is for supervisors only');
    if (refusal === 'same_person') refuse('four_eyes_same_person', 'four-eyes rule: the second approval must come from someone other than the first approver');
    requireVersion(record, version);
    requirePreconditions(record);
    const at = now.toISOString();
    return step(record, 'second_approve', actor.id, now, {
        ...releasePending(at), decidedAt: at, decidedBy: actor.id, assignee: null, claimExpiresAt: null,
        decision: { outcome: 'approved', reasons: [], note, customerMessage: null },
    }, { note });
}

/**
 * Approves the request the actor holds. A cancellation above the four-eyes threshold gets its first approval instead (nothing
 * decided, nothing released); one awaiting that second approval gets it from a supervisor.
 */
export function approve(record: ReviewRequest, actor: Actor, now: Date, input: ApproveInput, fourEyesThresholdIdr: number): Change {
    const { version, note } = input;
    if (isDecisionReplay(record, actor.id, version, { outcome: 'approved', reasons: [], note }) || isFirstApprovalReplay(record, actor.id, version, note)) return { type: 'replay', record };
    if (record.kind === 'cancellation' && record.status === 'awaiting_second_approval') return secondApprove(record, actor, now, input);
    requireHeldBy(record, actor);
    requireVersion(record, version);
    if (record.kind === 'cancellation') requirePreconditions(record);
    const at = now.toISOString();
    if (record.kind === 'cancellation' && requiresSecondApproval(record.account, fourEyesThresholdIdr)) {
        // Four eyes: this approval is the first of two. Nothing is decided or released yet, and the claim ends.
        return step(record, 'approve_first', actor.id, now, { firstApproval: { by: actor.id, at, note }, assignee: null, claimExpiresAt: null }, { note });
    }
    const released = record.kind === 'cancellation' ? releasePending(at) : {};
    const decision: Decision = { outcome: 'approved', reasons: [], note, customerMessage: null };
    return step(record, 'approve', actor.id, now, { ...released, decidedAt: at, decidedBy: actor.id, assignee: null, claimExpiresAt: null, decision }, { note });
}

export interface RejectInput {
    version: number;
    /** Valid codes for the request's kind, without duplicates. */
    reasons: string[];
    note: string | null;
    /** null: composed from the reasons' templates in the customer's language. */
    customerMessage: string | null;
}

export function reject(record: ReviewRequest, actor: Actor, now: Date, { version, reasons, note, customerMessage }: RejectInput): Change {
    const name = record.kind === 'verification' ? record.fullName : record.holderName;
    const message = customerMessage ?? composeCustomerMessage(reasons, record.customerLanguage, name);
    if (isDecisionReplay(record, actor.id, version, { outcome: 'rejected', reasons, note, customerMessage: message })) return { type: 'replay', record };
    // A request awaiting a second approval is not in review: 409 conflict_state (a supervisor sends it back instead).
    requireHeldBy(record, actor);
    requireVersion(record, version);
    return step(record, 'reject', actor.id, now, {
        decidedAt: now.toISOString(), decidedBy: actor.id, assignee: null, claimExpiresAt: null,
        decision: { outcome: 'rejected', reasons, note, customerMessage: message },
    }, { reasons, note });
}

/** A supervisor returns a first-approved cancellation to the queue; `lastEntry`: the request's last audit entry (replays). */
export function sendBack(record: ReviewRequest, actor: Actor, now: Date, { version, note }: { version: number; note: string }, lastEntry: AuditEntry | null): Change {
    if (isSendBackReplay(record, actor.id, version, note, lastEntry)) return { type: 'replay', record };
    if (record.status !== 'awaiting_second_approval') refuse('conflict_state', `cannot send back a ${record.status} request`, { record });
    requireVersion(record, version);
    return step(record, 'send_back', actor.id, now, { firstApproval: null, assignee: null, claimedAt: null, claimExpiresAt: null } as Partial<Cancellation>, { note });
}

/** A supervisor hands an open request to `to`, who holds a fresh claim; whoever held it loses it. */
export function reassign(record: ReviewRequest, actor: Actor, now: Date, { to, note }: { to: string; note: string }, claimTtlMs = CLAIM_TTL_MS): Change {
    return step(record, 'reassign', actor.id, now, { assignee: to, claimedAt: now.toISOString(), claimExpiresAt: claimEnd(now, claimTtlMs) }, { note, assignee: to });
}
