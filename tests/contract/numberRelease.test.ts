// @vitest-environment node
/* eslint-disable @typescript-eslint/no-explicit-any -- contract tests read arbitrary JSON answers */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startTarget } from './apiClient';

// Number release on approval (docs/api.md §6.2) through the demo number pool, on both backends: released before the
// approval answers; a failed release leaves the request approved but not released, visible, and retried until released.

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
async function claimedReady() {
    const { body } = await api.list('/cancellations', { filter: { status: 'pending', readyToApprove: true }, range: [0, 199], sort: ['id', 'ASC'] }, supervisor);
    const record = body.find((r: any) => !taken.has(r.id) && !r.requiresSecondApproval);
    taken.add(record.id);
    return (await api.call('POST', `/cancellations/${record.id}/claim`, { token: operator1 })).body;
}

describe.skipIf(process.env.CONTRACT_BASE_URL)('number release', () => {
    it('an approval releases the number before it answers', async () => {
        const record = await claimedReady();
        const approved = await api.call('POST', `/cancellations/${record.id}/approve`, { token: operator1, body: { version: record.version } });
        expect(approved.body).toMatchObject({ status: 'approved', numberReleasedAt: clock.now.toISOString(), numberReleasedBy: 'u-operator1', numberRelease: null });
    });

    it('a failed release leaves it approved but not released, with the reason, found by releasePending, and retried after its backoff', async () => {
        const record = await claimedReady();
        target.numberRelease!.failWith('number pool unreachable');
        const approved = await api.call('POST', `/cancellations/${record.id}/approve`, { token: operator1, body: { version: record.version } });
        expect(approved.status).toBe(200);
        expect(approved.body).toMatchObject({ status: 'approved', numberReleasedAt: null, numberReleasedBy: null, numberRelease: { attempts: 1, lastError: 'number pool unreachable' } });
        const nextAttemptAt = Date.parse(approved.body.numberRelease.nextAttemptAt);
        expect(nextAttemptAt - clock.now.getTime()).toBe(60_000);

        const pending = await api.list('/cancellations', { filter: { releasePending: true }, range: [0, 99] }, supervisor);
        expect(pending.body.map((r: any) => r.id)).toEqual([record.id]);
        expect((await api.list('/cancellations', { filter: { releasePending: false, status: 'approved' }, range: [0, 999] }, supervisor)).body.some((r: any) => r.id === record.id)).toBe(false);

        // Not before its time; then released, even though the pool failed once more in between.
        expect(await target.retryReleases!()).toEqual({ released: 0, failed: 0 });
        clock.now = new Date(nextAttemptAt);
        expect(await target.retryReleases!()).toEqual({ released: 0, failed: 1 });
        const again = (await api.call('GET', `/cancellations/${record.id}`, { token: supervisor })).body;
        expect(again.numberRelease).toMatchObject({ attempts: 2, lastError: 'number pool unreachable' });
        expect(Date.parse(again.numberRelease.nextAttemptAt) - clock.now.getTime()).toBe(120_000);
        target.numberRelease!.failWith(null);
        clock.now = new Date(Date.parse(again.numberRelease.nextAttemptAt));
        expect(await target.retryReleases!()).toEqual({ released: 1, failed: 0 });
        const released = (await api.call('GET', `/cancellations/${record.id}`, { token: supervisor })).body;
        expect(released).toMatchObject({ status: 'approved', numberReleasedAt: clock.now.toISOString(), numberReleasedBy: 'u-operator1', numberRelease: null, version: approved.body.version });
        expect((await api.list('/cancellations', { filter: { releasePending: true }, range: [0, 99] }, supervisor)).body).toEqual([]);
    });
});
