import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { createDb, type Db } from './db';
import { createHandlers } from './handlers';
import { createFaultInjector, type FaultConfig, type FaultInjector } from './api/faults';
import { makeHostile } from './seed/hostile';

// The mock API on a real socket (npm run api): the same handlers, answered through msw's getResponse.

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
    /** Serve the test-only control routes under /__control (never part of the API, never in the browser). */
    control?: boolean;
}

/**
 * Test-only control routes, outside the API base:
 * PUT /__control/faults (a FaultConfig), GET /__control/faults (the report), DELETE /__control/faults (off; answers the report),
 * POST /__control/reset (seed again), POST /__control/hostile (the hostile corpus into every customer-supplied field; answers where).
 */
async function control(req: IncomingMessage, request: Request, db: Db, faults: FaultInjector): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path === '/__control/faults' && req.method === 'PUT') {
        faults.configure((await request.json()) as FaultConfig);
        return new Response(null, { status: 204 });
    }
    if (path === '/__control/faults' && req.method === 'GET') return Response.json(faults.report());
    if (path === '/__control/faults' && req.method === 'DELETE') {
        faults.off();
        return Response.json(faults.report());
    }
    if (path === '/__control/reset' && req.method === 'POST') {
        faults.off();
        db.reset();
        return new Response(null, { status: 204 });
    }
    if (path === '/__control/hostile' && req.method === 'POST') {
        const report = makeHostile(db.state);
        db.reindex();
        db.changed();
        return Response.json(report);
    }
    return Response.json({ error: { code: 'not_found', message: `no control route ${req.method} ${path}` } }, { status: 404 });
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length > 0 && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(key, value);
        else if (Array.isArray(value)) value.forEach(v => headers.append(key, v));
    }
    return new Request(new URL(req.url ?? '/', origin), { method: req.method, headers, body });
}

async function send(res: ServerResponse, response: Response) {
    // A network error (fault mode's dropped connection): cut the socket without an answer.
    if (response.type === 'error') {
        res.destroy();
        return;
    }
    res.statusCode = response.status;
    response.headers.forEach((value, key) => res.setHeader(key, value));
    res.end(Buffer.from(await response.arrayBuffer()));
}

export function startStandaloneServer({ port, host = '127.0.0.1', size, seed, latencyMs = 0, fourEyesThresholdIdr, now, faults: initialFaults, control: withControl = false }: StandaloneOptions) {
    const db = createDb({ size, seed, now, fourEyesThresholdIdr });
    const faults = createFaultInjector(db);
    if (initialFaults) faults.configure(initialFaults);
    const handlers = createHandlers(db, { latencyMs, ...(fourEyesThresholdIdr === undefined ? {} : { fourEyesThresholdIdr }) }, faults);
    const server = createServer(async (req, res) => {
        try {
            const request = await toRequest(req, `http://${req.headers.host ?? `${host}:${port}`}`);
            if (withControl && req.url?.startsWith('/__control/')) {
                await send(res, await control(req, request, db, faults));
                return;
            }
            const response = await getResponse(handlers, request);
            await send(res, response ?? Response.json({ error: { code: 'not_found', message: 'not found' } }, { status: 404 }));
        } catch (error) {
            console.error('[mock api]', error);
            await send(res, Response.json({ error: { code: 'internal', message: 'internal error' } }, { status: 500 }));
        }
    });
    return new Promise<{ url: string; close: () => Promise<void>; db: typeof db; faults: FaultInjector }>(resolve => {
        server.listen(port, host, () => {
            const address = server.address();
            const actualPort = typeof address === 'object' && address ? address.port : port;
            resolve({
                url: `http://${host}:${actualPort}/api`,
                db,
                faults,
                close: () => new Promise<void>(done => { server.closeAllConnections(); server.close(() => done()); }),
            });
        });
    });
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
    const { url } = await startStandaloneServer({ port, size, latencyMs, fourEyesThresholdIdr, faults });
    if (faults) console.log(`Fault mode on: ${JSON.stringify(faults)}`);
    console.log(`Mock review API listening on ${url} (demo logins: operator1, operator2, supervisor1 / demo)`);
}
