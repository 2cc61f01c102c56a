import type { Hono } from 'hono';
import { refuse } from '../../../src/domain/refusal';
import type { AppDeps } from '../deps';
import { publicEndpoint } from '../endpoint';

// Document images (docs/api.md §6.6): loaded by the browser's <img>, so without the bearer token, like the pre-signed
// URLs of a document store.

export function documents(app: Hono, deps: AppDeps) {
    app.get(`${deps.config.base}/documents/:requestId/:file`, publicEndpoint(deps, async call => {
        const image = await deps.documents.image(call.params.requestId ?? '', call.params.file ?? '') ?? refuse('not_found', 'no such document');
        return new Response(image.body as BodyInit, {
            headers: {
                'Content-Type': image.contentType,
                // An image must never run script, even when opened on its own.
                'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
                'X-Content-Type-Options': 'nosniff',
                'Cache-Control': 'private, max-age=300',
            },
        });
    }));
}
