// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createDb } from '../../mocks/db';
import { generatedDocuments } from '../../mocks/documentSource';
import { createMemoryStore } from '../../mocks/store/memoryStore';
import { argon2Passwords } from '../../server/accounts/passwords';
import { createApp } from '../../server/http/app';
import type { PasswordCheck } from '../../server/http/deps';
import { DEFAULT_SLA } from '../../src/domain/sla';

// A login does not tell which usernames exist: an unknown one costs the same password check as a known one.

describe('signing in with an unknown username', () => {
    it('checks the password all the same (against no hash), and answers as for a wrong password', async () => {
        const checked: (string | null)[] = [];
        const passwords: PasswordCheck = { verify: async (_password, hash) => { checked.push(hash); return false; } };
        const db = createDb({ size: 10 });
        const app = createApp({ store: createMemoryStore(db), now: () => new Date(), config: { base: '/api', latencyMs: 0, tokenTtlMs: 60_000, fourEyesThresholdIdr: 0, sla: DEFAULT_SLA }, passwords, documents: generatedDocuments(async () => null) });
        const login = (username: string) => app.fetch(new Request('http://api.test/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password: 'guess' }) }));
        const unknown = await login('nobody');
        const known = await login('operator1');
        expect([unknown.status, known.status]).toEqual([401, 401]);
        expect(await unknown.json()).toEqual(await known.json());
        expect(checked).toHaveLength(2);
    });

    it('the review server\'s argon2id check refuses every password when there is no hash', async () => {
        expect(await argon2Passwords.verify('', null)).toBe(false);
        expect(await argon2Passwords.verify('anything', null)).toBe(false);
    });
});
