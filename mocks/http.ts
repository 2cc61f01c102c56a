import type { FaultConfig, FaultInjector } from '../server/http/faults';
import type { Operator } from '../src/domain/types';
import type { HttpSettings } from '../server/http/settings';
import { httpSettingsFromEnv } from '../server/http/settings';
import { serve } from '../server/node/serve';
import { createNoticeSender, DEFAULT_SENDER_SETTINGS } from '../server/notices/sender';
import type { Store } from '../server/store/store';
import type { DemoNumberRelease } from '../server/billing/numberRelease';
import { createMockApi, DEFAULT_MOCK_CONFIG } from './app';
import { createDb, type Db } from './db';
import { makeHostile } from './seed/hostile';

// The mock API on a real socket (npm run api): the contract app on the in-memory store.

export interface StandaloneOptions {
    port: number;
    host?: string;
    size?: number;
    seed?: number;
    latencyMs?: number;
    /** Refunds above this amount (IDR) need a second approval; default DEFAULT_FOUR_EYES_THRESHOLD_IDR. */
    fourEyesThresholdIdr?: number;
    /** The clock; contract tests move it to see claims lapse. */
    now?: () => Date;
    /** Fault mode from the start (API_FAULTS); tests switch it with the control routes instead. */
    faults?: FaultConfig;
    /** The accounts (default: the demo's three). */
    operators?: readonly Operator[];
    /** Serve the test-only control routes under /__control (never part of the API, never in the browser). */
    control?: boolean;
    /** Demo mode, allowed origins, body limit, public URL (API_DEMO, API_ALLOWED_ORIGINS, API_MAX_BODY_BYTES, API_PUBLIC_URL). */
    http?: HttpSettings;
}

/**
 * Test-only control routes, outside the API base:
 * PUT /__control/faults (a FaultConfig), GET /__control/faults (the report), DELETE /__control/faults (off; answers the report),
 * POST /__control/reset (seed again), POST /__control/hostile (the hostile corpus into every customer-supplied field; answers where),
 * POST /__control/notices/send ({"fail"?: reason, "maxAttempts"?: n}: one pass of the outbox's sender, every delivery
 * failing with `fail` when given; answers the pass's counts), PUT /__control/number-release ({"fail": reason | null}: the demo
 * number pool fails until told otherwise).
 */
async function control(request: Request, db: Db, faults: FaultInjector, store: Store, numberRelease: DemoNumberRelease): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path === '/__control/faults' && request.method === 'PUT') {
        faults.configure((await request.json()) as FaultConfig);
        return new Response(null, { status: 204 });
    }
    if (path === '/__control/faults' && request.method === 'GET') return Response.json(faults.report());
    if (path === '/__control/faults' && request.method === 'DELETE') {
        faults.off();
        return Response.json(faults.report());
    }
    if (path === '/__control/reset' && request.method === 'POST') {
        faults.off();
        db.reset();
        return new Response(null, { status: 204 });
    }
    if (path === '/__control/hostile' && request.method === 'POST') {
        const report = makeHostile(db.state);
        db.reindex();
        db.changed();
        return Response.json(report);
    }
    if (path === '/__control/number-release' && request.method === 'PUT') {
        const { fail } = (await request.json().catch(() => ({}))) as { fail?: string | null };
        numberRelease.failWith(fail ?? null);
        return new Response(null, { status: 204 });
    }
    if (path === '/__control/notices/send' && request.method === 'POST') {
        const { fail, maxAttempts } = (await request.json().catch(() => ({}))) as { fail?: string; maxAttempts?: number };
        const transport = { send: async () => { if (fail) throw new Error(fail); } };
        const sender = createNoticeSender({ store, now: db.now, transport, settings: { ...DEFAULT_SENDER_SETTINGS, ...(maxAttempts ? { maxAttempts } : {}) } });
        return Response.json(await sender.runOnce());
    }
    return Response.json({ error: { code: 'not_found', message: `no control route ${request.method} ${path}` } }, { status: 404 });
}

export async function startStandaloneServer({ port, host = '127.0.0.1', size, seed, latencyMs = 0, fourEyesThresholdIdr, now, faults: initialFaults, control: withControl = false, http = {}, operators }: StandaloneOptions) {
    const db = createDb({ size, seed, now, fourEyesThresholdIdr, operators });
    const api = createMockApi(db, { latencyMs, ...(fourEyesThresholdIdr === undefined ? {} : { fourEyesThresholdIdr }), ...http });
    if (initialFaults) api.faults.configure(initialFaults);
    const served = await serve(request => (withControl && new URL(request.url).pathname.startsWith('/__control/') ? control(request, db, api.faults, api.store, api.numberRelease) : api.fetch(request)), { port, host });
    return { url: `${served.origin}/api`, db, store: api.store, accountFacts: api.accountFacts, numberRelease: api.numberRelease, retryReleases: api.retryReleases, faults: api.faults, close: served.close };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '');
if (isMain) {
    const port = Number(process.env.API_PORT ?? 8787);
    const size = process.env.API_SIZE ? Number(process.env.API_SIZE) : undefined;
    const latencyMs = Number(process.env.API_LATENCY_MS ?? 0);
    const threshold = process.env.API_FOUR_EYES_THRESHOLD_IDR;
    const fourEyesThresholdIdr = threshold === undefined || threshold.trim() === '' ? undefined : Number(threshold);
    if (fourEyesThresholdIdr !== undefined && !(Number.isSafeInteger(fourEyesThresholdIdr) && fourEyesThresholdIdr >= 0)) {
        console.error(`API_FOUR_EYES_THRESHOLD_IDR must be a whole number of rupiah >= 0, not "${threshold}"`);
        process.exit(1);
    }
    const faults = process.env.API_FAULTS ? (JSON.parse(process.env.API_FAULTS) as FaultConfig) : undefined;
    const http = httpSettingsFromEnv(process.env, { demo: DEFAULT_MOCK_CONFIG.demo, allowedOrigins: DEFAULT_MOCK_CONFIG.allowedOrigins, intakeKeys: DEFAULT_MOCK_CONFIG.intakeKeys, documentSecret: DEFAULT_MOCK_CONFIG.documentSecret });
    const { url } = await startStandaloneServer({ port, size, latencyMs, fourEyesThresholdIdr, faults, http });
    if (faults) console.log(`Fault mode on: ${JSON.stringify(faults)}`);
    console.log(`Mock review API listening on ${url} (demo logins: operator1, operator2, supervisor1 / demo)`);
}
