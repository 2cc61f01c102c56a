// @vitest-environment node
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../mocks/db';
import { ConfigError, loadConfig } from '../../server/config/config';
import { startReviewServer } from '../../server/reviewServer';
import { apiClient } from '../contract/apiClient';
import { loadTemplate, serverOnTemplate } from './template';

// The review server's settings (server/config/config.ts): each one changes what the server does, and a wrong value stops
// it with a message that names the variable.

describe('reading the environment', () => {
    it('has defaults for everything', () => {
        expect(loadConfig({})).toEqual({
            port: 8787, host: '127.0.0.1', dataDir: '.data', databaseUrl: null, poolSize: 10, seedDemo: false, seedDemoSize: 300,
            fourEyesThresholdIdr: 500_000, tokenTtlMinutes: 480,
        });
    });

    it('takes every setting', () => {
        expect(loadConfig({
            API_PORT: '9000', API_HOST: '0.0.0.0', DATA_DIR: '/var/lib/review', DATABASE_URL: 'postgres://app@db:5432/review', DATABASE_POOL_SIZE: '4',
            SEED_DEMO: '1', SEED_DEMO_SIZE: '1000', API_FOUR_EYES_THRESHOLD_IDR: '0', API_TOKEN_TTL_MINUTES: '30',
        })).toEqual({
            port: 9000, host: '0.0.0.0', dataDir: '/var/lib/review', databaseUrl: 'postgres://app@db:5432/review', poolSize: 4, seedDemo: true,
            seedDemoSize: 1000, fourEyesThresholdIdr: 0, tokenTtlMinutes: 30,
        });
    });

    it.each([
        ['API_PORT', '80a'], ['API_PORT', '70000'], ['DATABASE_URL', 'mysql://x@y/z'], ['DATABASE_URL', 'not a url'], ['DATABASE_POOL_SIZE', '0'],
        ['SEED_DEMO', 'yes please'], ['SEED_DEMO_SIZE', '-5'], ['API_FOUR_EYES_THRESHOLD_IDR', '1.5'], ['API_TOKEN_TTL_MINUTES', 'forever'],
    ])('refuses %s=%j, naming the variable', (variable, value) => {
        expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
        expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable} `));
    });
});

describe('each setting changes the server', () => {
    it('API_PORT and API_HOST: where it listens', async () => {
        const server = await serverOnTemplate(inject('reviewServerTemplate'), undefined, loadConfig({ API_PORT: '8921', API_HOST: '127.0.0.2' }));
        try {
            expect(server.url).toBe('http://127.0.0.2:8921/api');
            expect((await apiClient(server.url).call('GET', '/openapi.json')).status).toBe(200);
        } finally {
            await server.close();
        }
    });

    it('DATA_DIR: where the embedded database keeps its files', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'review-server-config-'));
        try {
            const server = await startReviewServer(loadConfig({ API_PORT: '0', DATA_DIR: join(dir, 'data') }));
            await server.close();
            expect(existsSync(join(dir, 'data', 'PG_VERSION'))).toBe(true);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('SEED_DEMO and SEED_DEMO_SIZE: the demo accounts and that many requests, into an empty database only', async () => {
        const empty = () => loadTemplate(inject('emptyDatabaseTemplate'));
        const unseeded = await startReviewServer(loadConfig({ API_PORT: '0' }), { loadDataDir: empty() });
        try {
            expect((await apiClient(unseeded.url).call('POST', '/auth/login', { body: { username: 'operator1', password: 'demo' } })).status).toBe(401);
        } finally {
            await unseeded.close();
        }
        const seeded = await startReviewServer(loadConfig({ API_PORT: '0', SEED_DEMO: '1', SEED_DEMO_SIZE: '40' }), { loadDataDir: empty() });
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
    });

    it('API_FOUR_EYES_THRESHOLD_IDR: which refunds need a second approval', async () => {
        const outcome = async (threshold: string) => {
            const server = await serverOnTemplate(inject('reviewServerTemplate'), undefined, loadConfig({ API_PORT: '0', API_FOUR_EYES_THRESHOLD_IDR: threshold }));
            try {
                const api = apiClient(server.url);
                const token = await api.login('operator1');
                const ready = (await api.list('/cancellations', { filter: { status: 'pending', readyToApprove: true }, sort: ['id', 'ASC'], range: [0, 99] }, token)).body;
                const refund = ready.find(record => record.account.refundRequested && record.account.balance > 0);
                const claimed = await api.call('POST', `/cancellations/${refund.id}/claim`, { token });
                return (await api.call('POST', `/cancellations/${refund.id}/approve`, { token, body: { version: claimed.body.version } })).body.status;
            } finally {
                await server.close();
            }
        };
        expect(await outcome('0')).toBe('awaiting_second_approval');
        expect(await outcome(String(Number.MAX_SAFE_INTEGER))).toBe('approved');
    });

    it('API_TOKEN_TTL_MINUTES: how long a token works', async () => {
        const clock = { now: new Date() };
        const server = await serverOnTemplate(inject('reviewServerTemplate'), () => clock.now, loadConfig({ API_PORT: '0', API_TOKEN_TTL_MINUTES: '5' }));
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
});
