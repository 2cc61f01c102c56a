import type { Hono } from 'hono';
import { loginBody } from '../../../src/contract/bodies';
import { refuse } from '../../../src/domain/refusal';
import type { LoginResponse } from '../../../src/domain/types';
import { accountKey, addressKey, DEFAULT_LOGIN_THROTTLE, lockedForSeconds, windowStart } from '../../accounts/loginThrottle';
import type { AccountEvent, StoreWrites } from '../../store/store';
import { clientAddress } from '../clientAddress';
import type { AppDeps } from '../deps';
import { bearerToken, endpoint, publicEndpoint } from '../endpoint';
import { HttpError, json, noContent } from '../respond';
import { readBody } from '../validate';

// POST /auth/login hands out bearer tokens, throttled per account and per address (server/accounts/loginThrottle.ts);
// POST /auth/logout revokes one (docs/api.md §2).

function newToken(): string {
    const bytes = new Uint8Array(24);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/** A username as typed is kept in the trail, at most this long. */
const MAX_LOGGED_USERNAME = 100;

export function auth(app: Hono, deps: AppDeps) {
    const { base, tokenTtlMs } = deps.config;
    const throttle = deps.config.loginThrottle ?? DEFAULT_LOGIN_THROTTLE;
    app.post(`${base}/auth/login`, publicEndpoint(deps, async call => {
        const parsed = loginBody.safeParse(await readBody(call));
        if (!parsed.success) refuse('bad_request', '"username" and "password" are required', { fields: { username: 'required', password: 'required' } });
        const { password } = parsed.data!;
        const username = parsed.data!.username.trim().toLowerCase().slice(0, MAX_LOGGED_USERNAME);
        const address = clientAddress(call.request, deps.config.trustProxy ?? false);
        const now = deps.now();
        const since = windowStart(now, throttle);
        const counters = [
            { key: accountKey(username), limit: throttle.perAccount, what: 'this account' },
            ...(address === null ? [] : [{ key: addressKey(address), limit: throttle.perAddress, what: 'this address' }]),
        ];
        for (const { key, limit, what } of counters) {
            const seconds = lockedForSeconds(await deps.store.loginFailures(key, since), limit, now, throttle.windowMs);
            if (seconds !== null) throw new HttpError('too_many_attempts', `too many failed logins for ${what}: try again in ${seconds} s`, { 'Retry-After': String(seconds) });
        }
        const found = await deps.store.credentials(username);
        // Checked for an unknown or disabled username too (against no hash): the answer takes as long, so it does not tell which exist.
        const valid = await deps.passwords.verify(password, found?.passwordHash ?? null);
        if (!found || !valid) {
            await deps.store.transaction(tx => recordFailure(tx, counters, { at: now.toISOString(), actor: 'anonymous', username, address }, since));
            throw new HttpError('unauthenticated', 'wrong username or password');
        }
        const token = newToken();
        const expiresAt = new Date(now.getTime() + tokenTtlMs).toISOString();
        await deps.store.transaction(async tx => {
            await tx.createSession(token, { userId: found.account.id, expiresAt });
            // A successful login starts the account's count again (an address's count runs on: it may be guessing many accounts).
            await tx.clearLoginFailures(accountKey(username));
        });
        const { id, name, role } = found.account;
        return json({ token, user: { id, name, role } } satisfies LoginResponse);
    }));
    app.post(`${base}/auth/logout`, endpoint(deps, async call => {
        await deps.store.transaction(tx => tx.deleteSession(bearerToken(call.request)!));
        return noContent();
    }));
}

/** Counts a failed login on each key and writes it to the account events; a count that reaches its limit is a lockout, written too. */
async function recordFailure(tx: StoreWrites, counters: { key: string; limit: number; what: string }[], event: Pick<AccountEvent, 'at' | 'actor' | 'username' | 'address'>, since: Date) {
    await tx.appendAccountEvent({ ...event, action: 'login_failed', detail: null });
    for (const { key, limit, what } of counters) {
        await tx.recordLoginFailure(key, new Date(event.at), since);
        if ((await tx.loginFailures(key, since)).length === limit) {
            await tx.appendAccountEvent({ ...event, action: 'login_locked', detail: `${limit} failed logins for ${what} within the window` });
        }
    }
}
