import { resolve } from 'node:path';

// Where things are, and how much of each measurement to do (every count can be changed by an env variable).

export const ROOT = resolve(import.meta.dirname, '../..');
export const BENCH_DIR = resolve(ROOT, 'tests/bench');
export const BARE_ROOT = resolve(BENCH_DIR, 'bare');
/** Build output of every app built by the bench (git-ignored). */
export const DIST_DIR = resolve(BENCH_DIR, 'dist');
/** latest.json (git-ignored). */
export const RESULTS_DIR = resolve(BENCH_DIR, 'results');

export const PHASES = ['size', 'load', 'first-visit', 'photo', 'decide', 'scale', 'memory', 'server-scale'] as const;
/** Phases that drive no browser (no build, no Chromium). */
export const SERVER_PHASES: readonly Phase[] = ['server-scale'];
export type Phase = (typeof PHASES)[number];

function count(name: string, fallback: number, min = 1): number {
    const raw = process.env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number >= ${min}, not "${raw}"`);
    return value;
}

function list(name: string, fallback: number[]): number[] {
    const raw = process.env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const values = raw.split(',').map(Number);
    if (values.length < 2 || values.some(v => !Number.isInteger(v) || v < 1) || values.some((v, i) => i > 0 && v <= values[i - 1]!)) {
        throw new Error(`${name} must be increasing whole numbers separated by commas (at least two), not "${raw}"`);
    }
    return values;
}

function phases(): Phase[] {
    const raw = process.env.BENCH_ONLY;
    if (raw === undefined || raw.trim() === '') return [...PHASES];
    const wanted = raw.split(',').map(s => s.trim());
    const unknown = wanted.filter(p => !(PHASES as readonly string[]).includes(p));
    if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown phase(s) ${unknown.join(', ')}; known: ${PHASES.join(', ')}`);
    return PHASES.filter(p => wanted.includes(p));
}

export function readSettings() {
    const runs = count('BENCH_RUNS', 7);
    return {
        /** Set by the bench once it has found Chromium (tests/support/chromium.ts). */
        chromiumPath: '',
        phases: phases(),
        /** Page loads per app (console and bare alternate). */
        runs,
        /** Page loads per store size in the scale phase (100 and 100,000 alternate). */
        scaleRuns: count('BENCH_SCALE_RUNS', runs),
        /** Timed in-page fetches per query and store size. */
        fetchRuns: count('BENCH_FETCH_RUNS', 15),
        /** Requests in the large store. */
        largeSize: count('BENCH_LARGE_SIZE', 100_000),
        smallSize: count('BENCH_SMALL_SIZE', 100),
        /** Requests in the store of the memory session (the large store unless set; it must not run out of pending requests). */
        memorySize: count('BENCH_MEMORY_SIZE', count('BENCH_LARGE_SIZE', 100_000)),
        /** Timed decisions per mock latency, after the untimed warm-up ones. */
        decisions: count('BENCH_DECISIONS', 50),
        decisionWarmup: count('BENCH_DECISION_WARMUP', 2, 0),
        /** Mock latency of the slow decision run, in ms (the fast one is 0). */
        slowLatencyMs: count('BENCH_SLOW_LATENCY_MS', 80),
        /** Heap is measured after each of these numbers of decisions; the goal compares the last with the first. */
        memoryCheckpoints: list('BENCH_MEMORY_CHECKPOINTS', [10, 50, 100, 200]),
        /** server-scale: requests in the review server's large and small databases. */
        serverLargeSize: count('BENCH_SERVER_LARGE_SIZE', 1_000_000),
        serverSmallSize: count('BENCH_SERVER_SMALL_SIZE', 1_000),
        /** server-scale: timed fetches per query and size (the two sizes alternate). */
        serverFetchRuns: count('BENCH_SERVER_FETCH_RUNS', 20),
        /** server-scale: simulated operators at once, each its own account, and the decisions each one makes. */
        operators: count('BENCH_OPERATORS', 50),
        operatorDecisions: count('BENCH_OPERATOR_DECISIONS', 10),
        /** server-scale: no operator starts a decision after this many seconds (the rate counts the decisions made). */
        operatorBudgetS: count('BENCH_OPERATOR_SECONDS', 120),
        /** server-scale: a real PostgreSQL (the bench creates its databases there); none: "not measured". */
        databaseUrl: process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || null,
        /** server-scale: keep the large databases between runs (.data/bench, or a database on the real server); 0 seeds again. */
        keepDatabases: process.env.BENCH_KEEP_DATABASES !== '0',
        /** server-scale: 0 leaves the mock out (a million requests in its memory take several GB). */
        serverMockLarge: process.env.BENCH_SERVER_MOCK !== '0',
    };
}

export type Settings = ReturnType<typeof readSettings>;

/** The goals of the brief: measured / baseline must not exceed these. */
export const GOALS = {
    initialJs: 1.15,
    firstRow: 1.2,
    scale: 1.5,
    /** The review server: first queue page and search at 1,000,000 requests vs 1,000. */
    serverScale: 1.5,
    memory: 1.2,
    /** A signed-out first visit (demo build): the login form answering a key, vs the bare app's first paint. */
    firstVisit: 1.2,
} as const;
