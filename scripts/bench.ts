import type { CDPSession } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '../tests/bench/apiServer';
import { withFreshBrowser } from '../tests/bench/browser';
import { resolveChromium } from '../tests/support/chromium';
import { buildApp, type AppKind } from '../tests/bench/build';
import { staticInitialJs } from '../tests/bench/bundle';
import { GOALS, RESULTS_DIR, ROOT, readSettings, SERVER_PHASES, type Phase } from '../tests/bench/config';
import { openFirstRequest, REVIEW_INIT_SCRIPTS, runDecisions, watchNetwork, type Decision } from '../tests/bench/decisions';
import { heapAfterGc, type HeapSample } from '../tests/bench/memory';
import { measureBareFirstPaint, measureFirstVisit, SETTLE_MS, type BarePaintRun, type FirstVisitRun } from '../tests/bench/firstVisit';
import { measurePageLoad, type LoadRun } from '../tests/bench/pageLoad';
import { serve, type ServedApp } from '../tests/bench/preview';
import { formatTable, goalRow, infoRow, kb, limitRow, ms, writeResults, type Row } from '../tests/bench/report';
import { firstPageQuery, searchQuery, timeFetches } from '../tests/bench/scaleFetch';
import { serverScalePhase } from '../tests/bench/serverScale';
import { median, ratio, summarize } from '../tests/bench/stats';

// npm run bench: the console against a bare react-admin app and against itself at scale, built for
// production and driven in headless Chromium, all in one run so that ratios hold on a noisy machine.
//
//   BENCH_RUNS=7                 page loads per app (console and bare alternate, ABBA)
//   BENCH_SCALE_RUNS=<runs>      page loads per store size (100 and 100,000 alternate)
//   BENCH_FETCH_RUNS=15          timed API fetches per query and store size
//   BENCH_DECISIONS=50           timed approvals per mock latency (after BENCH_DECISION_WARMUP=2)
//   BENCH_SLOW_LATENCY_MS=80     the slow mock latency (the fast one is 0)
//   BENCH_MEMORY_CHECKPOINTS=10,50,100,200   heap is read after these many approvals; goal: last / first
//   BENCH_LARGE_SIZE=100000 BENCH_SMALL_SIZE=100
//   BENCH_MEMORY_SIZE=<large>    store of the memory session; each request to a 100,000 store costs the mock
//                                100-600 ms, so the memory phase is most of the run (e.g. 2000 makes it ~4x faster)
//   BENCH_ONLY=size,load,first-visit,decide,scale,memory,server-scale  run some phases only
//   server-scale (the review server at 1,000,000 requests vs 1,000; tests/bench/serverScale.ts): BENCH_SERVER_LARGE_SIZE,
//     BENCH_SERVER_SMALL_SIZE, BENCH_SERVER_FETCH_RUNS=20, BENCH_OPERATORS=50, BENCH_OPERATOR_DECISIONS=10, BENCH_OPERATOR_SECONDS=120,
//     BENCH_DATABASE_URL (a real PostgreSQL; else DATABASE_URL; else not measured), BENCH_KEEP_DATABASES=0 (seed again),
//     BENCH_SERVER_MOCK=0 (leave the mock out)
//   CHROMIUM_PATH=/usr/bin/chromium (default: the system's Chromium, else the one packaged in @sparticuz/chromium)
//
// A missed goal is printed as MISSED and the exit code stays 0 (this is a measurement, not a test);
// the exit code is 1 only when a measurement could not be made.

const startedAt = performance.now();
const settings = readSettings();
const log = (message: string) => console.log(`[bench ${((performance.now() - startedAt) / 1000).toFixed(0).padStart(4)}s] ${message}`);
const has = (phase: Phase) => settings.phases.includes(phase);

interface Target {
    api: ApiServer;
    apps: Partial<Record<AppKind, ServedApp>>;
}

const closers: (() => Promise<void>)[] = [];
const errors: { phase: string; message: string }[] = [];
const rows: Row[] = [];
const results: Record<string, unknown> = {};

