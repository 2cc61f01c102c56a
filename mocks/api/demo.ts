import { http, type HttpHandler } from 'msw';
import type { Db } from '../db';
import { endpoint, publicEndpoint, type ServerOptions } from './endpoint';
import { ApiError, CORS_HEADERS } from './respond';

// Mock-only endpoints (not part of the production contract), CORS preflight, and the 404 fallback.

export function demoHandlers(db: Db, options: ServerOptions): HttpHandler[] {
    const base = `*${options.base}`;
    return [
        http.post(`${base}/demo/reset`, endpoint(db, options, () => {
            db.reset();
            return new Response(null, { status: 204, headers: CORS_HEADERS });
        })),
        http.options(`${base}/*`, () => new Response(null, { status: 204, headers: { ...CORS_HEADERS, 'Access-Control-Max-Age': '600' } })),
    ];
}

/** Anything else under the API base answers a JSON 404, like a real backend would. */
export function fallbackHandlers(db: Db, options: ServerOptions): HttpHandler[] {
    return [
        http.all(`*${options.base}/*`, publicEndpoint(db, options, ({ url }) => {
            throw new ApiError(404, 'not_found', `no route ${url.pathname}`);
        })),
    ];
}
