import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDb, DEFAULT_SEED } from '../../mocks/db';
import { benchOperators, TEMPLATE_SIZE } from '../../server/store/postgres/seedAtSize';
import type { Verification } from '../../src/domain/types';
import type { LoginResponse } from '../../src/domain/types';
import { signInThroughApi } from '../support/session';
import { spawnListening, startApiServer } from './apiServer';
import { GOALS, RESULTS_DIR, type Settings } from './config';
import { runOperators, signInOperators, type OperatorRun } from './operators';
import { explainCases, formatPlans, listCases, seqScans } from './plans';
import { goalRow, infoRow, ms, type Row } from './report';
import { pgliteDatabase, postgresDatabase, type BenchDatabase } from './serverDatabases';
import { median, percentile, summarize } from './stats';

// Phase server-scale: the review server at real size, on the embedded PostgreSQL and on a real one, next to the mock on
// the same workload. Per backend: the console's first queue page and searches at the large size vs the small one
// (alternating, from this process), then the simulated operators on the large one; and the query plans of every list.

export interface PhaseContext {
    settings: Settings;
    log(message: string): void;
    rows: Row[];
    results: Record<string, unknown>;
}

interface Running {
    url: string;
    session: LoginResponse;
    stop(): Promise<void>;
}

type BackendName = 'mock' | 'embedded PostgreSQL' | 'PostgreSQL';

interface Needles {
    name: string;
    idNumber: string;
    phone: string;
}

/** A customer in both sizes (the first pending verification of the template, copy 0 of every seed). */
function needlesOf(): Needles {
    const demo = createDb({ size: TEMPLATE_SIZE, seed: DEFAULT_SEED });
    const found = demo.state.verifications.find(v => v.status === 'pending' && v.attempt === 1) as Verification;
    return { name: found.fullName, idNumber: found.idNumber, phone: found.mobileNumber };
}

const enc = (value: unknown) => encodeURIComponent(JSON.stringify(value));
/** The queue as the console asks for it (QUEUE_DEFAULTS: open only, queue order, 25 a page), with or without a search. */
const queueQuery = (q?: string) => `/verifications?filter=${enc(q === undefined ? { open: true } : { open: true, q })}&range=${enc([0, 24])}&sort=${enc(['queue', 'ASC'])}`;