async function main() {
    const browserPhases = settings.phases.some(p => !SERVER_PHASES.includes(p));
    const chromium = browserPhases ? await resolveChromium() : { path: '', version: 'not needed', source: 'none' };
    settings.chromiumPath = chromium.path;
    results.meta = {
        date: new Date().toISOString(),
        commit: gitCommit(),
        node: process.version,
        chromium: `${chromium.version} (${chromium.source})`,
        cpus: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        loadAverageAtStart: loadavg().map(v => Math.round(v * 100) / 100),
        settings,
    };
    const busy = loadavg()[0]!;
    if (busy > cpus().length / 2) log(`WARNING: load average ${busy.toFixed(2)} on ${cpus().length} CPUs before starting: something else is running, figures will be noisy`);
    log(`phases: ${settings.phases.join(', ')}; ${settings.runs} loads per app, ${settings.decisions} decisions per latency`);

    // 1. Mock APIs, each in its own process (seeding 100,000 requests takes a few seconds: start them together).
    const needBase = has('size') || has('load') || has('decide') || has('first-visit');
    const separateMemoryStore = has('memory') && settings.memorySize !== settings.largeSize;
    const [base, slow, small, large, memoryStore] = await Promise.all([
        needBase ? startApiServer({ latencyMs: 0 }) : undefined,
        has('decide') ? startApiServer({ latencyMs: settings.slowLatencyMs }) : undefined,
        has('scale') ? startApiServer({ latencyMs: 0, size: settings.smallSize }) : undefined,
        has('scale') || has('decide') || (has('memory') && !separateMemoryStore) ? startApiServer({ latencyMs: 0, size: settings.largeSize }) : undefined,
        separateMemoryStore ? startApiServer({ latencyMs: 0, size: settings.memorySize }) : undefined,
    ]);
    for (const api of [base, slow, small, large, memoryStore]) if (api) closers.push(api.stop);
    log(`mock APIs up: ${[base, slow, small, large, memoryStore].filter(Boolean).map(a => `${a!.url} (size ${a!.size ?? 'default'}, ${a!.latencyMs} ms, ${(a!.startupMs / 1000).toFixed(1)} s)`).join('; ')}`);

    // 2. Builds (one per API URL: the URL is compiled in) and preview servers.
    const targets = {
        base: base && (await prepare(base, 'base', [
            ...(has('size') || has('load') || has('decide') ? ['console' as const] : []),
            ...(has('size') || has('load') || has('first-visit') ? ['bare' as const] : []),
            // The first visit is the demo build's: its own mock backend in a service worker, no API server.
            ...(has('first-visit') ? ['demo' as const] : []),
        ])),
        slow: slow && (await prepare(slow, 'slow', ['console'])),
        small: small && (await prepare(small, 'small', ['console'])),
        large: large && (await prepare(large, 'large', ['console'])),
        memory: memoryStore && (await prepare(memoryStore, 'memory', ['console'])),
    };

    if (targets.base && (has('size') || has('load'))) await phase('load', () => loadPhase(targets.base!));
    if (targets.base && has('first-visit')) await phase('first-visit', () => firstVisitPhase(targets.base!));
    if (targets.small && targets.large && has('scale')) await phase('scale', () => scalePhase(targets.small!, targets.large!));
    if (targets.base && targets.slow && targets.large && has('decide')) await phase('decide', () => decidePhase([targets.base!, targets.slow!, targets.large!]));
    const memoryTarget = targets.memory ?? targets.large;
    if (memoryTarget && has('memory')) await phase('memory', () => memoryPhase(memoryTarget));
    if (has('server-scale')) await phase('server-scale', () => serverScalePhase({ settings, log, rows, results }));
}

async function prepare(api: ApiServer, name: string, kinds: AppKind[]): Promise<Target> {
    const apps: Target['apps'] = {};
    for (const kind of kinds) {
        const built = await buildApp(kind, api.url, `${kind}-${name}`);
        const served = await serve(built);
        closers.push(served.close);
        apps[kind] = served;
        log(`built ${kind} for ${name} API in ${(built.buildMs / 1000).toFixed(1)} s, serving ${served.url}`);
    }
    return { api, apps };
}

