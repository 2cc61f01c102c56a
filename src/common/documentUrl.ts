import { config } from '../config';
import { isSafeImageUrl } from './safeImageUrl';

// Which document addresses the console hands to <img>: safe image URLs (safeImageUrl.ts) on the origins the built
// Content-Security-Policy allows images from (vite.config.ts img-src): the console's own, the API's and those in
// VITE_DOCUMENT_ORIGINS. Anything else (a tracking pixel on a foreign host, a stale blob:) is never requested.

const apiOrigins = new Set<string>();

/** The data provider registers its API here (there is one API per console). */
export function allowDocumentsFrom(apiUrl: string) {
    if (typeof window !== 'undefined') apiOrigins.add(new URL(apiUrl, window.location.href).origin);
}

export function isLoadableDocumentUrl(url: unknown): url is string {
    if (!isSafeImageUrl(url)) return false;
    const parsed = new URL(url);
    if (parsed.protocol === 'data:') return true;
    // A blob: URL's origin is the page that made it ("null" for junk); http(s) is the host's.
    return parsed.origin === window.location.origin || apiOrigins.has(parsed.origin) || config.documentOrigins.includes(parsed.origin);
}
