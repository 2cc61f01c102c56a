import type { Handler } from 'hono';
import { RefusalError } from '../../src/domain/refusal';
import type { Operator } from '../../src/domain/types';
import { lapseExpiredClaims } from './claims';
import type { AppDeps } from './deps';
import { signDocumentPath } from './documentLinks';
import { presentTo, type View } from './present';
import { errorJson, HttpError } from './respond';

// Wraps every endpoint: the checks of docs/api.md §3 steps 1-3 (authentication, claim lapses, role), the one error
// shape, and the server's clock in `Date`.

export interface Call {
    request: Request;
    url: URL;
    params: Record<string, string>;
    deps: AppDeps;
    /** How records are shown to this caller (absolute document URLs at the configured public URL). */
    view: View;
    /** The signed-in caller once authenticated: a refusal's `record` is shown as they may see it (masked without one). */
    viewer?: Operator;
}

export interface AuthedCall extends Call {
    user: Operator;
}

/** The token of an `Authorization: Bearer <token>` header (the scheme in any case). */
export const bearerToken = (request: Request) => /^Bearer (.+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1];

async function authenticate({ store, now }: AppDeps, request: Request): Promise<Operator> {
    const token = bearerToken(request);
    const session = token ? await store.session(token) : null;
    if (!token || !session) throw new HttpError('unauthenticated', 'missing or unknown token');
    if (Date.parse(session.expiresAt) <= now().getTime()) {
        await store.transaction(tx => tx.deleteSession(token));
        throw new HttpError('unauthenticated', 'token expired');
    }
    const user = (await store.accounts()).find(account => account.id === session.userId);
    if (!user) throw new HttpError('unauthenticated', 'unknown user');
    return user;
}

async function errorAnswer(error: unknown, call: Call): Promise<Response> {
    if (error instanceof HttpError) return errorJson(error.code, error.message, {}, error.headers);
    if (!(error instanceof RefusalError)) {
        console.error('[review api] unexpected error', error);
        return errorJson('internal', 'internal error');
    }
    const { code, message, holderId, record, ...extra } = error.refusal;
    if (code === 'conflict_claimed') {
        // The holder by display name (their id when no account has it); the record has the id.
        const holder = (await call.deps.store.accounts()).find(account => account.id === holderId)?.name ?? holderId ?? '';
        return errorJson(code, `claimed by ${holder}`, { ...extra, holder, ...(record ? { record: presentTo(record, call.view, call.viewer) } : {}) });
    }
    return errorJson(code, message, { ...extra, ...(record ? { record: presentTo(record, call.view, call.viewer) } : {}) });
}

/** An endpoint anyone may call (login, document images, the fallback). */
export function publicEndpoint(deps: AppDeps, handler: (call: Call) => Response | Promise<Response>): Handler {
    return async c => {
        const url = new URL(c.req.url);
        const call: Call = { request: c.req.raw, url, params: c.req.param() as Record<string, string>, deps, view: { apiRoot: `${deps.config.publicUrl ?? url.origin}${deps.config.base}/`, fourEyesThresholdIdr: deps.config.fourEyesThresholdIdr } };
        let response: Response;
        try {
            response = await handler(call);
        } catch (error) {
            response = await errorAnswer(error, call);
        }
        // The server's clock is the console's (src/providers/serverClock.ts): a test that pins it pins the console's "now" too.
        response.headers.set('Date', deps.now().toUTCString());
        return response;
    };
}

/** An endpoint that needs a valid token (§3 step 1), lapses expired claims (step 2), and optionally the supervisor role (step 3). */
export function endpoint(deps: AppDeps, handler: (call: AuthedCall) => Response | Promise<Response>, rules: { supervisorOnly?: boolean } = {}): Handler {
    return publicEndpoint(deps, async call => {
        const user = await authenticate(deps, call.request);
        call.viewer = user;
        const secret = deps.config.documentSecret ?? '';
        call.view.signDocument = path => signDocumentPath(secret, path, user.id, deps.now());
        await deps.store.refreshDerived(deps.now());
        await lapseExpiredClaims(deps.store, deps.now());
        if (rules.supervisorOnly && user.role !== 'supervisor') throw new HttpError('forbidden', 'supervisors only');
        return handler({ ...call, user });
    });
}

/** Writes to a read-only route answer 405 with the methods it allows, after authentication (§3). */
export const refuseWrites = (deps: AppDeps, allowed = 'GET'): Handler =>
    endpoint(deps, () => {
        throw new HttpError('method_not_allowed', `allowed: ${allowed}`, { Allow: allowed });
    });