async function phase(name: string, work: () => Promise<void>) {
    const started = performance.now();
    try {
        await work();
        log(`${name}: done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        errors.push({ phase: name, message });
        log(`${name}: FAILED: ${message}`);
    }
}

interface LoadVariant {
    label: string;
    app: ServedApp;
    session: unknown;
    /** Where the page is opened, "/" unless said otherwise. */
    path?: string;
}

/**
 * Cold loads of every variant, `runs` each, in alternating order (A B C, C B A, A B C, ...) so that a
 * slow drift of the machine weighs on all of them alike; one untimed warm-up load of each first.
 */
async function alternateLoads(variants: LoadVariant[], runs: number): Promise<Record<string, LoadRun[]>> {
    const load = (v: LoadVariant) => measurePageLoad(settings.chromiumPath, v.app, v.session, v.label, v.path);
    for (const v of variants) await load(v);
    const byLabel: Record<string, LoadRun[]> = Object.fromEntries(variants.map(v => [v.label, []]));
    for (let i = 0; i < runs; i++) {
        for (const v of i % 2 === 0 ? variants : [...variants].reverse()) {
            const run = await load(v);
            byLabel[v.label]!.push(run);
            log(`  ${v.label.padEnd(26)} run ${i + 1}/${runs}: first row at ${run.firstRowMs.toFixed(0)} ms (list request sent at ${run.listRequestStartMs?.toFixed(0) ?? '?'} ms), ${run.initialJs.files.length} JS files ${kb(run.initialJs.gzip)} gzip, on ${run.landedOn}`);
        }
    }
    return byLabel;
}

/** The run with the median first-row time (its waterfall is the one worth reading). */
const medianRun = (runs: LoadRun[]) => [...runs].sort((x, y) => x.firstRowMs - y.firstRowMs)[Math.floor((runs.length - 1) / 2)]!;

async function loadPhase(target: Target) {
    const consoleApp = target.apps.console!;
    const bareApp = target.apps.bare!;
    const session = target.api.session;

    const staticFigures = { console: staticInitialJs(consoleApp.app.outDir), bare: staticInitialJs(bareApp.app.outDir) };
    const runs = has('load') ? settings.runs : 1;
    log(`load: ${runs} cold loads each of the console and the bare app, against ${target.api.url}`);
    const direct = 'console at #/verifications';
    const loads = await alternateLoads([
        { label: 'console', app: consoleApp, session },
        { label: 'bare', app: bareApp, session },
        // The console opened on the queue's own address rather than at its root (where operators are sent on to the queue before the first render).
        ...(has('load') ? [{ label: direct, app: consoleApp, session, path: '/#/verifications' }] : []),
    ], runs);

    const inBrowser = (label: string) => {
        const sets = loads[label]!.map(run => run.initialJs);
        // The set of files is the same every run; if it is not (a race between lazy chunks and the first row), take the median size.
        const sorted = [...sets].sort((x, y) => x.gzip - y.gzip);
        return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, distinctGzipTotals: [...new Set(sets.map(s => s.gzip))] };
    };
    const js = { console: inBrowser('console'), bare: inBrowser('bare') };
    results.initialJs = { inBrowser: js, static: staticFigures, goal: GOALS.initialJs };
    if (has('size')) {
        rows.push(goalRow('Initial JS gzip, fetched before 1st row (browser)', js.console.gzip, js.bare.gzip, GOALS.initialJs, kb));
        rows.push(goalRow('Initial JS gzip, entry + static imports (manifest)', staticFigures.console.gzip, staticFigures.bare.gzip, GOALS.initialJs, kb));
        rows.push(infoRow('Initial JS raw, fetched before 1st row (browser)', kb(js.console.raw), kb(js.bare.raw), ratio(js.console.raw, js.bare.raw)));
        rows.push(infoRow('JS files fetched before 1st row', String(js.console.files.length), String(js.bare.files.length)));
    }
    if (has('load')) {
        const times = (label: string) => loads[label]!.map(run => run.firstRowMs);
        const listSent = (label: string) => median(loads[label]!.map(run => run.listRequestStartMs ?? Number.NaN));
        const describe = (label: string) => ({
            ...summarize(times(label)),
            dom: summarize(loads[label]!.map(r => r.firstRowDomMs)),
            listRequestSent: summarize(loads[label]!.map(r => r.listRequestStartMs ?? Number.NaN)),
            medianRun: medianRun(loads[label]!),
            runs: loads[label]!.map(compactRun),
        });
        results.firstRow = { api: target.api.url, console: describe('console'), bare: describe('bare'), [direct]: describe(direct), goal: GOALS.firstRow };
        rows.push(goalRow(`Navigation to 1st queue row, median of ${runs}`, median(times('console')), median(times('bare')), GOALS.firstRow, ms));
        rows.push(infoRow('  of which: until the list request is sent', ms(listSent('console')), ms(listSent('bare')), ratio(listSent('console'), listSent('bare'))));
        rows.push(infoRow('  console opened at #/verifications (the queue itself)', ms(median(times(direct))), ms(median(times('bare'))), ratio(median(times(direct)), median(times('bare')))));
    }
}

/** Signed-out first visits of the demo build and cold loads of the bare app, alternating (one untimed warm-up each). */
async function firstVisitPhase(target: Target) {
    const demo = target.apps.demo!;
    const bare = target.apps.bare!;
    const runs = settings.runs;
    log(`first-visit: ${runs} signed-out first visits of the demo build and ${runs} cold loads of the bare app, alternating`);
    const visit = () => measureFirstVisit(settings.chromiumPath, demo);
    const barePaint = () => measureBareFirstPaint(settings.chromiumPath, bare, target.api.session);
    await visit();
    await barePaint();
    const visits: FirstVisitRun[] = [];
    const bares: BarePaintRun[] = [];
    for (let i = 0; i < runs; i++) {
        for (const which of i % 2 === 0 ? ['demo', 'bare'] : ['bare', 'demo']) {
            if (which === 'demo') {
                const run = await visit();
                visits.push(run);
                log(`  first visit run ${i + 1}/${runs}: form painted ${run.formPaintedMs.toFixed(0)} ms, usable ${run.usableMs.toFixed(0)} ms (key to paint ${run.keyToPaintMs.toFixed(0)} ms), ${run.navigationsWhenUsable} -> ${run.navigationsSettled} navigations, ${run.storageReadsWhenUsable} -> ${run.storageReadsSettled} localStorage reads, on ${run.landedOn}`);
            } else {
                const run = await barePaint();
                bares.push(run);
                log(`  bare run ${i + 1}/${runs}: first paint ${run.firstContentfulPaintMs.toFixed(0)} ms, first row ${run.firstRowMs.toFixed(0)} ms`);
            }
        }
    }
    const usable = median(visits.map(v => v.usableMs));
    const bareFcp = median(bares.map(b => b.firstContentfulPaintMs));
    const most = (values: number[]) => Math.max(...values);
    results.firstVisit = {
        console: {
            formPainted: summarize(visits.map(v => v.formPaintedMs)),
            usable: summarize(visits.map(v => v.usableMs)),
            keyToPaint: summarize(visits.map(v => v.keyToPaintMs)),
            firstContentfulPaint: summarize(visits.map(v => v.firstContentfulPaintMs ?? Number.NaN)),
            runs: visits.map(v => ({ ...v, formPaintedMs: round(v.formPaintedMs), usableMs: round(v.usableMs), keyToPaintMs: round(v.keyToPaintMs) })),
        },
        bare: { firstContentfulPaint: summarize(bares.map(b => b.firstContentfulPaintMs)), firstRow: summarize(bares.map(b => b.firstRowMs)) },
        goal: GOALS.firstVisit,
        note: 'usable = navigation start to the frame that paints a key typed into the username field as soon as the field was visible',
    };
    rows.push(goalRow(`First visit (demo, signed out): login usable vs bare 1st paint, median of ${runs}`, usable, bareFcp, GOALS.firstVisit, ms));
    rows.push(infoRow('  login form painted', ms(median(visits.map(v => v.formPaintedMs))), ms(bareFcp), ratio(median(visits.map(v => v.formPaintedMs)), bareFcp)));
    rows.push(infoRow('  typed key to its paint (p50 / max)', `${ms(median(visits.map(v => v.keyToPaintMs)))} / ${ms(most(visits.map(v => v.keyToPaintMs)))}`));
    rows.push(infoRow(`  history navigations (max; when usable / ${SETTLE_MS / 1000} s later)`, `${most(visits.map(v => v.navigationsWhenUsable))} / ${most(visits.map(v => v.navigationsSettled))}`));
    rows.push(infoRow(`  localStorage reads (max; when usable / ${SETTLE_MS / 1000} s later)`, `${most(visits.map(v => v.storageReadsWhenUsable))} / ${most(visits.map(v => v.storageReadsSettled))}`));
    rows.push(infoRow('  bare app: 1st queue row', '', ms(median(bares.map(b => b.firstRowMs)))));
}
const compactRun = (run: LoadRun) => ({ firstRowMs: round(run.firstRowMs), firstRowDomMs: round(run.firstRowDomMs), listRequestStartMs: run.listRequestStartMs, listRequestEndMs: run.listRequestEndMs, initialJsGzip: run.initialJs.gzip, files: run.initialJs.files.length, landedOn: run.landedOn });
const round = (v: number) => Math.round(v * 10) / 10;

async function scalePhase(small: Target, large: Target) {
    const smallLabel = `store ${settings.smallSize}`;
    const largeLabel = `store ${settings.largeSize}`;
    log(`scale: ${settings.scaleRuns} cold loads of the console on each store, alternating`);
    const loads = await alternateLoads([
        { label: largeLabel, app: large.apps.console!, session: large.api.session },
        { label: smallLabel, app: small.apps.console!, session: small.api.session },
    ], settings.scaleRuns);

    // A name that is in both stores (the seed is the same): the first verification of the small one.
    const first = await apiGet(small.api, `/verifications?range=${encodeURIComponent('[0,0]')}&sort=${encodeURIComponent('["id","ASC"]')}`) as { fullName: string }[];
    const needle = first[0]!.fullName;
    log(`scale: ${settings.fetchRuns} timed fetches per query and store from inside a page (search for "${needle}")`);
    const fetches = await withFreshBrowser(settings.chromiumPath, {}, async ({ page }) => {
        // A page of the console's origin that runs no script of its own, so nothing else competes.
        await page.goto(`${small.apps.console!.url}/.vite/manifest.json`);
        return timeFetches(
            page,
            [{ label: largeLabel, api: large.api }, { label: smallLabel, api: small.api }],
            [{ label: 'first page', query: firstPageQuery() }, { label: 'search', query: searchQuery(needle) }],
            settings.fetchRuns,
        );
    });
    const fetchOf = (server: string, query: string) => fetches.find(f => f.server === server && f.query === query)!;
    for (const f of fetches) if (f.status !== 200) throw new Error(`${f.url} answered ${f.status}`);

    const uiLarge = median(loads[largeLabel]!.map(r => r.firstRowMs));
    const uiSmall = median(loads[smallLabel]!.map(r => r.firstRowMs));
    results.scale = {
        ui: {
            [largeLabel]: { ...summarize(loads[largeLabel]!.map(r => r.firstRowMs)), medianRun: medianRun(loads[largeLabel]!), runs: loads[largeLabel]!.map(compactRun) },
            [smallLabel]: { ...summarize(loads[smallLabel]!.map(r => r.firstRowMs)), medianRun: medianRun(loads[smallLabel]!), runs: loads[smallLabel]!.map(compactRun) },
        },
        fetch: fetches.map(f => ({ ...f, summary: summarize(f.times), times: f.times.map(round) })),
        searchedFor: needle,
        goal: GOALS.scale,
    };
    rows.push(goalRow(`Queue 1st row, ${largeLabel} vs ${settings.smallSize}`, uiLarge, uiSmall, GOALS.scale, ms));
    for (const query of ['first page', 'search']) {
        const l = median(fetchOf(largeLabel, query).times);
        const s = median(fetchOf(smallLabel, query).times);
        rows.push(goalRow(`API ${query} fetch, ${largeLabel} vs ${settings.smallSize}`, l, s, GOALS.scale, v => `${v.toFixed(1)} ms`));
    }
}

async function apiGet(api: ApiServer, path: string): Promise<unknown> {
    const response = await fetch(`${api.url}${path}`, { headers: { Authorization: `Bearer ${api.session.token}` } });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return response.json();
}

async function decisionSession(target: Target, count: number, label: string, onDecision?: (n: number, decision: Decision, cdp: () => Promise<CDPSession>) => Promise<void>) {
    return withFreshBrowser(settings.chromiumPath, { session: target.api.session, initScripts: REVIEW_INIT_SCRIPTS }, async browser => {
        try {
            const network = await watchNetwork(await browser.cdp());
            const opened = await openFirstRequest(browser.page, network, target.apps.console!);
            log(`  ${label}: review screen open on ${opened.id} after ${opened.docsMs.toFixed(0)} ms (the review chunks load now)`);
            const decisions = await runDecisions(browser.page, network, opened.id, count, async (n, decision) => {
                if (n % 25 === 0) log(`  ${label}: ${n}/${count} decisions, last ${decision.docsMs.toFixed(0)} ms`);
                if (onDecision) await onDecision(n, decision, browser.cdp);
            });
            return { opened, decisions };
        } catch (error) {
            mkdirSync(RESULTS_DIR, { recursive: true });
            const shot = join(RESULTS_DIR, `failure-${label.replace(/\W+/g, '-')}.png`);
            await browser.page.screenshot({ path: shot }).catch(() => undefined);
            throw new Error(`${label}: ${error instanceof Error ? error.message : String(error)} (screenshot: ${shot})`, { cause: error });
        }
    });
}

async function decidePhase(targets: Target[]) {
    const perLatency: Record<string, unknown> = {};
    for (const target of targets) {
        const latency = target.api.latencyMs;
        const label = `mock ${latency} ms${target.api.size ? `, store ${target.api.size}` : ''}`;
        log(`decide: ${settings.decisionWarmup} + ${settings.decisions} approvals with the ${label}`);
        const { opened, decisions } = await decisionSession(target, settings.decisionWarmup + settings.decisions, label);
        const timed = decisions.slice(settings.decisionWarmup);
        const docs = summarize(timed.map(d => d.docsMs));
        const serial = summarize(timed.map(d => d.serial.count));
        // Where the time goes: until the critical path's last answer, then rendering the next request.
        const answered = summarize(timed.map(d => d.serial.endMs));
        const rendered = summarize(timed.map(d => d.recordMs - d.serial.endMs));
        perLatency[label] = {
            latencyMs: latency,
            api: target.api.url,
            enterToDocuments: docs,
            enterToRecord: summarize(timed.map(d => d.recordMs)),
            serialRequests: { ...serial, chains: countChains(timed) },
            enterToLastAnswer: answered,
            lastAnswerToRecord: rendered,
            firstReviewScreen: { id: opened.id, keyToDocumentsMs: round(opened.docsMs), serial: opened.serial, resources: opened.resources.map(roundResource) },
            requestsPerDecision: summarize(timed.map(d => d.resources.length)),
            typicalDecision: typicalOf(timed),
            all: timed.map(d => ({ id: d.id, recordMs: round(d.recordMs), docsMs: round(d.docsMs), serial: d.serial.count, ...(d.serial.count > 1 ? { chain: d.serial.chain, resources: d.resources.map(roundResource) } : {}) })),
        };
        log(`  ${label}: p50 ${docs.median} ms, p95 ${docs.p95} ms, serial requests per decision mean ${serial.mean} (max ${serial.max})`);
        rows.push(limitRow(`Decision Enter->next docs p50, ${label}`, docs.median, latency + DECISION_SLACK_MS.p50, ms));
        rows.push(limitRow(`Decision Enter->next docs p95, ${label}`, docs.p95, latency + DECISION_SLACK_MS.p95, ms));
        rows.push(limitRow(`  serial requests per decision (mean; median ${serial.median}, max ${serial.max})`, serial.mean, 1, v => v.toFixed(2)));
        rows.push(infoRow('  of which: Enter -> last answer on the path, p50', ms(answered.median)));
        rows.push(infoRow('  of which: that answer -> next record on screen, p50', ms(rendered.median)));
    }
    results.decisions = { ...perLatency, goal: { p50: `latency + ${DECISION_SLACK_MS.p50} ms`, p95: `latency + ${DECISION_SLACK_MS.p95} ms`, serialRequests: 1 }, note: 'serialRequests: the longest chain of requests, each sent after the previous one answered, ending at the next document image or at a request that answered before the next record was on screen (tests/bench/criticalPath.ts); cache hits are not round trips' };
}

/** Issue 16: one round trip and one render. */
const DECISION_SLACK_MS = { p50: 60, p95: 120 };

/** How often each chain of requests was the critical path, e.g. {"POST approve": 48, "POST approve > GET documents": 2}. */
function countChains(decisions: Decision[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const d of decisions) {
        const key = d.serial.chain.map(path => path.replace(/\/[VC]-\d+/g, '/:id').split('?')[0]).join(' > ') || '(none)';
        counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
}

const roundResource = (r: Decision['resources'][number]) => ({ ...r, start: round(r.start), end: round(r.end) });

/** The decision with the median latency, with its requests: the waterfall worth reading. */
function typicalOf(decisions: Decision[]) {
    const sorted = [...decisions].sort((x, y) => x.docsMs - y.docsMs);
    const typical = sorted[Math.floor((sorted.length - 1) / 2)]!;
    return { ...typical, recordMs: round(typical.recordMs), docsMs: round(typical.docsMs), resources: typical.resources.map(roundResource) };
}

async function memoryPhase(target: Target) {
    const checkpoints = settings.memoryCheckpoints;
    const total = checkpoints[checkpoints.length - 1]!;
    log(`memory: ${total} approvals in one session on the ${settings.memorySize}-request store, heap after GC at ${checkpoints.join(', ')}`);
    const samples: ({ decisions: number } & HeapSample)[] = [];
    const { decisions } = await decisionSession(target, total, `memory store ${settings.memorySize}`, async (n, _decision, cdp) => {
        if (!checkpoints.includes(n)) return;
        const sample = await heapAfterGc(await cdp());
        samples.push({ decisions: n, ...sample });
        log(`  after ${n} decisions: JS heap ${(sample.usedBytes / 2 ** 20).toFixed(2)} MB, ${sample.domNodes} DOM nodes, ${sample.jsEventListeners} listeners`);
    });
    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    results.memory = {
        api: target.api.url,
        samples,
        decisionLatency: summarize(decisions.map(d => d.docsMs)),
        typicalDecision: typicalOf(decisions),
        goal: GOALS.memory,
    };
    rows.push(goalRow(`JS heap after GC, ${last.decisions} vs ${first.decisions} decisions`, last.usedBytes, first.usedBytes, GOALS.memory, v => `${(v / 2 ** 20).toFixed(2)} MB`));
    rows.push(infoRow(`DOM nodes, ${last.decisions} vs ${first.decisions} decisions`, String(last.domNodes), String(first.domNodes), ratio(last.domNodes, first.domNodes)));
    rows.push(infoRow(`Decision Enter->next docs p50, store ${settings.memorySize}`, ms(median(decisions.map(d => d.docsMs)))));
}

function gitCommit(): string {
    try {
        const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
        const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'mocks'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
        return dirty ? `${commit} + uncommitted changes in src/ or mocks/` : commit;
    } catch {
        return 'unknown';
    }
}

let exitCode = 0;
try {
    await main();
} catch (error) {
    errors.push({ phase: 'setup', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    console.error(error);
} finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
}

const missed = rows.filter(r => r.status === 'MISSED');
const summary = {
    loadAverageAtEnd: loadavg().map(v => Math.round(v * 100) / 100),
    rows,
    missed: missed.map(r => r.metric),
    errors: errors.map(e => ({ phase: e.phase, message: e.message.split('\n')[0] })),
    durationS: Math.round((performance.now() - startedAt) / 1000),
};
const path = writeResults({ ...results, summary, errors });
console.log(`\n${formatTable(rows)}\n`);
console.log(JSON.stringify(summary, null, 2));
console.log(`\nFull results: ${path}`);
if (missed.length > 0) console.log(`\nMISSED ${missed.length} goal(s):\n${missed.map(r => `  MISSED  ${r.metric}: ratio ${r.ratio} (goal ${r.goal})`).join('\n')}`);
else if (rows.some(r => r.status === 'pass')) console.log('\nEvery goal measured was met.');
if (errors.length > 0) {
    console.log(`\n${errors.length} phase(s) could not be measured: ${errors.map(e => e.phase).join(', ')}`);
    exitCode = 1;
}
process.exit(exitCode);
