// @vitest-environment node
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../contract/apiClient';
import { decisionCount, historyMismatches, readLedger } from './decisionLedger';
import { startServerProcess, type ServerProcess } from './serverProcess';

// Many servers on one real PostgreSQL (TEST_DATABASE_URL; .ci/run starts one): three server processes, fifty operators
// calling claim-next and deciding at once. Never one request to two operators, exactly one decision per request, every
// expired claim lapsed once. Without the URL it is skipped on a developer machine and fails in CI.

const baseUrl = process.env.TEST_DATABASE_URL;
const PROCESSES = 3;
const OPERATORS = 50;
const POOL_SIZE = 4;
const EXPIRED_CLAIMS = 6;

if (!baseUrl) {
    describe('several servers on one PostgreSQL', () => {
        if (process.env.CI) it('needs TEST_DATABASE_URL in CI', () => expect.fail('TEST_DATABASE_URL is not set: .ci/run starts a PostgreSQL and sets it'));
        else it.skip('needs TEST_DATABASE_URL (a PostgreSQL server, see .ci/run)', () => undefined);
    });
} else {
    const database = `review_race_${process.pid}_${Date.now()}`;
    const url = new URL(baseUrl);
    url.pathname = `/${database}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    const servers: ServerProcess[] = [];

    beforeAll(async () => {
        await admin.connect();
        await admin.query(`CREATE DATABASE ${database}`);
        // All at once on an empty database: migrations and the demo seed take turns under their advisory locks.
        servers.push(...await Promise.all(Array.from({ length: PROCESSES }, () => startServerProcess({
            DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: String(POOL_SIZE), SEED_DEMO: '1', SEED_DEMO_SIZE: '500',
        }))));
    }, 180_000);
    afterAll(async () => {
        await Promise.all(servers.map(server => server.kill()));
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
        await admin.end();
    });

    it(`${PROCESSES} server processes, ${OPERATORS} operators: one operator per request, one decision per request, each lapse once`, async () => {
        const db = new pg.Client({ connectionString: url.toString() });
        await db.connect();
        try {
            const accounts = Array.from({ length: OPERATORS }, (_, i) => ({ id: `u-race-${i + 1}`, username: `race${i + 1}` }));
            for (const account of accounts) {
                await db.query(`INSERT INTO accounts (id, username, name, role, password_hash, ordinal)
                    SELECT $1, $2, $2, 'operator', password_hash, 100 + $3 FROM accounts WHERE username = 'operator1'`, [account.id, account.username, accounts.indexOf(account)]);
            }
            const supervisor = await apiClient(servers[0]!.url).login('supervisor1');
            const before = await readLedger(servers[0]!.url, supervisor);
            const offsets = new Map<string, number>();
            historyMismatches(before, offsets);

            // Claims that ran out: whichever server sees them first lapses them, the others must not lapse them again.
            const expired = (await db.query<{ id: string }>(`UPDATE requests SET claim_expires_at = now() - interval '1 minute',
                    record = jsonb_set(record, '{claimExpiresAt}', to_jsonb(to_char((now() - interval '1 minute') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
                WHERE id IN (SELECT id FROM requests WHERE status = 'in_review' ORDER BY id LIMIT ${EXPIRED_CLAIMS}) RETURNING id`)).rows.map(row => row.id);
            expect(expired).toHaveLength(EXPIRED_CLAIMS);

            const claimedBy = new Map<string, Set<string>>();
            const figures = { decisions: 0, conflicts: 0, errors: 0 };
            const started = Date.now();
            await Promise.all(accounts.map(async (account, index) => {
                const token = await apiClient(servers[index % PROCESSES]!.url).login(account.username);
                for (let n = 0; ; n += 1) {
                    // Each call to any of the servers, as a load balancer would spread them.
                    const api = apiClient(servers[(index + n) % PROCESSES]!.url);
                    const next = await api.call('POST', '/verifications/claim-next', { token, body: {} });
                    if (next.status !== 200) {
                        if (next.body?.error?.code === 'queue_empty') return;
                        figures.errors += 1;
                        continue;
                    }
                    claimedBy.set(next.body.id, (claimedBy.get(next.body.id) ?? new Set()).add(account.id));
                    const reject = n % 4 === 0;
                    const decided = await apiClient(servers[(index + n + 1) % PROCESSES]!.url).call('POST', `/verifications/${next.body.id}/${reject ? 'reject' : 'approve'}`, {
                        token, body: reject ? { version: next.body.version, reasons: ['photo_unclear'] } : { version: next.body.version },
                    });
                    if (decided.status === 200) figures.decisions += 1;
                    else if (decided.status === 409) figures.conflicts += 1;
                    else figures.errors += 1;
                }
            }));
            const seconds = (Date.now() - started) / 1000;

            const after = await readLedger(servers[1]!.url, supervisor);
            const raced = [...claimedBy.keys()];
            const sharedClaims = raced.filter(id => claimedBy.get(id)!.size > 1);
            const notOnce = raced.filter(id => decisionCount(after.trails.get(id)) - decisionCount(before.trails.get(id)) !== 1);
            const lapses = expired.map(id => (after.trails.get(id) ?? []).filter(entry => entry.action === 'lapse').length - (before.trails.get(id) ?? []).filter(entry => entry.action === 'lapse').length);
            const pendingLeft = [...after.requests.values()].filter(record => record.kind === 'verification' && record.status === 'pending').length;
            const connections = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()')).rows[0]!.n);
            console.log(`multi-process race: ${PROCESSES} processes, ${OPERATORS} operators, ${figures.decisions} decisions in ${seconds.toFixed(1)} s `
                + `(${(figures.decisions / seconds).toFixed(1)}/s), ${figures.conflicts} conflicts, ${figures.errors} errors, ${lapses.reduce((a, b) => a + b, 0)} lapses `
                + `of ${EXPIRED_CLAIMS} expired claims, ${sharedClaims.length} requests handed to two operators, ${notOnce.length} not decided exactly once, `
                + `${connections} connections (pool ${POOL_SIZE} a process)`);

            expect(figures.decisions).toBe(raced.length);
            expect({ sharedClaims, notOnce, errors: figures.errors, pendingLeft }).toEqual({ sharedClaims: [], notOnce: [], errors: 0, pendingLeft: 0 });
            expect(lapses).toEqual(expired.map(() => 1));
            expect(historyMismatches(after, offsets)).toEqual([]);
            // DATABASE_POOL_SIZE: no process opens more connections than its pool holds (this client is one more).
            expect(connections).toBeLessThanOrEqual(PROCESSES * POOL_SIZE + 1);
        } finally {
            await db.end();
        }
    }, 300_000);
}
