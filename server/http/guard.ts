import { MAX_IMAGE_BYTES } from '../../src/domain/imageCheck';
import type { AppConfig } from './deps';
import { errorJson } from './respond';

// What every request passes before routing (docs/api.md §3 "Before routing"): the URL's length and encoding, and the
// declared size of the body. And what every answer carries after it: the security headers and CORS by allow-list (§4).

/** Longer URLs answer 414: 1,000 ids of a getMany (react-admin's largest read) take ~18 KB. */
export const MAX_URL_LENGTH = 32 * 1024;
/** JSON bodies above this many bytes answer 413, unless configured otherwise (`maxBodyBytes`). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export const maxBodyBytes = (config: AppConfig) => config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
/** Intake forms carry up to three images of 2 MiB and their fields (docs/api.md §6.11). */
export const MAX_INTAKE_BODY_BYTES = 3 * MAX_IMAGE_BYTES + 256 * 1024;
export const isIntakePath = (config: AppConfig, pathname: string) => pathname.startsWith(`${config.base}/intake/`);
/** The body limit of a path: the intake's, or the JSON endpoints'. */
export const bodyLimitOf = (config: AppConfig, pathname: string) => (isIntakePath(config, pathname) ? MAX_INTAKE_BODY_BYTES : maxBodyBytes(config));

/** A path that is not percent-encoded UTF-8 (`%`, `%ZZ`, `%C0%AE`) or that holds U+0000. */
function pathProblem(pathname: string): 'invalid' | 'invalid_character' | null {
    let decoded: string;
    try {
        decoded = decodeURIComponent(pathname);
    } catch {
        return 'invalid';
    }
    return decoded.includes('\u0000') ? 'invalid_character' : null;
}

/** The answer to a request refused before routing, or null to route it. */
export function refuseBeforeRouting(request: Request, config: AppConfig): Response | null {
    if (request.url.length > MAX_URL_LENGTH) return errorJson('uri_too_long', `the URL is longer than ${MAX_URL_LENGTH} characters`);
    const url = new URL(request.url);
    const problem = pathProblem(url.pathname);
    if (problem) return errorJson('bad_request', 'the path is not valid percent-encoded UTF-8 text', { fields: { path: problem } });
    for (const [name, value] of url.searchParams) {
        if (value.includes('\u0000') || name.includes('\u0000')) return errorJson('bad_request', `query parameter "${name}" contains U+0000`, { fields: { [name.split('\u0000').join('')]: 'invalid_character' } });
    }
    // A declared size is refused before a byte of the body is read; an undeclared one is counted as it is read (validate.ts).
    const declared = request.headers.get('Content-Length');
    const limit = bodyLimitOf(config, url.pathname);
    if (declared !== null && Number(declared) > limit) return errorJson('payload_too_large', `bodies are limited to ${limit} bytes`);
    return null;
}

const CORS_HEADERS: Readonly<Record<string, string>> = {
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, Range, Idempotency-Key, X-Intake-Key',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Expose-Headers': 'Content-Range, Total-Estimated, Idempotent-Replay, Date, Content-Disposition, Export-Rows',
};

/** Nothing in an API answer is a page to render, frame or cache; document images set their own policy and caching. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
};
const JSON_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The allowed origin for this request's `Origin`: "*" when any is (demo mode), the origin itself when listed, else null. */
export function allowedOrigin(config: AppConfig, origin: string | null): string | null {
    const allowed = config.allowedOrigins ?? [];
    if (allowed.includes('*')) return '*';
    return origin !== null && allowed.includes(origin) ? origin : null;
}

/** The answer with the headers every answer carries: the server's clock, the security headers, CORS under the API base. */
export function finishAnswer(response: Response, request: Request, config: AppConfig, now: Date): Response {
    // A network error (fault mode's dropped connection) has no headers to carry.
    if (response.type === 'error') return response;
    const headers = new Headers(response.headers);
    headers.set('Date', now.toUTCString());
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', JSON_POLICY);
    const path = new URL(request.url).pathname;
    if (path === config.base || path.startsWith(`${config.base}/`)) {
        const origin = allowedOrigin(config, request.headers.get('Origin'));
        if (origin !== '*') headers.append('Vary', 'Origin');
        if (origin !== null) {
            headers.set('Access-Control-Allow-Origin', origin);
            for (const [name, value] of Object.entries(CORS_HEADERS)) headers.set(name, value);
        }
    }
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Settings that cannot work together are refused at start, not discovered by a browser. */
export function checkHttpConfig(config: AppConfig) {
    if (!config.demo && (config.allowedOrigins ?? []).includes('*')) throw new Error('allowed origins: "*" (any origin) is for demo mode only; list the console\'s origins');
    const max = maxBodyBytes(config);
    if (!(Number.isSafeInteger(max) && max > 0)) throw new Error(`the body size limit must be a whole number of bytes > 0, not ${max}`);
    if (config.publicUrl !== undefined && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(config.publicUrl)) throw new Error(`the public URL must be http(s)://host[:port][/path], not "${config.publicUrl}"`);
}