async function timedGet(server: Running, path: string): Promise<{ ms: number; status: number; range: string | null; estimated: boolean }> {
    const started = performance.now();
    const response = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${server.session.token}` } });
    await response.arrayBuffer();
    return { ms: performance.now() - started, status: response.status, range: response.headers.get('Content-Range'), estimated: response.headers.get('Total-Estimated') === 'true' };
}

async function reviewServer(db: BenchDatabase, poolSize: number): Promise<Running> {
    const env = { ...db.env, DATABASE_POOL_SIZE: String(poolSize), API_TOKEN_TTL_MINUTES: '600' };
    const { url, stop } = await spawnListening('reviewServerProcess.ts', env, `review server (${db.backend}, ${db.size})`);
    try {
        return { url, stop, session: await signInThroughApi(url, 'operator1') };
    } catch (error) {
        await stop();
        throw error;
    }
}

interface BackendFigures {
    fetch: Record<string, { large: number[]; small: number[]; contentRange: { large: string | null; small: string | null }; estimated: boolean }>;
    operators?: OperatorRun;
    /** Why the operators were not measured. */
    operatorsNote?: string;
    seed?: { small: number; large: number; cachedLarge: boolean };
    plans?: string;
}

export async function serverScalePhase(ctx: PhaseContext) {
    const { settings, log } = ctx;
    const { serverLargeSize: large, serverSmallSize: small, operators } = settings;
    const needles = needlesOf();
    const queries: [string, string][] = [
        ['first page', queueQuery()],
        [`search name`, queueQuery(needles.name)],
        [`search ID number`, queueQuery(needles.idNumber)],
        [`search mobile`, queueQuery(needles.phone)],
    ];
    log(`server-scale: ${large.toLocaleString('en')} vs ${small.toLocaleString('en')} requests; searches for ${JSON.stringify(needles)}; ${operators} operators x ${settings.operatorDecisions} decisions`);
    const figures: Partial<Record<BackendName, BackendFigures | string>> = {};

    async function measure(name: BackendName, start: (size: number) => Promise<Running>): Promise<BackendFigures> {
        const servers: Running[] = [];
        try {
            const smallServer = await start(small);
            servers.push(smallServer);
            const largeServer = await start(large);
            servers.push(largeServer);
            const fetched: BackendFigures['fetch'] = {};
            for (const [label, path] of queries) {
                const times = { large: [] as number[], small: [] as number[] };
                const ranges = { large: null as string | null, small: null as string | null };
                let estimated = false;
                // Two untimed warm-ups each, then alternating (large, small, small, large, ...).
                for (const server of [largeServer, smallServer, largeServer, smallServer]) await timedGet(server, path);
                for (let i = 0; i < settings.serverFetchRuns; i++) {
                    for (const which of i % 2 === 0 ? ['large', 'small'] as const : ['small', 'large'] as const) {
                        const answer = await timedGet(which === 'large' ? largeServer : smallServer, path);
                        if (answer.status !== 200) throw new Error(`${name} ${which}: GET ${path} answered ${answer.status}`);
                        times[which].push(answer.ms);
                        ranges[which] = answer.range;
                        if (which === 'large') estimated ||= answer.estimated;
                    }
                }
                fetched[label] = { ...times, contentRange: ranges, estimated };
                log(`  ${name} ${label}: ${median(times.large).toFixed(1)} ms at ${large} vs ${median(times.small).toFixed(1)} ms at ${small} (Content-Range ${ranges.large} vs ${ranges.small}${estimated ? ', estimated' : ''})`);
            }
            await smallServer.stop();
            servers.shift();
            try {
                const sessions = await signInOperators(largeServer.url, benchOperators(operators).map(op => op.username));
                const run = await runOperators(largeServer.url, sessions, settings.operatorDecisions, settings.operatorBudgetS * 1000);
                log(`  ${name} ${operators} operators: ${run.decisions.length} decisions in ${(run.wallMs / 1000).toFixed(1)} s, claim-next p95 ${percentile(run.claimNext, 95).toFixed(0)} ms, decision p95 ${percentile(run.decisions, 95).toFixed(0)} ms${Object.keys(run.failures).length ? `, failures ${JSON.stringify(run.failures)}` : ''}`);
                return { fetch: fetched, operators: run };
            } catch (error) {
                // The fetch figures stand; e.g. the mock at a million answers 50 claims at once slower than fetch waits for headers (5 min).
                const message = `not measured: ${error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error)}`;
                log(`  ${name} ${operators} operators: ${message}`);
                return { fetch: fetched, operatorsNote: message };
            }
        } finally {
            for (const server of servers) await server.stop();
        }
    }

    const backends: { name: BackendName; prepare: (size: number, keep: boolean) => Promise<BenchDatabase> }[] = [
        { name: 'embedded PostgreSQL', prepare: (size, keep) => pgliteDatabase(size, operators, keep, log) },
    ];
    if (settings.databaseUrl) backends.push({ name: 'PostgreSQL', prepare: (size, keep) => postgresDatabase(settings.databaseUrl!, size, operators, keep, log) });
    else figures.PostgreSQL = 'not measured: no real PostgreSQL (set BENCH_DATABASE_URL or DATABASE_URL)';

    mkdirSync(RESULTS_DIR, { recursive: true });
    for (const backend of backends) {
        const smallDb = await backend.prepare(small, false);
        const largeDb = await backend.prepare(large, settings.keepDatabases);
        // Plans first: the embedded database is one process's at a time.
        const db = await largeDb.open();
        let plansPath: string;
        try {
            const explained = await explainCases(db, listCases(needles, 'u-benchop01'), 'u-benchop01');
            plansPath = join(RESULTS_DIR, `plans-${largeDb.backend}-${large}.txt`);
            writeFileSync(plansPath, formatPlans(`${backend.name}, ${large.toLocaleString('en')} requests (EXPLAIN (ANALYZE, BUFFERS) of every statement the store runs)`, explained));
            const scans = explained.flatMap(c => c.statements.flatMap(s => seqScans(s.plan).map(() => c.name)));
            log(`  ${backend.name}: query plans in ${plansPath}${scans.length ? `; sequential scans in: ${[...new Set(scans)].join('; ')}` : '; no sequential scan'}`);
        } finally {
            await db.close();
        }
        const byDb = new Map([[small, smallDb], [large, largeDb]]);
        const measured = await measure(backend.name, size => reviewServer(byDb.get(size)!, Math.max(10, operators / 2)));
        figures[backend.name] = { ...measured, seed: { small: smallDb.seedS, large: largeDb.seedS, cachedLarge: largeDb.cached }, plans: plansPath };
    }

    // The mock, last: its own seed at each size, in a process of its own (a million requests take minutes and GBs of heap).
    if (settings.serverMockLarge) {
        try {
            figures.mock = await measure('mock', async size => {
                const api = await startApiServer({ latencyMs: 0, size, operators, maxHeapMb: 16_000 });
                log(`  mock ${size}: seeded and listening in ${(api.startupMs / 1000).toFixed(1)} s`);
                return { url: api.url, session: api.session, stop: api.stop };
            });
        } catch (error) {
            figures.mock = `not measured: ${error instanceof Error ? error.message : String(error)}`;
            log(`  mock: ${figures.mock}`);
        }
    } else {
        figures.mock = 'not measured: BENCH_SERVER_MOCK=0';
    }

    report(ctx, figures, queries.map(([label]) => label));
}

function report(ctx: PhaseContext, figures: Partial<Record<BackendName, BackendFigures | string>>, labels: string[]) {
    const { settings, rows, results } = ctx;
    const size = (n: number) => n.toLocaleString('en');
    const mock = typeof figures.mock === 'object' ? figures.mock : undefined;
    const mockMedian = (label: string) => (mock ? ms1(median(mock.fetch[label]!.large)) : 'n/a');
    for (const name of ['embedded PostgreSQL', 'PostgreSQL'] as const) {
        const figure = figures[name];
        if (typeof figure !== 'object') {
            rows.push(infoRow(`Server ${name}`, figure ?? 'not measured'));
            continue;
        }
        for (const label of labels) {
            const f = figure.fetch[label]!;
            rows.push(goalRow(`Server ${name}: ${label}, ${size(settings.serverLargeSize)} vs ${size(settings.serverSmallSize)}`, median(f.large), median(f.small), GOALS.serverScale, ms1));
            rows.push(infoRow(`  the mock, same query at ${size(settings.serverLargeSize)} (its ${size(settings.serverSmallSize)})`, mockMedian(label), mock ? ms1(median(mock.fetch[label]!.small)) : ''));
        }
        const mockRun = mock?.operators;
        const rate = (r: OperatorRun) => r.decisions.length / (r.wallMs / 1000);
        const run = figure.operators;
        if (run) {
            rows.push(infoRow(`Server ${name}: ${settings.operators} operators, claim-next p95 (mock)`, ms(percentile(run.claimNext, 95)), mockRun ? ms(percentile(mockRun.claimNext, 95)) : 'n/a'));
            rows.push(infoRow(`Server ${name}: ${settings.operators} operators, decision + next p95 (mock)`, ms(percentile(run.decisions, 95)), mockRun ? ms(percentile(mockRun.decisions, 95)) : 'n/a'));
            rows.push(infoRow(`Server ${name}: decisions per second (mock)`, rate(run).toFixed(1), mockRun ? rate(mockRun).toFixed(1) : 'n/a'));
        } else {
            rows.push(infoRow(`Server ${name}: ${settings.operators} operators`, figure.operatorsNote ?? 'not measured'));
        }
        if (mock?.operatorsNote) rows.push(infoRow(`  the mock's ${settings.operators} operators`, mock.operatorsNote));
        rows.push(infoRow(`Server ${name}: seed of ${size(settings.serverLargeSize)} requests${figure.seed!.cachedLarge ? ' (cached, from an earlier run)' : ''}`, `${figure.seed!.large.toFixed(0)} s`));
    }
    if (typeof figures.mock === 'string') rows.push(infoRow('Mock', figures.mock));
    results.serverScale = Object.fromEntries(Object.entries(figures).map(([name, f]) => [name, typeof f === 'string' ? f : {
        fetch: Object.fromEntries(Object.entries(f.fetch).map(([label, x]) => [label, { large: summarize(x.large), small: summarize(x.small), contentRange: x.contentRange, estimated: x.estimated }])),
        operatorsNote: f.operatorsNote,
        operators: f.operators && { claimNext: summarize(f.operators.claimNext), decisions: summarize(f.operators.decisions), wallMs: Math.round(f.operators.wallMs), decisionsPerSecond: Math.round((f.operators.decisions.length / (f.operators.wallMs / 1000)) * 10) / 10, failures: f.operators.failures },
        seed: f.seed,
        plans: f.plans,
    }]));
}

const ms1 = (v: number) => `${v.toFixed(1)} ms`;
