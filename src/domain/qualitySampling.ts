import type { BlindRequest, BlindedRequestField, ReviewRequest } from './types';

// Quality sampling: a supervisor draws a share of an operator's decisions and re-reviews each one blind,
// without seeing the operator's outcome, then gives a verdict (agree / disagree).

/** A sampling rate is a number with 0 < rate ≤ 1. */
export const isSamplingRate = (rate: unknown): rate is number => typeof rate === 'number' && Number.isFinite(rate) && rate > 0 && rate <= 1;

/**
 * How many of `population` decisions a sample at `rate` draws: ceil(rate × population), at most the population.
 * The product is rounded to 9 decimals first, so that 0.1 × 30 draws 3, not 4.
 */
export function sampleSize(rate: number, population: number): number {
    if (population <= 0) return 0;
    return Math.min(population, Math.ceil(Math.round(rate * population * 1e9) / 1e9));
}

/** `count` distinct items drawn uniformly at random (a partial Fisher-Yates shuffle of a copy); `random` returns [0, 1). */
export function drawSample<T>(candidates: readonly T[], count: number, random: () => number = Math.random): T[] {
    const pool = [...candidates];
    const n = Math.min(Math.max(0, count), pool.length);
    for (let i = 0; i < n; i += 1) {
        const j = i + Math.floor(random() * (pool.length - i));
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, n);
}

/** The fields a quality review hides until the verdict, because they tell the operator's decision. */
export const BLINDED_FIELDS: readonly BlindedRequestField[] = ['status', 'version', 'decision', 'decidedBy', 'decidedAt', 'firstApproval', 'numberReleasedAt', 'numberReleasedBy'];

/** The request without its decision: every BLINDED_FIELD null (those a verification has not stay absent). */
export function blindRequest(request: ReviewRequest): BlindRequest {
    const hidden = { status: null, version: null, decision: null, decidedBy: null, decidedAt: null };
    if (request.kind === 'verification') return { ...request, ...hidden };
    // A pending number release tells the decision too.
    return { ...request, ...hidden, firstApproval: null, numberReleasedAt: null, numberReleasedBy: null, numberRelease: null };
}
