import type { Hono } from 'hono';
import { refuse } from '../../../src/domain/refusal';
import type { AppDeps } from '../deps';
import { endpoint, publicEndpoint } from '../endpoint';
import { openApiDocument } from '../openapi/document';
import { json, noContent } from '../respond';

// The edges of the API: CORS preflights (headers by guard.ts), the published contract, the demo's reset (demo mode only), and a JSON 404 for every
// other path under the base.

export function preflight(app: Hono, deps: AppDeps) {
    app.options(`${deps.config.base}/*`, () => new Response(null, { status: 204, headers: { 'Access-Control-Max-Age': '600' } }));
}

/** GET /openapi.json: the contract's shapes as OpenAPI 3.1, the same document as docs/openapi.json. */
export function openApi(app: Hono, deps: AppDeps) {
    let document: ReturnType<typeof openApiDocument> | undefined;
    app.get(`${deps.config.base}/openapi.json`, publicEndpoint(deps, () => json(document ??= openApiDocument())));
}

/** POST /demo/reset: in demo mode only (elsewhere the route does not exist: 404), and for supervisors only. */
export function demoReset(app: Hono, deps: AppDeps) {
    const { resetDemo } = deps;
    if (!resetDemo || !deps.config.demo) return;
    app.post(`${deps.config.base}/demo/reset`, endpoint(deps, async () => {
        await resetDemo();
        return noContent();
    }, { supervisorOnly: true }));
}

export function fallback(app: Hono, deps: AppDeps) {
    app.all(`${deps.config.base}/*`, publicEndpoint(deps, ({ url }) => refuse('not_found', `no route ${url.pathname}`)));
}
