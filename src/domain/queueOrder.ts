import type { RequestBase } from './types';

// The order in which a reviewer works through a queue ("review next", and the list sort "queue").

export type QueueEntry = Pick<RequestBase, 'id' | 'assignee' | 'status' | 'dueAt'>;

/** The viewer is working on it: in review, and the viewer holds the claim. */
export const isHeldBy = (request: QueueEntry, viewerId: string) => request.status === 'in_review' && request.assignee === viewerId;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `Date.prototype.toISOString` spelling (YYYY-MM-DDTHH:mm:ss.sssZ): two of them compare as text in time order. */
const isCanonicalInstant = (text: string) =>
    text.length === 24 && text.charCodeAt(23) === 90 /* Z */ && text.charCodeAt(10) === 84 /* T */ && text.charCodeAt(19) === 46 /* . */ && text.charCodeAt(4) === 45 /* - */;

/** Earlier instant first; 0 when equal or when either is not a date. Queues of 100,000 compare often, so canonical spellings skip Date.parse. */
function compareInstants(a: string, b: string): number {
    if (isCanonicalInstant(a) && isCanonicalInstant(b)) return byText(a, b);
    const due = Date.parse(a) - Date.parse(b);
    return due !== 0 && !Number.isNaN(due) ? Math.sign(due) : 0;
}

/**
 * Sorts the viewer's own in-review requests first, then everything else; within each group by
 * `dueAt` ascending (oldest due first), then by `id` ascending. Negative when `a` comes first.
 */
export function compareQueueOrder(a: QueueEntry, b: QueueEntry, viewerId: string): number {
    const group = Number(!isHeldBy(a, viewerId)) - Number(!isHeldBy(b, viewerId));
    if (group !== 0) return group;
    return compareInstants(a.dueAt, b.dueAt) || byText(a.id, b.id);
}
