import type { ApiErrorBody, ApiErrorCode } from '../../src/domain/types';

// Response helpers: one error shape for every failure, CORS headers on every answer.

export const CORS_HEADERS: Record<string, string> = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, Range, Idempotency-Key',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Expose-Headers': 'Content-Range, Idempotent-Replay, Date',
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
    return new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json', ...CORS_HEADERS, ...headers },
    });
}

/** Thrown by endpoints; turned into the documented error body. */
export class ApiError extends Error {
    constructor(
        readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 500,
        readonly code: ApiErrorCode,
        message: string,
        readonly extra: Omit<ApiErrorBody['error'], 'code' | 'message'> = {},
        readonly headers: Record<string, string> = {},
    ) {
        super(message);
    }
}

export const errorResponse = (error: ApiError) =>
    json({ error: { code: error.code, message: error.message, ...error.extra } } satisfies ApiErrorBody, error.status, error.headers);

export const badRequest = (message: string, fields?: Record<string, string>) =>
    new ApiError(400, 'bad_request', message, fields ? { fields } : {});
