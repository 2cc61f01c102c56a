import { isHeldBy, type QueueEntry } from './queueOrder';

// "Review next" (docs/api.md §7 claim-next): which requests may be handed to the caller. Of these the first in queue
// order (src/domain/queueOrder.ts) is answered: one the caller already holds, else the oldest due pending one.

/** Pending, or held by the viewer; never one somebody else holds, a decided one, or one awaiting a second approval. */
export const isClaimCandidate = (request: QueueEntry, viewerId: string, exclude: ReadonlySet<string>) =>
    !exclude.has(request.id) && (request.status === 'pending' || isHeldBy(request, viewerId));
