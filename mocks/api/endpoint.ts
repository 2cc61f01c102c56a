import { delay, http, type HttpHandler, type HttpResponseResolver } from 'msw';
import { nextStatus } from '../../src/domain/requestStatus';
import type { Operator } from '../../src/domain/types';
import type { Db } from '../db';
import { ApiError, errorResponse } from './respond';

// Wraps every endpoint: latency, claim lapsing, authentication, roles, and the one error shape.

export interface ServerOptions {
    /** Path prefix of the API, "/api" by default. */
    base: string;
    /** Simulated network latency per request, in ms. */
    latencyMs: number;
    /** Token lifetime, in ms. */
    tokenTtlMs: number;
    /** Cancellations whose refund is above this amount (IDR) need a second approval (src/domain/fourEyes.ts). */
    fourEyesThresholdIdr: number;
}

export interface PublicContext {
    request: Request;
    url: URL;
    params: Record<string, string>;
    db: Db;
    options: ServerOptions;
}

export interface Context extends PublicContext {
    user: Operator;
}

interface EndpointRules {
    supervisorOnly?: boolean;
}

/** The token of an `Authorization: Bearer <token>` header (scheme matched case-insensitively). */
export const bearerToken = (request: Request) => /^Bearer (.+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1];

export function authenticate(db: Db, request: Request): Operator {
    const token = bearerToken(request);
    const session = token ? db.state.sessions[token] : undefined;
    if (!token || !session) throw new ApiError(401, 'unauthenticated', 'missing or unknown token');
    if (Date.parse(session.expiresAt) <= db.now().getTime()) {
        delete db.state.sessions[token];
        throw new ApiError(401, 'unauthenticated', 'token expired');
    }
    const user = db.operators.find(op => op.id === session.userId);
    if (!user) throw new ApiError(401, 'unauthenticated', 'unknown user');
    return user;
}

// When the next claim lapses, per store: valid until the store changes (a claim, a heartbeat, a decision) or is replaced.
const nextLapse = new WeakMap<Db, { state: Db['state']; changes: number; at: number }>();

/** Claims nobody touched for CLAIM_TTL go back to the queue, with an audit entry, before anyone reads. */
export function lapseExpiredClaims(db: Db) {
    const now = db.now().getTime();
    const known = nextLapse.get(db);
    // Nothing changed since the last look, and the earliest claim then still runs: no request of 100,000 needs looking at.
    if (known && known.state === db.state && known.changes === db.changes && now < known.at) return;
    let lapsed = false;
    let next = Number.POSITIVE_INFINITY;
    for (const kind of ['verification', 'cancellation'] as const) {
        for (const request of db.collection(kind)) {
            if (request.status !== 'in_review' || !request.claimExpiresAt) continue;
            const expires = Date.parse(request.claimExpiresAt);
            if (expires > now) {
                next = Math.min(next, expires);
                continue;
            }
            const holder = request.assignee;
            Object.assign(request, { status: nextStatus('in_review', 'lapse'), assignee: null, claimedAt: null, claimExpiresAt: null, version: request.version + 1 });
            db.appendAudit({ actor: 'system', action: 'lapse', requestKind: kind, requestId: request.id, fromStatus: 'in_review', toStatus: 'pending', reasons: [], note: `claim held by ${holder} expired` });
            lapsed = true;
        }
    }
    if (lapsed) db.changed();
    nextLapse.set(db, { state: db.state, changes: db.changes, at: next });
}

/** An endpoint anyone may call (login, document images). */
export function publicEndpoint(db: Db, options: ServerOptions, handler: (ctx: PublicContext) => Response | Promise<Response>): HttpResponseResolver {
    return async ({ request, params }) => {
        if (options.latencyMs > 0) await delay(options.latencyMs);
        let response: Response;
        try {
            const stringParams = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]));
            response = await handler({ request, url: new URL(request.url), params: stringParams, db, options });
        } catch (error) {
            if (!(error instanceof ApiError)) console.error('[mock api] unexpected error', error);
            response = errorResponse(error instanceof ApiError ? error : new ApiError(500, 'internal', 'internal error'));
        }
        // The server's clock is the console's (src/providers/serverClock.ts): a test that pins it pins the console's "now" too.
        response.headers.set('Date', db.now().toUTCString());
        return response;
    };
}

/** An endpoint that needs a valid token, and optionally the supervisor role. */
export function endpoint(db: Db, options: ServerOptions, handler: (ctx: Context) => Response | Promise<Response>, rules: EndpointRules = {}): HttpResponseResolver {
    return publicEndpoint(db, options, ctx => {
        const user = authenticate(db, ctx.request);
        db.refreshDerived();
        lapseExpiredClaims(db);
        if (rules.supervisorOnly && user.role !== 'supervisor') throw new ApiError(403, 'forbidden', 'supervisors only');
        return handler({ ...ctx, user });
    });
}

/** Reads a JSON object body or answers 400. */
export async function readBody(request: Request): Promise<Record<string, unknown>> {
    let body: unknown;
    try {
        const text = await request.text();
        body = text === '' ? {} : JSON.parse(text);
    } catch {
        throw new ApiError(400, 'bad_request', 'body is not valid JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'bad_request', 'body must be a JSON object');
    return body as Record<string, unknown>;
}

/** Writes to a read-only resource answer 405 with the methods it does allow (`methods`: the ones refused, all writes by default). */
export function refuseWrites(db: Db, options: ServerOptions, path: string, allowed = 'GET', methods: readonly ('post' | 'put' | 'patch' | 'delete')[] = ['post', 'put', 'patch', 'delete']): HttpHandler[] {
    return methods.map(method =>
        http[method](path, endpoint(db, options, () => {
            throw new ApiError(405, 'method_not_allowed', `allowed: ${allowed}`, {}, { Allow: allowed });
        })));
}
