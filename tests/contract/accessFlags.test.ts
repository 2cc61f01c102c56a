// @vitest-environment node
/* eslint-disable @typescript-eslint/no-explicit-any -- contract tests read arbitrary JSON answers */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startTarget } from './apiClient';

// Unusual access on the dashboard (GET /stats `access`, docs/api.md §6.7), over real HTTP on both backends: an operator who
// opens many more requests than they decide is flagged (more than 3 per decision, at least 10: the defaults).

// Once the target is seeded, the clock moves 20 days on: that day's range holds only what these tests do.
const clock = { now: new Date() };
const day = new Date(clock.now.getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
let target: Awaited<ReturnType<typeof startTarget>>;
let api: ReturnType<typeof apiClient>;
let operator2: string;
let supervisor: string;

beforeAll(async () => {
    target = await startTarget(clock);
    clock.now = new Date(`${day}T03:00:00.000Z`);
    api = apiClient(target.baseUrl);
    [operator2, supervisor] = await Promise.all([api.login('operator2'), api.login('supervisor1')]);
});
afterAll(() => target.close());

const accessOf = async (operatorId: string) => {
    const { status, body } = await api.call('GET', `/stats?from=${day}&to=${day}`, { token: supervisor });
    expect(status).toBe(200);
    return body.access.find((row: any) => row.operatorId === operatorId);
};

describe('unusual access (GET /stats access)', () => {
    it('one row per operator, none for supervisors, with the figures the flag is made of', async () => {
        const { body } = await api.call('GET', '/stats', { token: supervisor });
        expect(body.access.map((row: any) => row.operatorId).sort()).toEqual(['u-operator1', 'u-operator2']);
        for (const row of body.access) expect(row).toEqual({ operatorId: expect.any(String), opened: expect.any(Number), decisions: expect.any(Number), revealsOutsideOwn: 0, unusual: expect.any(Boolean) });
    });

    it('an operator who claims and releases request after request without deciding is flagged past the floor of 10', async () => {
        expect(await accessOf('u-operator2')).toEqual({ operatorId: 'u-operator2', opened: 0, decisions: 0, revealsOutsideOwn: 0, unusual: false });
        const { body: pending } = await api.list('/verifications', { filter: { status: 'pending' }, range: [0, 14], sort: ['id', 'ASC'] }, supervisor);
        expect(pending).toHaveLength(15);
        for (const [index, request] of pending.slice(0, 10).entries()) {
            expect((await api.call('POST', `/verifications/${request.id}/claim`, { token: operator2 })).status).toBe(200);
            expect((await api.call('POST', `/verifications/${request.id}/release`, { token: operator2, body: {} })).status).toBe(200);
            if (index === 8) expect(await accessOf('u-operator2')).toMatchObject({ opened: 9, unusual: false });
        }
        expect(await accessOf('u-operator2')).toMatchObject({ opened: 10, decisions: 0, unusual: true });
        // Deciding brings the ratio back under 3 opens per decision: 15 opened, 5 decided.
        for (const [i, request] of pending.slice(10).entries()) {
            const claimed = (await api.call('POST', `/verifications/${request.id}/claim`, { token: operator2 })).body;
            expect((await api.call('POST', `/verifications/${claimed.id}/approve`, { token: operator2, body: { version: claimed.version } })).status).toBe(200);
            if (i === 3) expect(await accessOf('u-operator2')).toMatchObject({ opened: 14, decisions: 4, unusual: true });
        }
        expect(await accessOf('u-operator2')).toMatchObject({ opened: 15, decisions: 5, unusual: false });
    });
});
