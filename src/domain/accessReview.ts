import type { AuditEntry, ReviewRequest } from './types';

// "Who looked" (issue 15): access entries (`view`, `reveal`) read against the decisions, for supervisors.

export const ACCESS_ACTIONS = ['view', 'reveal'] as const;
/** What "who looked" lists for an operator: their views and reveals, and their exports (docs/api.md §6.13). */
export const LOOKED_ACTIONS = ['view', 'reveal', 'export'] as const;

/** Whether `operatorId` decided the request (or gave its first approval): opening it was part of their work. */
export const decidedBy = (request: ReviewRequest, operatorId: string) =>
    request.decidedBy === operatorId || (request.kind === 'cancellation' && request.firstApproval?.by === operatorId);

/** What an operator opened that they did not decide, and what they exported, newest first (the entries come newest first). */
export function openedNotDecided(entries: readonly AuditEntry[], requests: ReadonlyMap<string, ReviewRequest>, operatorId: string): AuditEntry[] {
    return entries.filter(entry => entry.actor === operatorId && (entry.action === 'export'
        || ((ACCESS_ACTIONS as readonly string[]).includes(entry.action) && !(requests.has(entry.requestId) && decidedBy(requests.get(entry.requestId)!, operatorId)))));
}

/** What opens a request whole for its actor: claiming it (the holder sees it whole), a view, a reveal. */
export const OPEN_ACTIONS = ['claim', 'view', 'reveal'] as const;

export interface AccessFigures {
    operatorId: string;
    /** Distinct requests they opened whole (claimed, viewed or revealed). */
    opened: number;
    decisions: number;
    /** Reveals of requests they did not decide. */
    revealsOutsideOwn: number;
    unusual: boolean;
}

/** When opening requests is unusual (API_UNUSUAL_OPENS_PER_DECISION, API_UNUSUAL_MIN_OPENS). */
export interface UnusualAccessSettings {
    /** Flag more than this many opened requests per decision... */
    opensPerDecision: number;
    /** ...once at least this many were opened (a new operator reading the queue is not flagged). */
    minOpens: number;
}

export const DEFAULT_UNUSUAL_ACCESS: UnusualAccessSettings = { opensPerDecision: 3, minOpens: 10 };

/**
 * Unusual access for the dashboard: opens (distinct requests claimed, viewed or revealed) ≫ decisions (more than `opensPerDecision` per decision, at least `minOpens`),
 * or any reveal outside their own decisions. `operatorIds`: whom to judge (the API passes operators: supervisors open
 * and reveal as part of their work).
 */
export function unusualAccess(entries: readonly AuditEntry[], decisions: ReadonlyMap<string, number>, requests: ReadonlyMap<string, ReviewRequest>, operatorIds: readonly string[], settings: UnusualAccessSettings = DEFAULT_UNUSUAL_ACCESS): AccessFigures[] {
    return operatorIds.map(operatorId => {
        const own = entries.filter(entry => entry.actor === operatorId);
        const opened = new Set(own.filter(entry => (OPEN_ACTIONS as readonly string[]).includes(entry.action)).map(entry => entry.requestId)).size;
        const revealsOutsideOwn = own.filter(entry => entry.action === 'reveal' && !(requests.has(entry.requestId) && decidedBy(requests.get(entry.requestId)!, operatorId))).length;
        const made = decisions.get(operatorId) ?? 0;
        const unusual = (opened >= settings.minOpens && opened > settings.opensPerDecision * made) || revealsOutsideOwn > 0;
        return { operatorId, opened, decisions: made, revealsOutsideOwn, unusual };
    });
}
