import type { Hono } from 'hono';
import { loginBody } from '../../../src/contract/bodies';
import { refuse } from '../../../src/domain/refusal';
import type { LoginResponse } from '../../../src/domain/types';
import type { AppDeps } from '../deps';
import { bearerToken, endpoint, publicEndpoint } from '../endpoint';
import { HttpError, json, noContent } from '../respond';
import { readBody } from '../validate';

// POST /auth/login hands out bearer tokens; POST /auth/logout revokes one (docs/api.md §2).

function newToken(): string {
    const bytes = new Uint8Array(24);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

export function auth(app: Hono, deps: AppDeps) {
    const { base, tokenTtlMs } = deps.config;
    app.post(`${base}/auth/login`, publicEndpoint(deps, async call => {
        const parsed = loginBody.safeParse(await readBody(call));
        if (!parsed.success) refuse('bad_request', '"username" and "password" are required', { fields: { username: 'required', password: 'required' } });
        const { username, password } = parsed.data!;
        const found = await deps.store.credentials(username.trim().toLowerCase());
        if (!found || !(await deps.passwords.verify(password, found.passwordHash))) throw new HttpError('unauthenticated', 'wrong username or password');
        const token = newToken();
        const expiresAt = new Date(deps.now().getTime() + tokenTtlMs).toISOString();
        await deps.store.transaction(tx => tx.createSession(token, { userId: found.account.id, expiresAt }));
        const { id, name, role } = found.account;
        return json({ token, user: { id, name, role } } satisfies LoginResponse);
    }));
    app.post(`${base}/auth/logout`, endpoint(deps, async call => {
        await deps.store.transaction(tx => tx.deleteSession(bearerToken(call.request)!));
        return noContent();
    }));
}
