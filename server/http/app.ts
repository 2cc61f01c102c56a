import { Hono } from 'hono';
import type { AppDeps } from './deps';
import { memoryDocumentStorage } from './documentStorage';
import { createFaultInjector, type FaultInjector } from './faults';
import { audit } from './routes/audit';
import { auth } from './routes/auth';
import { accountEvents } from './routes/accountEvents';
import { catalogue } from './routes/catalogue';
import { documents } from './routes/documents';
import { files } from './routes/files';
import { intake } from './routes/intake';
import { exports } from './routes/exports';
import { demoReset, fallback, openApi, preflight } from './routes/edges';
import { notices } from './routes/notices';
import { quality } from './routes/quality';
import { requestActions } from './routes/requestActions';
import { requestReads } from './routes/requestReads';
import { stats } from './routes/stats';
import { checkHttpConfig, finishAnswer, refuseBeforeRouting } from './guard';
import { errorJson } from './respond';

// The review API (docs/api.md) as one web-standard app, Request -> Response, whatever serves it: the mock's MSW handlers
// (browser and Vitest), the mock's standalone server, and the review server (server/main.ts). Only the store differs.

export interface ReviewApi {
    fetch(request: Request): Promise<Response>;
    /** Fault mode (tests): off until configured. */
    faults: FaultInjector;
}

const randomSecret = () => [...crypto.getRandomValues(new Uint8Array(32))].map(byte => byte.toString(16).padStart(2, '0')).join('');

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export function createApp(given: AppDeps): ReviewApi {
    checkHttpConfig(given.config);
    // Without a configured secret, document URLs are signed with one this process draws (they die with it).
    const deps: AppDeps = { ...given, documentStorage: given.documentStorage ?? memoryDocumentStorage(), config: { ...given.config, documentSecret: given.config.documentSecret ?? randomSecret() } };
    const app = new Hono();
    preflight(app, deps);
    openApi(app, deps);
    demoReset(app, deps);
    auth(app, deps);
    // Before the reads: `GET /{resource}/export` must not be taken for a request or an audit entry named "export".
    exports(app, deps);
    for (const kind of ['verification', 'cancellation'] as const) {
        // Actions first: `POST /{resource}/claim-next` must not be taken for a write to an id named "claim-next".
        requestActions(app, deps, kind);
        requestReads(app, deps, kind);
    }
    catalogue(app, deps);
    audit(app, deps);
    accountEvents(app, deps);
    stats(app, deps);
    quality(app, deps);
    notices(app, deps);
    documents(app, deps);
    files(app, deps);
    intake(app, deps);
    fallback(app, deps);
    // Outside the base: a JSON 404 without CORS, as a real backend's front server would answer.
    app.notFound(c => errorJson('not_found', `not found: ${new URL(c.req.url).pathname}`, {}, {}));
    app.onError(error => {
        console.error('[review api]', error);
        return errorJson('internal', 'internal error');
    });

    const faults = createFaultInjector(deps);
    const served = faults.wrap(async request => {
        if (deps.config.latencyMs > 0 && request.method !== 'OPTIONS') await sleep(deps.config.latencyMs);
        return refuseBeforeRouting(request, deps.config) ?? app.fetch(request);
    });
    return { fetch: async request => finishAnswer(await served(request), request, deps.config, deps.now()), faults };
}
