// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountEvent, listedOperator } from '../../src/contract/records';
import { apiClient, startTarget } from './apiClient';

// Supervisors read what happened to accounts (docs/api.md §6.15) and see which accounts are disabled (§6.4).

const clock = { now: new Date() };
let target: Awaited<ReturnType<typeof startTarget>>;
let api: ReturnType<typeof apiClient>;
let supervisor: string;
let operator: string;
const started = clock.now.toISOString();

beforeAll(async () => {
    target = await startTarget(clock);
    api = apiClient(target.baseUrl);
    for (const username of ['operator2', 'OPERATOR2', 'nobody-here']) expect((await api.call('POST', '/auth/login', { body: { username, password: 'wrong password' } })).status).toBe(401);
    supervisor = await api.login('supervisor1');
    operator = await api.login('operator1');
});
afterAll(() => target.close());

describe('GET /account-events', () => {
    it('lists failed logins for supervisors, newest first, in the contract\'s shape, never with a password', async () => {
        const answer = await api.list('/account-events', { filter: { at_gte: started }, range: [0, 24] }, supervisor);
        expect(answer.status).toBe(200);
        const events = answer.body;
        for (const event of events) expect(accountEvent.safeParse(event).success, JSON.stringify(event)).toBe(true);
        expect(events.filter(e => e.action === 'login_failed').map(e => e.username)).toEqual(['nobody-here', 'operator2', 'operator2']);
        expect(events.map(e => e.id)).toEqual([...events.map(e => e.id)].sort().reverse());
        expect(answer.headers.get('Content-Range')).toBe(`account-events 0-${events.length - 1}/${events.length}`);
        expect(JSON.stringify(events)).not.toContain('wrong password');
    });

    it('filters by username, action and date', async () => {
        const byUser = await api.list('/account-events', { filter: { username: 'operator2', action: 'login_failed', at_gte: started } }, supervisor);
        expect(byUser.body.map(e => [e.username, e.action])).toEqual([['operator2', 'login_failed'], ['operator2', 'login_failed']]);
        const future = await api.list('/account-events', { filter: { at_gte: new Date(clock.now.getTime() + 86_400_000).toISOString() } }, supervisor);
        expect(future.body).toEqual([]);
        const oldestFirst = await api.list('/account-events', { filter: { username: ['nobody-here', 'operator2'], at_gte: started }, sort: ['id', 'ASC'] }, supervisor);
        expect(oldestFirst.body.map(e => e.username)).toEqual(['operator2', 'operator2', 'nobody-here']);
    });

    it('is for supervisors only (403), read-only (405), and checks its query (400)', async () => {
        expect((await api.list('/account-events', {}, operator)).status).toBe(403);
        expect((await api.call('POST', '/account-events', { token: supervisor, body: {} })).status).toBe(405);
        const badFilter = await api.list('/account-events', { filter: { password: 'x' } }, supervisor);
        expect(badFilter.status).toBe(400);
        expect(badFilter.body).toMatchObject({ error: { code: 'bad_request', fields: { filter: 'unsupported_field' } } });
        expect((await api.list('/account-events', { sort: ['detail', 'ASC'] }, supervisor)).status).toBe(400);
        expect((await api.call('GET', '/account-events')).status).toBe(401);
    });
});

describe('GET /operators', () => {
    it('marks every account enabled or disabled', async () => {
        const answer = await api.list('/operators', {}, operator);
        expect(answer.status).toBe(200);
        expect(answer.body.length).toBeGreaterThanOrEqual(3);
        for (const account of answer.body) expect(listedOperator.safeParse(account).success, JSON.stringify(account)).toBe(true);
        expect(answer.body.find(a => a.id === 'u-operator1')).toMatchObject({ disabled: false });
        expect((await api.list('/operators', { filter: { disabled: true } }, operator)).body.every(a => a.disabled === true)).toBe(true);
    });
});

describe('POST /…/reassign to a disabled account', () => {
    const reassign = (id: string, to: string) => api.call('POST', `/verifications/${id}/reassign`, { token: supervisor, body: { to, note: 'handing it over' } });
    const pendingIds = async (count: number) => (await api.list('/verifications', { filter: { status: 'pending' }, sort: ['id', 'ASC'], range: [0, count - 1] }, supervisor)).body.map(r => r.id as string);

    it('accepts every account /operators lists as enabled (on the mock, every account)', async () => {
        const enabled = (await api.list('/operators', { filter: { disabled: false } }, supervisor)).body;
        expect(enabled.map(a => a.id)).toEqual(expect.arrayContaining(['u-operator1', 'u-operator2', 'u-supervisor1']));
        const ids = await pendingIds(enabled.length);
        for (const [i, account] of enabled.entries()) expect((await reassign(ids[i]!, account.id)).body).toMatchObject({ status: 'in_review', assignee: account.id });
    });

    // Only the review server's accounts command disables an account (the mock cannot: docs/api.md §6.4).
    it.skipIf(process.env.CONTRACT_TARGET !== 'server' || !!process.env.CONTRACT_BASE_URL)('refuses it (400, fields.to = "disabled"), changing and auditing nothing; enabled again, it is taken', async () => {
        const [id] = await pendingIds(1);
        const before = (await api.call('GET', `/verifications/${id}`, { token: supervisor })).body;
        const trail = async () => (await api.list('/audit', { filter: { requestId: id } }, supervisor)).body.length;
        const entries = await trail();
        await target.accountAdmin!.setDisabled('operator2', true);
        try {
            expect((await api.list('/operators', { filter: { disabled: true } }, supervisor)).body.map(a => a.id)).toEqual(['u-operator2']);
            const refused = await reassign(id!, 'u-operator2');
            expect(refused.status).toBe(400);
            expect(refused.body).toMatchObject({ error: { code: 'bad_request', fields: { to: 'disabled' } } });
            // An unknown id stays "unknown"; the note's problems come after `to`'s, as before.
            expect((await reassign(id!, 'u-nobody')).body.error.fields).toEqual({ to: 'unknown' });
            expect((await api.call('GET', `/verifications/${id}`, { token: supervisor })).body).toMatchObject({ status: before.status, version: before.version, assignee: before.assignee });
            expect(await trail()).toBe(entries);
        } finally {
            await target.accountAdmin!.setDisabled('operator2', false);
        }
        expect((await reassign(id!, 'u-operator2')).body).toMatchObject({ status: 'in_review', assignee: 'u-operator2' });
    });
});
