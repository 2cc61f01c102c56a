import { needsToKnow, revealHolds, REVEAL_TTL_MS } from '../../src/domain/identityMasking';
import type { Operator, ReviewRequest } from '../../src/domain/types';
import type { Store, StoreReads } from '../store/store';

// Whether a caller sees one request whole (docs/api.md §6.10): the pure rule (supervisors, the claim's holder), and what
// only the store knows: the holder of a resubmission compares it with the attempt before, and a reveal that still holds.

async function latestAccess(store: StoreReads, record: ReviewRequest, viewer: Operator, actions: string[]) {
    const page = await store.auditEntries({ filter: { requestId: record.id, actor: viewer.id, action: actions }, sort: { field: 'id', order: 'DESC' }, range: [0, 0] });
    return page.rows[0] ?? null;
}

export async function seesWhole(store: StoreReads, record: ReviewRequest, viewer: Operator, now: Date): Promise<boolean> {
    if (needsToKnow(record, viewer)) return true;
    const resubmissions = await store.requests({
        kind: record.kind, viewerId: viewer.id, now, sort: { field: 'id', order: 'ASC' }, range: [0, 0],
        filter: { previousId: record.id, statuses: ['in_review'], assignee: viewer.id },
    });
    if (resubmissions.total > 0) return true;
    const reveal = await latestAccess(store, record, viewer, ['reveal']);
    return reveal !== null && revealHolds(reveal.at, now);
}

/**
 * A whole record shown to `viewer` (not its holder) is an audit entry `view` (who looked, when): one per viewer and request within
 * REVEAL_TTL_MS, so that a screen's refetches do not bury the trail (a reveal counts as a view).
 */
export async function recordView(store: Store, record: ReviewRequest, viewer: Operator, now: Date): Promise<void> {
    // The claim's holder: their `claim` entry already says they have it open.
    if (record.status === 'in_review' && record.assignee === viewer.id) return;
    const last = await latestAccess(store, record, viewer, ['view', 'reveal']);
    if (last && Date.parse(last.at) + REVEAL_TTL_MS > now.getTime()) return;
    await store.transaction(tx => tx.appendAudit({
        at: now.toISOString(), actor: viewer.id, action: 'view', requestKind: record.kind, requestId: record.id,
        fromStatus: record.status, toStatus: record.status, reasons: [], note: null,
    }));
}
