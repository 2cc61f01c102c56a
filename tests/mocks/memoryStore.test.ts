// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createDb } from '../../mocks/db';
import { createMemoryStore } from '../../mocks/store/memoryStore';

// The mock's store keeps the promises of the Store interface (server/store/store.ts): a transaction is all or nothing,
// and transactions never interleave, however many awaits they make.

const now = new Date('2026-11-20T03:00:00Z');
const setup = () => {
    const db = createDb({ size: 40, seed: 9, now: () => now });
    return { db, store: createMemoryStore(db) };
};
const tick = () => new Promise(resolve => setTimeout(resolve, 0));

describe('the memory store', () => {
    it('writes nothing of a transaction that throws', async () => {
        const { db, store } = setup();
        const before = structuredClone(db.state.verifications[0]!);
        const auditLength = db.state.audit.length;
        await expect(store.transaction(async tx => {
            const record = (await tx.lockRequest('verification', before.id))!;
            await tx.saveRequest({ ...record, version: record.version + 1 });
            await tx.appendAudit({ at: now.toISOString(), actor: 'u-operator1', action: 'claim', requestKind: 'verification', requestId: record.id, fromStatus: 'pending', toStatus: 'in_review', reasons: [], note: null });
            throw new Error('changed my mind');
        })).rejects.toThrow('changed my mind');
        expect(db.state.verifications[0]).toEqual(before);
        expect(db.state.audit).toHaveLength(auditLength);
    });

    it('numbers a new request, and keeps neither it nor its idempotency key when the transaction throws', async () => {
        const { db, store } = setup();
        const template = db.state.verifications[0]!;
        const draft = { ...template, status: 'pending' as const, idNumber: '110101199003070226', mobileNumber: '+6283800000001' } as Omit<typeof template, 'id'> & { id?: string };
        delete draft.id;
        const count = db.state.verifications.length;
        await expect(store.transaction(async tx => {
            await tx.insertRequest(draft, { idempotencyKey: 'k-1', fingerprint: 'f' });
            throw new Error('refused after all');
        })).rejects.toThrow('refused after all');
        expect(db.state.verifications).toHaveLength(count);
        expect(await store.intakeSubmission('k-1')).toBeNull();
        const created = await store.transaction(tx => tx.insertRequest(draft, { idempotencyKey: 'k-1', fingerprint: 'f' }));
        const highest = Math.max(...db.state.verifications.filter(r => r.id !== created.id).map(r => Number(r.id.slice(2))));
        expect(created.id).toBe(`V-${String(highest + 1).padStart(6, '0')}`);
        expect(await store.request('verification', created.id)).toMatchObject({ mobileNumber: '+6283800000001' });
        expect(await store.intakeSubmission('k-1')).toEqual({ idempotencyKey: 'k-1', fingerprint: 'f', requestKind: 'verification', requestId: created.id });
    });

    it('lets a transaction read its own writes before they land', async () => {
        const { db, store } = setup();
        const { id, version } = db.state.verifications[0]!;
        const seen = await store.transaction(async tx => {
            const record = (await tx.lockRequest('verification', id))!;
            await tx.saveRequest({ ...record, version: 99 });
            return { inside: (await tx.lockRequest('verification', id))!.version, outside: (await store.request('verification', id))!.version };
        });
        expect(seen).toEqual({ inside: 99, outside: version });
        expect(db.state.verifications[0]!.version).toBe(99);
    });

    it('runs transactions one at a time: two read-modify-writes of one request both count', async () => {
        const { db, store } = setup();
        const { id, version } = db.state.verifications[0]!;
        const bump = () => store.transaction(async tx => {
            const read = { ...(await tx.lockRequest('verification', id))! };
            await tick();
            await tx.saveRequest({ ...read, version: read.version + 1 });
        });
        await Promise.all([bump(), bump(), bump()]);
        expect(db.state.verifications[0]!.version).toBe(version + 3);
    });

    it('numbers audit entries in write order across transactions', async () => {
        const { db, store } = setup();
        const entry = { at: now.toISOString(), actor: 'u-operator1', action: 'release' as const, requestKind: 'verification' as const, requestId: 'V-000001', fromStatus: 'in_review' as const, toStatus: 'pending' as const, reasons: [], note: null };
        const written = await Promise.all([0, 1, 2].map(() => store.transaction(async tx => (await tx.appendAudit(entry)).id)));
        const start = db.state.audit.length - 2;
        expect(written).toEqual([start, start + 1, start + 2].map(n => `A-${String(n).padStart(7, '0')}`));
    });
});
