import { retryDelayMs } from '../notices/sender';
import type { Cancellation, ReviewRequest } from '../../src/domain/types';
import type { AppDeps } from './deps';

// An approved cancellation's number release (docs/api.md §6.2): tried right after the approval commits, and again by the
// server's loop with backoff until the number-release system confirms. Never given up: a request stays "approved, not
// released" (numberRelease set, numberReleasedAt null) and visible to supervisors until it is released.

const MAX_ERROR_LENGTH = 500;

export const releasePending = (record: ReviewRequest): record is Cancellation =>
    record.kind === 'cancellation' && record.status === 'approved' && record.numberReleasedAt === null && Boolean(record.numberRelease);

/** One attempt; answers the record as stored after it. */
export async function releaseNumber(deps: AppDeps, record: ReviewRequest): Promise<ReviewRequest> {
    if (!deps.numberRelease || !releasePending(record)) return record;
    const attempt = record.numberRelease!.attempts;
    let error: string | null = null;
    try {
        await deps.numberRelease.release(record, deps.now());
    } catch (caught) {
        error = (caught instanceof Error ? caught.message : String(caught)).slice(0, MAX_ERROR_LENGTH) || 'release failed';
    }
    return deps.store.transaction(async tx => {
        const current = await tx.lockRequest('cancellation', record.id);
        // Someone else's attempt finished first: theirs is on the record.
        if (!current || !releasePending(current) || current.numberRelease!.attempts !== attempt) return current ?? record;
        const at = deps.now();
        const updated: Cancellation = error === null
            ? { ...current, numberReleasedAt: at.toISOString(), numberReleasedBy: current.decidedBy, numberRelease: null }
            : { ...current, numberRelease: { attempts: attempt + 1, lastError: error, nextAttemptAt: new Date(at.getTime() + retryDelayMs(attempt + 1, deps.config.releaseRetry ?? DEFAULT_RELEASE_RETRY)).toISOString() } };
        await tx.saveRequest(updated);
        return updated;
    });
}

export const DEFAULT_RELEASE_RETRY = { retryBaseMs: 60_000, retryMaxMs: 60 * 60_000 };

/** The server loop's pass: every release due by now, one attempt each; answers how many were released. */
export async function retryDueReleases(deps: AppDeps): Promise<{ released: number; failed: number }> {
    const due = await deps.store.dueNumberReleases(deps.now(), 50);
    let released = 0;
    for (const record of due) {
        const after = await releaseNumber(deps, record);
        if (after.kind === 'cancellation' && after.numberReleasedAt !== null) released += 1;
    }
    return { released, failed: due.length - released };
}
