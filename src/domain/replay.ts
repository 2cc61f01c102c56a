import type { AuditEntry, Outcome, ReviewRequest } from './types';

// Is this decision already on the record? The server answers a decision sent twice (a double click, a retried request) as
// a replay of the first (docs/api.md §7 "Idempotent replay"); the console asks the same question when it cannot tell
// whether its last decision arrived (src/review/flow/useDecisionFlow.ts).

export interface SentDecision {
    outcome: Outcome;
    /** Without duplicates. */
    reasons: readonly string[];
    /** null when none was sent. */
    note: string | null;
    /** The message the rejection carries; undefined when it does not matter. */
    customerMessage?: string;
}

const sameReasons = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every(id => b.includes(id));

/** The record carries exactly this decision (outcome, reasons as a set, note, message), made by `userId`. */
export function carriesDecision(record: ReviewRequest, userId: string, sent: SentDecision): boolean {
    const { decision } = record;
    return record.decidedBy === userId && decision?.outcome === sent.outcome && sameReasons(decision.reasons, sent.reasons)
        && decision.note === sent.note && (sent.customerMessage === undefined || decision.customerMessage === sent.customerMessage);
}

/** The record awaits the second approval that `userId`'s first approval, with this note, asked for. */
export function carriesFirstApproval(record: ReviewRequest, userId: string, note: string | null): boolean {
    return record.kind === 'cancellation' && record.status === 'awaiting_second_approval' && record.firstApproval?.by === userId && record.firstApproval.note === note;
}

/** A decision made on `version` is a replay when the record carries it and nothing happened since (version + 1). */
export const isDecisionReplay = (record: ReviewRequest, userId: string, version: number, sent: SentDecision) =>
    record.version === version + 1 && carriesDecision(record, userId, sent);

export const isFirstApprovalReplay = (record: ReviewRequest, userId: string, version: number, note: string | null) =>
    record.version === version + 1 && carriesFirstApproval(record, userId, note);

/** A send-back sent twice: the caller's send-back, with this note, is the last thing that happened to the request. */
export const isSendBackReplay = (record: ReviewRequest, userId: string, version: number, note: string, lastEntry: AuditEntry | null) =>
    record.status === 'pending' && record.version === version + 1 && lastEntry?.action === 'send_back' && lastEntry.actor === userId && lastEntry.note === note;
