import { daysOf, type DayRange } from './dayRange';
import { DEFAULT_SLA, slaStanding, type SlaCalendar } from './sla';
import type { AuditEntry, Operator, OperatorStats, QualityReview, QueueHealth, RequestKind, ReviewRequest, Stats } from './types';

// GET /stats, computed from the audit trail and the requests: queue health now, and the team's decisions in a range.
// One pass over the audit entries, one over the requests, one over the quality reviews: it has to stay fast
// with 100,000 requests, so nothing here rescans a collection per operator or per request.

/** The audit actions that decide: `approve` (a one-step approval or a first approval), `reject`, `second_approve`. */
export const DECISION_ACTIONS: ReadonlySet<AuditEntry['action']> = new Set(['approve', 'reject', 'second_approve']);

export type RequestFacts = Pick<ReviewRequest, 'kind' | 'status' | 'submittedAt' | 'dueAt'>;

export interface TeamStatsInput {
    /** The audit trail in write order (ids ascending), as the server keeps it. */
    audit: readonly AuditEntry[];
    requests: Iterable<RequestFacts>;
    /** Every account, operators and supervisors: one team row each, in this order. */
    operators: readonly Pick<Operator, 'id' | 'name'>[];
    qualityReviews: readonly Pick<QualityReview, 'operatorId' | 'verdict'>[];
    range: DayRange;
    now: Date;
    sla?: SlaCalendar;
}

const emptyQueue = (): QueueHealth => ({ pending: 0, inReview: 0, awaitingSecondApproval: 0, oldestWaitingSince: null, overdue: 0, dueToday: 0 });

