import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR } from './config';

// The bench's output: one table on stdout, everything in tests/bench/results/latest.json.

export interface Row {
    metric: string;
    console: string;
    baseline: string;
    /** console / baseline, when the metric has a baseline. */
    ratio: number | null;
    /** e.g. "<= 1.15"; "" for figures reported without a goal. */
    goal: string;
    status: 'pass' | 'MISSED' | 'info';
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (value: number) => `${value.toFixed(0)} ms`;

/** A row with a goal "ratio <= limit". */
export function goalRow(metric: string, measured: number, baseline: number, limit: number, format: (v: number) => string): Row {
    const ratio = Math.round((measured / baseline) * 1000) / 1000;
    return { metric, console: format(measured), baseline: format(baseline), ratio, goal: `<= ${limit}`, status: ratio <= limit ? 'pass' : 'MISSED' };
}

/** A row with an absolute goal "measured <= limit". */
export function limitRow(metric: string, measured: number, limit: number, format: (v: number) => string): Row {
    return { metric, console: format(measured), baseline: '', ratio: null, goal: `<= ${format(limit)}`, status: measured <= limit ? 'pass' : 'MISSED' };
}

export function infoRow(metric: string, value: string, baseline = '', ratio: number | null = null): Row {
    return { metric, console: value, baseline, ratio, goal: '', status: 'info' };
}

export function formatTable(rows: Row[]): string {
    const header = ['metric', 'console', 'baseline', 'ratio', 'goal', 'result'];
    const cells = rows.map(r => [r.metric, r.console, r.baseline, r.ratio === null ? '' : r.ratio.toFixed(3), r.goal, r.status === 'info' ? '' : r.status === 'pass' ? 'pass' : '** MISSED **']);
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map(c => c[i]!.length)));
    const line = (values: string[]) => values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(' | ');
    return [line(header), widths.map(w => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}

export function writeResults(result: unknown, name = 'latest.json'): string {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const path = join(RESULTS_DIR, name);
    writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
    return path;
}
