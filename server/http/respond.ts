import type { ApiErrorCode } from '../../src/domain/types';

// Answers: JSON, and the HTTP errors that are not a rule's refusal (401, 405, 413, 429, 500). CORS and the security headers
// are added to every answer in one place (guard.ts).

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export const noContent = () => new Response(null, { status: 204 });

/** The status of each error code (docs/api.md §3). */
export const STATUS_OF: Record<ApiErrorCode, number> = {
    bad_request: 400, invalid_reasons: 400, unauthenticated: 401, forbidden: 403, four_eyes_same_person: 403,
    not_found: 404, queue_empty: 404, method_not_allowed: 405, conflict_claimed: 409, conflict_version: 409,
    conflict_state: 409, preconditions_failed: 409, payload_too_large: 413, uri_too_long: 414, headers_too_large: 431, too_many_attempts: 429, idempotency_key_reused: 409, internal: 500,
};

/** An error of the HTTP layer itself; `headers` go with the answer (Allow on a 405). */
export class HttpError extends Error {
    constructor(readonly code: ApiErrorCode, message: string, readonly headers: Record<string, string> = {}) {
        super(message);
    }
}

export const errorJson = (code: ApiErrorCode, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    json({ error: { code, message, ...extra } }, STATUS_OF[code], headers);

/** `Content-Range` of a page of `count` rows from `start`, out of `total` (a star when the page is empty). */
export const contentRange = (resource: string, start: number, count: number, total: number) =>
    (count === 0 ? `${resource} */${total}` : `${resource} ${start}-${start + count - 1}/${total}`);

/** A list answer: the page, and its Content-Range; `Total-Estimated: true` when the total is an estimate (docs/api.md §5). */
export const listJson = (resource: string, rows: readonly unknown[], start: number, total: number, estimated = false) =>
    json(rows, 200, { 'Content-Range': contentRange(resource, start, rows.length, total), ...(estimated ? { 'Total-Estimated': 'true' } : {}) });
