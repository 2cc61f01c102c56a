// @vitest-environment node
/* eslint-disable @typescript-eslint/no-explicit-any -- the test reads arbitrary JSON answers */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { apiClient } from '../contract/apiClient';
import { serverOnTemplate, testConfig } from './template';

// Retention on the review server (docs/api.md §6.12), with a moved clock: 90 days after the decision (30 here, set through
// the settings) the documents and full identity data of a decided request are deleted from the database, the record keeps
// its decision and trail and says when; a rejection the customer resubmitted (under dispute) is kept longer (60 here).

const DAY = 86_400_000;
const clock = { now: new Date() };
const start = clock.now;
let server: Awaited<ReturnType<typeof serverOnTemplate>>;
let api: ReturnType<typeof apiClient>;
let supervisor: string;

beforeAll(async () => {
    server = await serverOnTemplate(inject('reviewServerTemplate'), () => clock.now, { http: { ...testConfig().http, retention: { days: 30, disputeDays: 60 } } });
    api = apiClient(server.url);
    supervisor = await api.login('supervisor1');
});
afterAll(() => server.close());

const whole = async (resource: string, id: string) => (await api.call('GET', `/${resource}/${id}`, { token: supervisor })).body;
const stored = async (id: string) => (await server.db.query<{ record: unknown; search_text: string; mobile_number: string }>('SELECT record, search_text, mobile_number FROM requests WHERE id = $1', [id]))[0]!;

describe('retention: the purge job with a moved clock', () => {
    it('deletes documents and full identity data after the period, keeps decision, reasons and trail, audits it, and keeps a disputed rejection longer', async () => {
        const { body: rejected } = await api.list('/verifications', { filter: { status: 'rejected' }, range: [0, 199], sort: ['id', 'ASC'] }, supervisor);
        const { body: resubmissions } = await api.list('/verifications', { filter: { resubmission: true }, range: [0, 199] }, supervisor);
        const disputedIds = new Set(resubmissions.map((r: any) => r.previousId));
        const plain = await whole('verifications', rejected.find((r: any) => !disputedIds.has(r.id)).id);
        const disputed = await whole('verifications', rejected.find((r: any) => disputedIds.has(r.id)).id);
        const { body: [approvedRow] } = await api.list('/cancellations', { filter: { status: 'approved' }, range: [0, 0] }, supervisor);
        const cancellation = await whole('cancellations', approvedRow.id);
        expect(plain.documents.idFront).toMatch(/^http/);
        expect((await fetch(plain.documents.idFront)).status).toBe(200);

        // Nothing is due before the period has passed.
        expect(await server.purge()).toBe(0);

        clock.now = new Date(start.getTime() + 31 * DAY);
        supervisor = await api.login('supervisor1');
        const purgedFirst = await server.purge();
        expect(purgedFirst).toBeGreaterThan(0);
        const after = await whole('verifications', plain.id);
        expect(after).toMatchObject({
            id: plain.id, status: 'rejected', decision: plain.decision, decidedBy: plain.decidedBy, decidedAt: plain.decidedAt, fullName: plain.fullName,
            identityPurgedAt: clock.now.toISOString(), idNumber: '', mobileNumber: '', email: '', contactPhone: '', address: '',
            card: { name: null, idNumber: null, validFrom: null, validUntil: null }, documents: { idFront: null, idBack: null, selfie: null },
        });
        // Gone from the database, not masked: neither the record nor the columns beside it hold the values any more.
        const row = await stored(plain.id);
        for (const secret of [plain.idNumber, plain.mobileNumber, plain.email, plain.address, plain.contactPhone]) {
            expect(JSON.stringify(row)).not.toContain(secret);
        }
        expect((await api.list('/verifications', { filter: { q: plain.idNumber }, range: [0, 9] }, supervisor)).body.map((r: any) => r.id)).not.toContain(plain.id);
        // The document URL a viewer had stops working.
        expect((await fetch(plain.documents.idFront)).status).toBe(404);
        expect(await whole('cancellations', cancellation.id)).toMatchObject({ identityPurgedAt: clock.now.toISOString(), mobileNumber: '', email: '', idScan: null, decision: cancellation.decision });
        // The trail keeps the decision and says when and why the data went.
        const { body: trail } = await api.list('/audit', { filter: { requestId: plain.id }, sort: ['id', 'ASC'] }, supervisor);
        expect(trail.some((e: any) => e.action === 'reject')).toBe(true);
        expect(trail.find((e: any) => e.action === 'purge')).toMatchObject({ actor: 'system', action: 'purge', fromStatus: 'rejected', toStatus: 'rejected', at: clock.now.toISOString(), note: expect.stringContaining('30 days') });

        // A rejection the customer resubmitted is under dispute: still whole at 31 days, purged after 60.
        expect(await whole('verifications', disputed.id)).toMatchObject({ idNumber: disputed.idNumber });
        expect((await whole('verifications', disputed.id)).identityPurgedAt ?? null).toBeNull();
        expect(await server.purge()).toBe(0);
        clock.now = new Date(start.getTime() + 61 * DAY);
        supervisor = await api.login('supervisor1');
        expect(await server.purge()).toBeGreaterThan(0);
        expect(await whole('verifications', disputed.id)).toMatchObject({ idNumber: '', identityPurgedAt: clock.now.toISOString() });
        // Once purged, a request is not purged again.
        const { body: purges } = await api.list('/audit', { filter: { requestId: plain.id, action: 'purge' } }, supervisor);
        expect(purges).toHaveLength(1);
    });
});
