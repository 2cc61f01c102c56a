// Small statistics over a list of timings.

export interface Summary {
    n: number;
    median: number;
    p95: number;
    min: number;
    max: number;
    mean: number;
}

const sortedCopy = (values: number[]) => [...values].sort((a, b) => a - b);

export function median(values: number[]): number {
    if (values.length === 0) return Number.NaN;
    const sorted = sortedCopy(values);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(values: number[], p: number): number {
    if (values.length === 0) return Number.NaN;
    const sorted = sortedCopy(values);
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[rank - 1]!;
}

export function summarize(values: number[]): Summary {
    const round = (v: number) => Math.round(v * 10) / 10;
    return {
        n: values.length,
        median: round(median(values)),
        p95: round(percentile(values, 95)),
        min: round(Math.min(...values)),
        max: round(Math.max(...values)),
        mean: round(values.reduce((sum, v) => sum + v, 0) / values.length),
    };
}

export const ratio = (measured: number, baseline: number) => Math.round((measured / baseline) * 1000) / 1000;
