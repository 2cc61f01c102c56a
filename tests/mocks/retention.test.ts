import { describe, expect, it } from 'vitest';
import { createDb } from '../../mocks/db';
import { createMemoryStore } from '../../mocks/store/memoryStore';
import { purgeExpiredIdentity } from '../../server/http/retention';
import type { AppConfig } from '../../server/http/deps';

// The retention job on the mock's memory store (the review server's is tests/server/retention.test.ts), with a moved clock.

describe('retention on the memory store', () => {
    it('purges exactly the decided requests past the period, disputed rejections later, each once, with their documents', async () => {
        let now = new Date('2026-11-23T03:00:00.000Z');
        const db = createDb({ size: 60, seed: 4, now: () => now });
        const store = createMemoryStore(db);
        const purgedDocuments: string[] = [];
        const deps = { store, now: () => now, config: { retention: { days: 30, disputeDays: 60 } } as AppConfig, documents: { image: async () => null, purgeDocuments: async (id: string) => void purgedDocuments.push(id) } };
        const all = () => [...db.state.verifications, ...db.state.cancellations];
        const decided = all().filter(r => r.status === 'approved' || r.status === 'rejected');
        const disputed = new Set(all().map(r => r.previousId).filter(Boolean));
        expect(await purgeExpiredIdentity(deps)).toBe(0);

        now = new Date(now.getTime() + 45 * 86_400_000);
        const first = await purgeExpiredIdentity(deps);
        const expectedFirst = decided.filter(r => !(r.status === 'rejected' && disputed.has(r.id)));
        expect(decided.length - expectedFirst.length).toBeGreaterThan(0);
        expect(first).toBe(expectedFirst.length);
        expect(purgedDocuments.sort()).toEqual(expectedFirst.map(r => r.id).sort());
        expect(db.state.audit.filter(e => e.action === 'purge')).toHaveLength(first);
        for (const record of all()) expect(Boolean(record.identityPurgedAt)).toBe(expectedFirst.some(r => r.id === record.id));

        now = new Date(now.getTime() + 30 * 86_400_000);
        expect(await purgeExpiredIdentity(deps)).toBe(decided.length - expectedFirst.length);
        expect(await purgeExpiredIdentity(deps)).toBe(0);
    });
});
