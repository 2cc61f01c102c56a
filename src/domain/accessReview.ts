import type { AuditEntry, ReviewRequest } from './types';

// "Who looked" (issue 15): access entries (`view`, `reveal`) read against the decisions, for supervisors.

export const ACCESS_ACTIONS = ['view', 'reveal'] as const;
/** What "who looked" lists for an operator: their views and reveals, and their exports (docs/api.md §6.11). */
export const LOOKED_ACTIONS = ['view', 'reveal', 'export'] as const;

/** Whether `operatorId` decided the request (or gave its first approval): opening it was part of their work. */
export const decidedBy = (request: ReviewRequest, operatorId: string) =>
    request.decidedBy === operatorId || (request.kind === 'cancellation' && request.firstApproval?.by === operatorId);

/** What an operator opened that they did not decide, and what they exported, newest first (the entries come newest first). */
export function openedNotDecided(entries: readonly AuditEntry[], requests: ReadonlyMap<string, ReviewRequest>, operatorId: string): AuditEntry[] {
    return entries.filter(entry => entry.actor === operatorId && (entry.action === 'export'
        || ((ACCESS_ACTIONS as readonly string[]).includes(entry.action) && !(requests.has(entry.requestId) && decidedBy(requests.get(entry.requestId)!, operatorId)))));
}

export interface AccessFigures {
    operatorId: string;
    /** Distinct requests whose identity data they saw whole. */
    opened: number;
    decisions: number;
    /** Reveals of requests they did not decide (supervisors reveal as part of their work: not counted for them). */
    revealsOutsideOwn: number;
    unusual: boolean;
}

/** An operator opening this many times more requests than they decide is flagged, once past a floor of a few opens. */
export const OPENS_PER_DECISION_LIMIT = 3;
export const OPENS_FLOOR = 10;

/**
 * Unusual access for the dashboard: opens ≫ decisions (more than OPENS_PER_DECISION_LIMIT per decision, at least
 * OPENS_FLOOR), or any reveal outside their own decisions.
 */
export function unusualAccess(entries: readonly AuditEntry[], decisions: ReadonlyMap<string, number>, requests: ReadonlyMap<string, ReviewRequest>, operatorIds: readonly string[]): AccessFigures[] {
    return operatorIds.map(operatorId => {
        const own = entries.filter(entry => entry.actor === operatorId);
        const opened = new Set(own.filter(entry => (ACCESS_ACTIONS as readonly string[]).includes(entry.action)).map(entry => entry.requestId)).size;
        const revealsOutsideOwn = own.filter(entry => entry.action === 'reveal' && !(requests.has(entry.requestId) && decidedBy(requests.get(entry.requestId)!, operatorId))).length;
        const made = decisions.get(operatorId) ?? 0;
        const unusual = (opened >= OPENS_FLOOR && opened > OPENS_PER_DECISION_LIMIT * made) || revealsOutsideOwn > 0;
        return { operatorId, opened, decisions: made, revealsOutsideOwn, unusual };
    });
}
