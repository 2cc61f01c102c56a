// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountKey, DEFAULT_LOGIN_THROTTLE } from '../../server/accounts/loginThrottle';
import { apiClient, startTarget } from './apiClient';

// Failed logins are throttled per account and per client address (docs/api.md §2 "Throttling"), on the default limits,
// and written to the account events. The suite's clock moves past the window between tests, so each starts unthrottled.

const clock = { now: new Date() };
const { windowMs, perAccount, perAddress } = DEFAULT_LOGIN_THROTTLE;
const password = process.env.CONTRACT_PASSWORD ?? 'demo';
let target: Awaited<ReturnType<typeof startTarget>>;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
    target = await startTarget(clock);
    api = apiClient(target.baseUrl);
});
afterAll(() => target.close());
beforeEach(() => {
    clock.now = new Date(clock.now.getTime() + windowMs + 60_000);
});

const login = (username: string, pass = 'wrong password') => api.call('POST', '/auth/login', { body: { username, password: pass } });
const later = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
};

async function failTimes(username: string, times: number) {
    for (let i = 0; i < times; i += 1) expect((await login(username)).status).toBe(401);
}

describe('login throttling', () => {
    it(`after ${perAccount} failed logins for an account within the window, its logins answer 429 with Retry-After, even with the right password, until the window has passed`, async () => {
        await failTimes('operator2', perAccount);
        const refused = await login('operator2', password);
        expect(refused.status).toBe(429);
        expect(refused.body).toMatchObject({ error: { code: 'too_many_attempts', message: expect.any(String) } });
        const retryAfter = Number(refused.headers.get('Retry-After'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(windowMs / 1000);
        // Another account from the same address is not locked by it.
        expect((await login('supervisor1', password)).status).toBe(200);
        later(retryAfter * 1000 - 2_000);
        expect((await login('operator2', password)).status).toBe(429);
        later(2_000);
        expect((await login('operator2', password)).status).toBe(200);
    });

    it('the count is per username as login reads it: trimmed, in any case', async () => {
        await failTimes('Operator2', perAccount - 1);
        expect((await login('  OPERATOR2 ')).status).toBe(401);
        expect((await login('operator2', password)).status).toBe(429);
    });

    it('a successful login starts the account\'s count again', async () => {
        await failTimes('operator1', perAccount - 1);
        expect((await login('operator1', password)).status).toBe(200);
        await failTimes('operator1', perAccount - 1);
        expect((await login('operator1', password)).status).toBe(200);
    });

    it('unknown usernames are counted as well, without telling that they are unknown', async () => {
        await failTimes('nobody-here', perAccount);
        const refused = await login('nobody-here');
        expect(refused.status).toBe(429);
        expect(refused.body).toMatchObject({ error: { code: 'too_many_attempts' } });
    });

    it(`after ${perAddress} failed logins from one address within the window, every login from it answers 429 until the window has passed`, async () => {
        for (let i = 0; i < perAddress; i += 1) expect((await login(`guess-${i % 20}`)).status, `attempt ${i + 1}`).toBe(401);
        const refused = await login('supervisor1', password);
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
        later(windowMs);
        expect((await login('supervisor1', password)).status).toBe(200);
    });

    it('failed logins and lockouts are written to the account events, without the password', async ({ skip }) => {
        // Another backend's events are not reachable from here.
        if (!target.store) return skip();
        const { store } = target;
        await failTimes('operator2', perAccount);
        const events = (await store.accountEvents('operator2')).filter(event => Date.parse(event.at) >= clock.now.getTime() - 1_000);
        expect(events.filter(event => event.action === 'login_failed')).toHaveLength(perAccount);
        expect(events.filter(event => event.action === 'login_locked')).toHaveLength(1);
        expect(events[0]).toMatchObject({ actor: 'anonymous', username: 'operator2', address: '127.0.0.1' });
        expect(JSON.stringify(await store.accountEvents())).not.toContain('wrong password');
    });

    it('the counters hold one window of failures: a failure on any username drops every older one', async ({ skip }) => {
        if (!target.store) return skip();
        await failTimes('operator2', 2);
        expect(await target.store.loginFailures(accountKey('operator2'), new Date(0))).toHaveLength(2);
        later(windowMs + 1_000);
        await failTimes('someone-else', 1);
        expect(await target.store.loginFailures(accountKey('operator2'), new Date(0))).toEqual([]);
    });
});
