import type { RequestBase } from './types';

// The order in which a reviewer works through a queue ("review next", and the list sort "queue").

export type QueueEntry = Pick<RequestBase, 'id' | 'assignee' | 'status' | 'dueAt'>;

/** The viewer is working on it: in review, and the viewer holds the claim. */
export const isHeldBy = (request: QueueEntry, viewerId: string) => request.status === 'in_review' && request.assignee === viewerId;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts the viewer's own in-review requests first, then everything else; within each group by
 * `dueAt` ascending (oldest due first), then by `id` ascending. Negative when `a` comes first.
 */
export function compareQueueOrder(a: QueueEntry, b: QueueEntry, viewerId: string): number {
    const group = Number(!isHeldBy(a, viewerId)) - Number(!isHeldBy(b, viewerId));
    if (group !== 0) return group;
    const due = Date.parse(a.dueAt) - Date.parse(b.dueAt);
    if (due !== 0 && !Number.isNaN(due)) return Math.sign(due);
    return byText(a.id, b.id);
}
