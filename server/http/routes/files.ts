import type { Hono } from 'hono';
import { refuse } from '../../../src/domain/refusal';
import type { AppDeps } from '../deps';
import { linkProblem } from '../documentLinks';
import { DOCUMENT_KEY, typeOfKey } from '../documentStorage';
import { publicEndpoint } from '../endpoint';

// Uploaded document images (docs/api.md §6.6): `GET {base}/files/{key}?viewer&expires&sig`, loaded by the browser's <img>
// without the bearer token; the signature is the permission. Sent with the type the intake checked from the bytes, never
// as anything a browser would run.

export function files(app: Hono, deps: AppDeps) {
    app.get(`${deps.config.base}/files/:key`, publicEndpoint(deps, async call => {
        const key = call.params.key ?? '';
        const problem = linkProblem(deps.config.documentSecret ?? '', `files/${key}`, call.url.searchParams, deps.now());
        if (problem === 'expired') refuse('forbidden', 'this document link has expired: reopen the request for a new one');
        if (problem) refuse('forbidden', 'this document link is not valid');
        const bytes = (DOCUMENT_KEY.test(key) ? await deps.documentStorage!.get(key) : null) ?? refuse('not_found', 'no such document');
        const expires = Number(call.url.searchParams.get('expires'));
        return new Response(bytes as BodyInit, {
            headers: {
                'Content-Type': typeOfKey(key),
                'Content-Security-Policy': "default-src 'none'",
                'X-Content-Type-Options': 'nosniff',
                'Content-Disposition': 'inline',
                // Cached by this viewer's browser while the link holds, never by a shared cache.
                'Cache-Control': `private, max-age=${Math.max(0, Math.floor((expires - deps.now().getTime()) / 1000))}`,
            },
        });
    }));
}
