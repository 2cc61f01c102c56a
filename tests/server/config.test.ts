// @vitest-environment node
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../mocks/db';
import { DEFAULT_SLA, dueAt } from '../../src/domain/sla';
import { ConfigError, loadConfig } from '../../server/config/config';
import { startReviewServer } from '../../server/reviewServer';
import { apiClient } from '../contract/apiClient';
import type { Executor } from '../../server/store/postgres/executor';
import { openPglite } from '../../server/store/postgres/pgliteExecutor';
import { loadTemplate } from './template';
import { intakeClient, upload } from '../../scripts/customerApp';
import { signDocumentPath } from '../../server/http/documentLinks';
import { makeSmallPhoto } from '../support/testImages';

// The review server's settings (server/config/config.ts): each one changes what the server does, and a wrong value stops
// it with a message that names the variable.

describe('reading the environment', () => {
    it('has defaults for everything', () => {
        expect(loadConfig({})).toEqual({
            port: 8787, host: '127.0.0.1', dataDir: '.data', databaseUrl: null, poolSize: 10, seedDemo: false, seedDemoSize: 300,
            fourEyesThresholdIdr: 500_000, tokenTtlMinutes: 480, claimTtlMinutes: 15, sla: { businessDays: 3, holidays: new Set(), utcOffsetMinutes: 420 },
            loginThrottle: { windowMs: 15 * 60_000, perAccount: 5, perAddress: 50 }, trustProxy: false, http: { demo: false },
            accountFactsUrl: null, accountFactsTimeoutMs: 5000,
            notices: { intervalMs: 10_000, maxAttempts: 6, retryBaseMs: 60_000, retryMaxMs: 3_600_000, claimMs: 300_000, batch: 50 },
        });
    });

    it('takes every setting', () => {
        expect(loadConfig({
            API_PORT: '9000', API_HOST: '0.0.0.0', DATA_DIR: '/var/lib/review', DATABASE_URL: 'postgres://app@db:5432/review', DATABASE_POOL_SIZE: '4',
            SEED_DEMO: '1', SEED_DEMO_SIZE: '1000', API_FOUR_EYES_THRESHOLD_IDR: '0', API_TOKEN_TTL_MINUTES: '30',
            API_ALLOWED_ORIGINS: 'https://console.example', API_MAX_BODY_BYTES: '65536', API_PUBLIC_URL: 'https://review.example',
            API_CLAIM_LIFETIME_MINUTES: '5', API_SLA_BUSINESS_DAYS: '2', API_HOLIDAYS: '2026-12-25, 2027-01-01', API_LOGIN_WINDOW_MINUTES: '10',
            API_LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', API_LOGIN_MAX_FAILURES_PER_ADDRESS: '30', API_TRUST_PROXY: '1',
            API_ACCOUNT_FACTS_URL: 'https://billing.example/api', API_ACCOUNT_FACTS_TIMEOUT_MS: '800',
            API_NOTICE_INTERVAL_SECONDS: '2', API_NOTICE_MAX_ATTEMPTS: '3', API_NOTICE_RETRY_SECONDS: '5', API_NOTICE_RETRY_MAX_SECONDS: '60', API_NOTICE_CLAIM_SECONDS: '30',
        })).toEqual({
            port: 9000, host: '0.0.0.0', dataDir: '/var/lib/review', databaseUrl: 'postgres://app@db:5432/review', poolSize: 4, seedDemo: true,
            seedDemoSize: 1000, fourEyesThresholdIdr: 0, tokenTtlMinutes: 30, claimTtlMinutes: 5,
            sla: { businessDays: 2, holidays: new Set(['2026-12-25', '2027-01-01']), utcOffsetMinutes: 420 },
            loginThrottle: { windowMs: 10 * 60_000, perAccount: 3, perAddress: 30 }, trustProxy: true,
            http: { demo: false, allowedOrigins: ['https://console.example'], maxBodyBytes: 65536, publicUrl: 'https://review.example' },
            accountFactsUrl: 'https://billing.example/api', accountFactsTimeoutMs: 800,
            notices: { intervalMs: 2000, maxAttempts: 3, retryBaseMs: 5000, retryMaxMs: 60_000, claimMs: 30_000, batch: 50 },
        });
    });

    it.each([
        ['API_PORT', '80a'], ['API_PORT', '70000'], ['DATABASE_URL', 'mysql://x@y/z'], ['DATABASE_URL', 'not a url'], ['DATABASE_POOL_SIZE', '0'],
        ['SEED_DEMO', 'yes please'], ['SEED_DEMO_SIZE', '-5'], ['API_FOUR_EYES_THRESHOLD_IDR', '1.5'], ['API_TOKEN_TTL_MINUTES', 'forever'],
        ['API_ALLOWED_ORIGINS', '*'], ['API_ALLOWED_ORIGINS', 'console.example'], ['API_MAX_BODY_BYTES', '0'], ['API_PUBLIC_URL', 'javascript:alert(1)'], ['API_DEMO', 'maybe'],
        ['API_CLAIM_LIFETIME_MINUTES', '1'], ['API_SLA_BUSINESS_DAYS', '0'], ['API_HOLIDAYS', '2026-02-30'], ['API_HOLIDAYS', '2026-12-25,christmas'],
        ['API_HOLIDAYS', '/no/such/holidays.txt'], ['API_LOGIN_WINDOW_MINUTES', 'soon'], ['API_LOGIN_MAX_FAILURES_PER_ACCOUNT', '0'],
        ['API_LOGIN_MAX_FAILURES_PER_ADDRESS', '-1'], ['API_TRUST_PROXY', 'maybe'], ['API_INTAKE_KEYS', 'short'], ['API_INTAKE_KEYS', 'a key with spaces in it, long enough'],
        ['API_DOCUMENT_SECRET', 'too short'],
        ['API_NOTICE_INTERVAL_SECONDS', '0'], ['API_NOTICE_MAX_ATTEMPTS', '0'], ['API_NOTICE_RETRY_SECONDS', 'soon'], ['API_NOTICE_RETRY_MAX_SECONDS', '30'],
        ['API_NOTICE_CLAIM_SECONDS', '5'], ['API_ACCOUNT_FACTS_URL', 'ftp://billing.example'], ['API_ACCOUNT_FACTS_URL', 'billing'], ['API_ACCOUNT_FACTS_TIMEOUT_MS', '10'],
    ])('refuses %s=%j, naming the variable', (variable, value) => {
        expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
        expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable} `));
    });

    it('API_HOLIDAYS may name a file of days, one a line, with comments', () => {
        const dir = mkdtempSync(join(tmpdir(), 'review-holidays-'));
        try {
            const file = join(dir, 'holidays.txt');
            writeFileSync(file, '# Indonesia 2027\n2027-01-01  # New Year\n\n2027-03-20\n');
            expect(loadConfig({ API_HOLIDAYS: file }).sla.holidays).toEqual(new Set(['2027-01-01', '2027-03-20']));
            writeFileSync(file, '2027-13-01\n');
            expect(() => loadConfig({ API_HOLIDAYS: file })).toThrow(/^API_HOLIDAYS must list real days as YYYY-MM-DD, not "2027-13-01"/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('each setting changes the server', () => {
    // Servers share embedded databases here (loading one costs seconds); each server is configured on its own.
    let demo: Executor;
    beforeAll(async () => {
        demo = await openPglite({ loadDataDir: loadTemplate(inject('reviewServerTemplate')) });
    });
    afterAll(() => demo.close());
    const serverWith = async (env: Record<string, string>, now?: () => Date, db = demo) => startReviewServer(loadConfig({ API_PORT: '0', ...env }), { db, now });

    it('API_PORT and API_HOST: where it listens', async () => {
        const server = await serverWith({ API_PORT: '8921', API_HOST: '127.0.0.2' });
        try {
            expect(server.url).toBe('http://127.0.0.2:8921/api');
            expect((await apiClient(server.url).call('GET', '/openapi.json')).status).toBe(200);
        } finally {
            await server.close();
        }
    });

    it('API_ALLOWED_ORIGINS, API_MAX_BODY_BYTES and API_PUBLIC_URL: who may call from a browser, how large a body, where documents are', async () => {
        const server = await serverWith({ API_ALLOWED_ORIGINS: 'https://console.example', API_MAX_BODY_BYTES: '2048', API_PUBLIC_URL: 'https://review.example' });
        try {
            const client = apiClient(server.url);
            const token = await client.login('supervisor1');
            const from = (origin: string) => client.call('GET', '/reasons', { token, headers: { Origin: origin } });
            expect((await from('https://console.example')).headers.get('access-control-allow-origin')).toBe('https://console.example');
            expect((await from('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
            expect((await client.call('POST', '/verifications/claim-next', { token, body: { exclude: ['x'.repeat(3000)] } })).status).toBe(413);
            const { body: [first] } = await client.list('/verifications', { range: [0, 0] }, token);
            const { body: whole } = await client.call('GET', `/verifications/${first.id}`, { token });
            expect(whole.documents.idFront).toMatch(/^https:\/\/review\.example\/api\/documents\//);
            expect((await client.call('POST', '/demo/reset', { token })).status).toBe(404);
        } finally {
            await server.close();
        }
    });

    it('API_INTAKE_KEYS, API_DOCUMENT_SECRET and DATA_DIR: who may submit, how document URLs are signed, where uploads are kept', async () => {
        const dataDir = mkdtempSync(join(tmpdir(), 'review-uploads-'));
        const secret = 'a-document-secret-of-at-least-32-characters';
        const at = new Date('2026-12-07T03:00:00.000Z');
        const server = await serverWith({ API_INTAKE_KEYS: 'customer-app-key-000000000001, customer-app-key-000000000002', API_DOCUMENT_SECRET: secret, DATA_DIR: dataDir }, () => at);
        try {
            const photo = await makeSmallPhoto('png');
            const form = { fields: { fullName: 'Config Test', idNumber: '110101199003070226', mobileNumber: '+6283199990001', contactPhone: '+8613800138000', email: 'c@example.com', address: '北京市东城区示例路1号' }, files: { idFront: upload(photo, 'a.png'), idBack: upload(photo, 'b.png'), selfie: upload(photo, 'c.png') } };
            expect((await intakeClient(server.url, 'customer-app-key-000000000003').submit('verification', form)).status).toBe(401);
            const created = await intakeClient(server.url, 'customer-app-key-000000000002').submit('verification', form);
            expect(created.status).toBe(201);
            const client = apiClient(server.url);
            const { body: whole } = await client.call('GET', `/verifications/${created.body.id}`, { token: await client.login('supervisor1') });
            const path = new URL(whole.documents.selfie).pathname.replace(/^\/api\//, '');
            expect(whole.documents.selfie).toBe(`${server.url}/${signDocumentPath(secret, path, 'u-supervisor1', at)}`);
            expect(readdirSync(join(dataDir, 'documents')).sort()).toEqual(Object.values(whole.documents).map(url => new URL(url as string).pathname.split('/').pop()).sort());
        } finally {
            await server.close();
            rmSync(dataDir, { recursive: true, force: true });
        }
    });

    it('SEED_DEMO and SEED_DEMO_SIZE: the demo accounts and that many requests, into an empty database only', async () => {
        const empty = await openPglite({ loadDataDir: loadTemplate(inject('emptyDatabaseTemplate')) });
        try {
            const unseeded = await serverWith({}, undefined, empty);
            try {
                expect((await apiClient(unseeded.url).call('POST', '/auth/login', { body: { username: 'operator1', password: 'demo' } })).status).toBe(401);
            } finally {
                await unseeded.close();
            }
            const seeded = await serverWith({ SEED_DEMO: '1', SEED_DEMO_SIZE: '40' }, undefined, empty);
            try {
                const api = apiClient(seeded.url);
                const token = await api.login('supervisor1');
                const total = async (path: string) => Number((await api.list(path, { range: [0, 0] }, token)).headers.get('content-range')!.split('/')[1]);
                // The mock's demo of that size (resubmissions come on top of the size).
                const { state } = createDb({ size: 40 });
                expect(await total('/verifications') + await total('/cancellations')).toBe(state.verifications.length + state.cancellations.length);
                expect(await total('/verifications')).toBeLessThan(60);
            } finally {
                await seeded.close();
            }
            // Seeding again into a database that holds data changes nothing.
            const again = await serverWith({ SEED_DEMO: '1', SEED_DEMO_SIZE: '300' }, undefined, empty);
            await again.close();
            expect((await empty.query<{ n: number }>('SELECT count(*)::int AS n FROM requests'))[0]!.n).toBe(createDb({ size: 40 }).state.verifications.length + createDb({ size: 40 }).state.cancellations.length);
        } finally {
            await empty.close();
        }
    });

    it('API_FOUR_EYES_THRESHOLD_IDR: which refunds need a second approval', async () => {
        const outcome = async (threshold: string, nth: number) => {
            const server = await serverWith({ API_FOUR_EYES_THRESHOLD_IDR: threshold });
            try {
                const api = apiClient(server.url);
                const token = await api.login('operator1');
                const ready = (await api.list('/cancellations', { filter: { status: 'pending', readyToApprove: true }, sort: ['id', 'ASC'], range: [0, 99] }, token)).body;
                const refund = ready.filter(record => record.account.refundRequested && record.account.balance > 0)[nth];
                const claimed = await api.call('POST', `/cancellations/${refund.id}/claim`, { token });
                return (await api.call('POST', `/cancellations/${refund.id}/approve`, { token, body: { version: claimed.body.version } })).body.status;
            } finally {
                await server.close();
            }
        };
        expect(await outcome('0', 0)).toBe('awaiting_second_approval');
        expect(await outcome(String(Number.MAX_SAFE_INTEGER), 0)).toBe('approved');
    });

    it('API_TOKEN_TTL_MINUTES: how long a token works', async () => {
        const clock = { now: new Date() };
        const server = await serverWith({ API_TOKEN_TTL_MINUTES: '5' }, () => clock.now);
        try {
            const api = apiClient(server.url);
            const token = await api.login('operator1');
            clock.now = new Date(clock.now.getTime() + 4 * 60_000);
            expect((await api.call('GET', '/reasons', { token })).status).toBe(200);
            clock.now = new Date(clock.now.getTime() + 60_000);
            expect((await api.call('GET', '/reasons', { token })).status).toBe(401);
        } finally {
            await server.close();
        }
    });

    it('API_CLAIM_LIFETIME_MINUTES: how soon an untouched claim lapses and another operator may take it', async () => {
        const clock = { now: new Date() };
        const server = await serverWith({ API_CLAIM_LIFETIME_MINUTES: '5' }, () => clock.now);
        try {
            const api = apiClient(server.url);
            const [first, second] = [await api.login('operator1'), await api.login('operator2')];
            const claimed = await api.call('POST', '/verifications/claim-next', { token: first, body: {} });
            expect(Date.parse(claimed.body.claimExpiresAt) - clock.now.getTime()).toBe(5 * 60_000);
            clock.now = new Date(clock.now.getTime() + 4 * 60_000);
            expect((await api.call('POST', `/verifications/${claimed.body.id}/claim`, { token: second })).status).toBe(409);
            clock.now = new Date(clock.now.getTime() + 60_000);
            expect((await api.call('POST', `/verifications/${claimed.body.id}/claim`, { token: second })).body).toMatchObject({ status: 'in_review', assignee: 'u-operator2' });
        } finally {
            await server.close();
        }
    });

    it('API_SLA_BUSINESS_DAYS and API_HOLIDAYS: when a new request is due', async () => {
        const empty = await openPglite({ loadDataDir: loadTemplate(inject('emptyDatabaseTemplate')) });
        // Every weekday of the seed's weeks is a holiday, but one: the due times move past them.
        const now = new Date();
        const holidays = Array.from({ length: 40 }, (_, i) => new Date(now.getTime() - (i - 10) * 86_400_000).toISOString().slice(0, 10));
        const calendar = { ...DEFAULT_SLA, businessDays: 2, holidays: new Set(holidays) };
        try {
            const server = await serverWith({ SEED_DEMO: '1', SEED_DEMO_SIZE: '20', API_SLA_BUSINESS_DAYS: '2', API_HOLIDAYS: holidays.join(',') }, () => now, empty);
            try {
                const api = apiClient(server.url);
                const { body } = await api.list('/verifications', { range: [0, 99] }, await api.login('supervisor1'));
                for (const record of body) expect(record.dueAt, record.id).toBe(dueAt(new Date(record.submittedAt), calendar).toISOString());
                expect(body.filter(record => record.dueAt !== dueAt(new Date(record.submittedAt), DEFAULT_SLA).toISOString())).toHaveLength(body.length);
            } finally {
                await server.close();
            }
        } finally {
            await empty.close();
        }
    });

    describe('login throttling', () => {
        // Each test on its own day in the past, later and later: the failures of one never count in another's window.
        const daysAgo = (days: number) => ({ now: new Date(Date.now() - days * 86_400_000) });
        const failed = (api: ReturnType<typeof apiClient>, username: string, headers: Record<string, string> = {}) =>
            api.call('POST', '/auth/login', { body: { username, password: 'wrong' }, headers });

        it('API_LOGIN_MAX_FAILURES_PER_ACCOUNT and API_LOGIN_WINDOW_MINUTES: how many failures lock a username, and for how long', async () => {
            const clock = daysAgo(30);
            const server = await serverWith({ API_LOGIN_MAX_FAILURES_PER_ACCOUNT: '2', API_LOGIN_WINDOW_MINUTES: '1' }, () => clock.now);
            try {
                const api = apiClient(server.url);
                expect((await failed(api, 'operator1')).status).toBe(401);
                expect((await failed(api, 'operator1')).status).toBe(401);
                const refused = await failed(api, 'operator1');
                expect(refused.status).toBe(429);
                expect(Number(refused.headers.get('Retry-After'))).toBe(60);
                clock.now = new Date(clock.now.getTime() + 60_000);
                expect((await api.call('POST', '/auth/login', { body: { username: 'operator1', password: 'demo' } })).status).toBe(200);
            } finally {
                await server.close();
            }
        });

        it('API_LOGIN_MAX_FAILURES_PER_ADDRESS and API_TRUST_PROXY: the address is the socket\'s, or behind a trusted proxy the last X-Forwarded-For hop', async () => {
            const direct = daysAgo(20);
            let server = await serverWith({ API_LOGIN_MAX_FAILURES_PER_ADDRESS: '3' }, () => direct.now);
            try {
                const api = apiClient(server.url);
                // Not trusted: a client cannot pick its own address with the header.
                for (const hop of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) expect((await failed(api, `guess-${hop}`, { 'X-Forwarded-For': hop })).status).toBe(401);
                expect((await failed(api, 'guess-4', { 'X-Forwarded-For': '10.0.0.4' })).status).toBe(429);
            } finally {
                await server.close();
            }
            const proxied = daysAgo(10);
            server = await serverWith({ API_LOGIN_MAX_FAILURES_PER_ADDRESS: '3', API_TRUST_PROXY: '1' }, () => proxied.now);
            try {
                const api = apiClient(server.url);
                const from = (address: string) => ({ 'X-Forwarded-For': `203.0.113.9, ${address}` });
                for (let i = 0; i < 3; i += 1) expect((await failed(api, `guess-${i}`, from('10.0.0.1'))).status).toBe(401);
                expect((await failed(api, 'guess-9', from('10.0.0.1'))).status).toBe(429);
                expect((await api.call('POST', '/auth/login', { body: { username: 'supervisor1', password: 'demo' }, headers: from('10.0.0.2') })).status).toBe(200);
            } finally {
                await server.close();
            }
        });
    });

    // DATA_DIR: tests/server/dataDir.test.ts (the server opens and keeps its data there); DATABASE_URL and
    // DATABASE_POOL_SIZE: tests/server/race.test.ts (on a real PostgreSQL).
});