/** The median of some numbers (the mean of the middle two for an even count), rounded to whole ms; null for none. */
export function median(values: readonly number[]): number | null {
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return Math.round(sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Queue health per kind: counts by open status, the oldest waiting submission, overdue and due today (SLA calendar). */
export function queueHealth(requests: Iterable<RequestFacts>, now: Date, sla: SlaCalendar = DEFAULT_SLA): Record<RequestKind, QueueHealth> {
    const queues: Record<RequestKind, QueueHealth> = { verification: emptyQueue(), cancellation: emptyQueue() };
    for (const request of requests) {
        const queue = queues[request.kind];
        if (request.status === 'pending') queue.pending += 1;
        else if (request.status === 'in_review') queue.inReview += 1;
        else if (request.status === 'awaiting_second_approval') queue.awaitingSecondApproval += 1;
        else continue; // decided: not in the queue
        if (queue.oldestWaitingSince === null || request.submittedAt < queue.oldestWaitingSince) queue.oldestWaitingSince = request.submittedAt;
        const { state } = slaStanding(new Date(request.dueAt), now, sla);
        if (state === 'overdue') queue.overdue += 1;
        else if (state === 'due_today') queue.dueToday += 1;
    }
    return queues;
}

interface Tally {
    approved: number;
    rejected: number;
    perDay: number[];
    handlingMs: number[];
    sampled: number;
    reviewed: number;
    disagreements: number;
}

/**
 * The whole of GET /stats.
 * - A decision is an audit entry `approve`, `reject` or `second_approve` whose `at` falls in the range (UTC days).
 *   `approve` counts as an approval whether it approved or was a first approval (to `awaiting_second_approval`),
 *   so a two-step approval counts once for the first approver and once for the second.
 * - Handling time: from the decider's last `claim` of that request written before the decision (a `reassign` to
 *   the decider counts as their claim), or from their decision just before it when that came later, to the decision.
 *   An operator works one request at a time: the one the console claims ahead while they decide another (docs/api.md
 *   §7 claim-next) waits in their hands, and that wait is not handling. `second_approve` has no claim and is left out
 *   of the median.
 * - Quality figures count every quality review of the operator, whatever the range.
 * - Reasons: the reason codes of the `reject` entries in the range, most used first (ties by kind, then code).
 */
export function computeStats({ audit, requests, operators, qualityReviews, range, now, sla = DEFAULT_SLA }: TeamStatsInput): Stats {
    const days = daysOf(range);
    // Audit instants are ISO UTC strings: their first 10 characters are their UTC day, so no entry needs parsing to be placed.
    const dayIndex = new Map(days.map((day, index) => [day, index]));
    const tallies = new Map<string, Tally>();
    for (const operator of operators) {
        tallies.set(operator.id, { approved: 0, rejected: 0, perDay: new Array<number>(days.length).fill(0), handlingMs: [], sampled: 0, reviewed: 0, disagreements: 0 });
    }

    // actor → request id → `at` of the actor's last claim of it (a map per actor: few actors, and no key to build).
    const lastClaim = new Map<string, Map<string, string>>();
    const claimsOf = (actor: string) => {
        let claims = lastClaim.get(actor);
        if (!claims) lastClaim.set(actor, claims = new Map());
        return claims;
    };
    // actor → `at` of their last decision (any request), where the next request's handling starts at the earliest.
    const lastDecision = new Map<string, string>();
    const reasons = new Map<string, { id: string; kind: RequestKind; count: number }>();
    for (const entry of audit) {
        if (entry.action === 'claim') {
            claimsOf(entry.actor).set(entry.requestId, entry.at);
            continue;
        }
        if (entry.action === 'reassign') {
            if (entry.assignee) claimsOf(entry.assignee).set(entry.requestId, entry.at);
            continue;
        }
        if (!DECISION_ACTIONS.has(entry.action)) continue;
        let claimedAt: string | undefined;
        if (entry.action !== 'second_approve') {
            const claims = lastClaim.get(entry.actor);
            claimedAt = claims?.get(entry.requestId);
            claims?.delete(entry.requestId);
            const previous = lastDecision.get(entry.actor);
            if (claimedAt !== undefined && previous !== undefined && previous > claimedAt) claimedAt = previous;
        }
        lastDecision.set(entry.actor, entry.at);
        const day = dayIndex.get(entry.at.slice(0, 10));
        if (day === undefined) continue;
        if (entry.action === 'reject') {
            for (const id of entry.reasons) {
                const key = `${entry.requestKind}\n${id}`;
                const counted = reasons.get(key);
                if (counted) counted.count += 1;
                else reasons.set(key, { id, kind: entry.requestKind, count: 1 });
            }
        }
        const tally = tallies.get(entry.actor);
        if (!tally) continue;
        if (entry.action === 'reject') tally.rejected += 1;
        else tally.approved += 1;
        tally.perDay[day]! += 1;
        if (claimedAt !== undefined) tally.handlingMs.push(Math.max(0, Date.parse(entry.at) - Date.parse(claimedAt)));
    }

    for (const review of qualityReviews) {
        const tally = tallies.get(review.operatorId);
        if (!tally) continue;
        tally.sampled += 1;
        if (review.verdict !== null) tally.reviewed += 1;
        if (review.verdict === 'disagree') tally.disagreements += 1;
    }

    const team: OperatorStats[] = operators.map(operator => {
        const tally = tallies.get(operator.id)!;
        const decisions = tally.approved + tally.rejected;
        return {
            operatorId: operator.id,
            name: operator.name,
            decisions,
            approved: tally.approved,
            rejected: tally.rejected,
            approvalRate: decisions > 0 ? tally.approved / decisions : null,
            medianHandlingMs: median(tally.handlingMs),
            perDay: days.map((day, index) => ({ day, decisions: tally.perDay[index]! })),
            sampled: tally.sampled,
            reviewed: tally.reviewed,
            disagreements: tally.disagreements,
            disagreementRate: tally.reviewed > 0 ? tally.disagreements / tally.reviewed : null,
        };
    });

    const reasonRows = [...reasons.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
    return { range: { from: range.from, to: range.to }, queues: queueHealth(requests, now, sla), team, reasons: reasonRows };
}
