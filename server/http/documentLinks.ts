import { base64Url, hmacSha256, sameText } from './intake/hmac';

// Signed, expiring, per-viewer document URLs (docs/api.md §6.6): `files/<key>?viewer=<id>&expires=<ms>&sig=<hmac>`. The
// browser loads images without the bearer token, so the URL itself is the permission: issued only to a viewer who may
// see the request whole (present.ts), valid for a few minutes by the server's clock, refused when altered.

export const DOCUMENT_URL_TTL_MS = 5 * 60 * 1000;
/** Expiry is rounded up to the minute: a screen's refetches within it get the same URL, so the browser's cache holds. */
const ROUND_MS = 60 * 1000;

const signature = (secret: string, path: string, viewer: string, expires: number) => base64Url(hmacSha256(secret, `${path}\n${viewer}\n${expires}`));

/** The stored path (`files/<key>`) as a URL query for `viewer`, from `now`. */
export function signDocumentPath(secret: string, path: string, viewer: string, now: Date): string {
    const expires = Math.ceil((now.getTime() + DOCUMENT_URL_TTL_MS) / ROUND_MS) * ROUND_MS;
    return `${path}?viewer=${encodeURIComponent(viewer)}&expires=${expires}&sig=${signature(secret, path, viewer, expires)}`;
}

export type LinkProblem = 'invalid_signature' | 'expired';

/** Whether the query of a request for `path` is a valid, unexpired signature; null when it is. */
export function linkProblem(secret: string, path: string, query: URLSearchParams, now: Date): LinkProblem | null {
    const viewer = query.get('viewer');
    const expires = Number(query.get('expires'));
    const sig = query.get('sig');
    if (!viewer || !sig || !Number.isSafeInteger(expires) || !sameText(sig, signature(secret, path, viewer, expires))) return 'invalid_signature';
    if (expires <= now.getTime()) return 'expired';
    // A link made far in the future was not made by this server's rule (or its clock was wrong): refuse it too.
    if (expires > now.getTime() + DOCUMENT_URL_TTL_MS + ROUND_MS) return 'invalid_signature';
    return null;
}
