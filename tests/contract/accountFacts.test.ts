// @vitest-environment node
/* eslint-disable @typescript-eslint/no-explicit-any -- contract tests read arbitrary JSON answers */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startTarget } from './apiClient';

// Account facts come from the billing and device systems (docs/api.md §6.2): read when a cancellation is opened for review
// and again inside its approval, on both backends through their demo billing system. Needs the in-process target.

const clock = { now: new Date() };
let target: Awaited<ReturnType<typeof startTarget>>;
let api: ReturnType<typeof apiClient>;
let operator1: string;
let supervisor: string;

beforeAll(async () => {
    target = await startTarget(clock);
    api = apiClient(target.baseUrl);
    [operator1, supervisor] = await Promise.all([api.login('operator1'), api.login('supervisor1')]);
});
afterAll(() => target.close());

const taken = new Set<string>();
async function readyCancellation() {
    const { body } = await api.list('/cancellations', { filter: { status: 'pending', readyToApprove: true }, range: [0, 199], sort: ['id', 'ASC'] }, supervisor);
    const record = body.find((r: any) => !taken.has(r.id) && !r.requiresSecondApproval);
    taken.add(record.id);
    return (await api.call('GET', `/cancellations/${record.id}`, { token: supervisor })).body;
}
const bill = { id: 'B-LATE-1', type: 'bill', description: 'December roaming', amount: 25_000 };

describe.skipIf(process.env.CONTRACT_BASE_URL)('account facts from the billing system', () => {
    it('a bill that appeared after the request was opened blocks the approval with preconditions_failed, and the answer shows it', async () => {
        const record = await readyCancellation();
        const claimed = await api.call('POST', `/cancellations/${record.id}/claim`, { token: operator1 });
        expect(claimed.status).toBe(200);
        expect(claimed.body.account.openItems).toEqual([]);
        await target.accountFacts!.set({ ...record.account, openItems: [bill] });

        const refused = await api.call('POST', `/cancellations/${record.id}/approve`, { token: operator1, body: { version: claimed.body.version } });
        expect(refused.status).toBe(409);
        expect(refused.body.error).toMatchObject({ code: 'preconditions_failed', preconditions: ['nothing_unpaid'] });
        expect(refused.body.error.record.account.openItems).toEqual([bill]);
        const now = (await api.call('GET', `/cancellations/${record.id}`, { token: supervisor })).body;
        expect([now.status, now.numberReleasedAt]).toEqual(['in_review', null]);

        // Paid in the billing system: the same approval goes through, with the facts it was made on.
        await target.accountFacts!.set({ ...record.account, openItems: [] });
        const approved = await api.call('POST', `/cancellations/${record.id}/approve`, { token: operator1, body: { version: claimed.body.version } });
        expect(approved.status).toBe(200);
        expect(approved.body.status).toBe('approved');
    });

    it('opening a cancellation for review shows the billing system\'s facts, not the ones submitted', async () => {
        const record = await readyCancellation();
        await target.accountFacts!.set({ ...record.account, boundDevices: [{ id: 'D-9', name: 'Tablet', boundAt: '2026-11-01T00:00:00.000Z' }] });
        const claimed = await api.call('POST', `/cancellations/${record.id}/claim`, { token: operator1 });
        expect(claimed.body.account.boundDevices.map((d: any) => d.id)).toEqual(['D-9']);
        const next = (await api.call('GET', `/cancellations/${record.id}`, { token: operator1 })).body;
        expect(next.account.boundDevices.map((d: any) => d.id)).toEqual(['D-9']);
        const refused = await api.call('POST', `/cancellations/${record.id}/approve`, { token: operator1, body: { version: claimed.body.version } });
        expect(refused.body.error).toMatchObject({ code: 'preconditions_failed', preconditions: ['devices_unbound'] });
        await api.call('POST', `/cancellations/${record.id}/release`, { token: operator1, body: {} });
    });
});
