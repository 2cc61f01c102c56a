// @vitest-environment node
/* eslint-disable @typescript-eslint/no-explicit-any -- the API's answers are arbitrary JSON */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Notice } from '../../src/domain/types';
import { loadConfig } from '../../server/config/config';
import { fileTransport, noticeFileName } from '../../server/notices/fileTransport';
import { createNoticeSender, retryDelayMs, type NoticeTransport } from '../../server/notices/sender';
import { startReviewServer, type ReviewServer } from '../../server/reviewServer';
import type { Executor } from '../../server/store/postgres/executor';
import { openPglite } from '../../server/store/postgres/pgliteExecutor';
import { apiClient } from '../contract/apiClient';
import { loadTemplate } from './template';

// The outbox's sender (server/notices/sender.ts) on the review server: retries with exponential backoff on the server's
// clock, `failed` with the reason after the last attempt, never a notice lost or sent twice (a crashed sender's notice is
// sent again once its claim runs out, and its file is replaced, not added). Settings: API_NOTICE_* (README).

const SECOND = 1000;

/** A transport that records what it sent and fails while `failing` says so. */
function flakyTransport() {
    const sent: Notice[] = [];
    const state = { failing: false as false | string };
    const transport: NoticeTransport = {
        async send(notice) {
            if (state.failing) throw new Error(state.failing);
            sent.push(notice);
        },
    };
    return { transport, sent, state };
}

let db: Executor;
let dir: string;
beforeAll(async () => {
    db = await openPglite({ loadDataDir: loadTemplate(inject('reviewServerTemplate')) });
    dir = mkdtempSync(join(tmpdir(), 'review-outbox-'));
});
afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
});

const clock = { now: new Date('2026-11-23T03:00:00.000Z') };
const advance = (ms: number) => { clock.now = new Date(clock.now.getTime() + ms); };

async function serverWith(env: Record<string, string>, transport?: NoticeTransport, sendNotices = false): Promise<ReviewServer> {
    return startReviewServer(loadConfig({ API_PORT: '0', DATA_DIR: dir, ...env }), { db, now: () => clock.now, noticeTransport: transport, sendNotices });
}

const taken = new Set<string>();
/** Rejects a fresh pending verification as operator1: two notices queued. */
async function decided(server: ReviewServer) {
    const api = apiClient(server.url);
    const token = await api.login('operator1');
    const { body } = await api.list('/verifications', { filter: { status: 'pending' }, range: [0, 199], sort: ['id', 'ASC'] }, token);
    const record = body.find((r: any) => !taken.has(r.id));
    taken.add(record.id);
    const claimed = await api.call('POST', `/verifications/${record.id}/claim`, { token });
    expect((await api.call('POST', `/verifications/${record.id}/reject`, { token, body: { version: claimed.body.version, reasons: ['photo_unclear'] } })).status).toBe(200);
    return record.id as string;
}
async function noticesOf(server: ReviewServer, requestId: string): Promise<Notice[]> {
    const api = apiClient(server.url);
    return (await api.list('/notices', { filter: { requestId }, sort: ['id', 'ASC'] }, await api.login('supervisor1'))).body;
}
/** Sends what is due now, until nothing is (earlier tests' notices included). */
async function drain(server: ReviewServer) {
    for (let run = await server.notices.runOnce(); run.sent + run.retried + run.failed > 0; run = await server.notices.runOnce());
}

describe('delivering the outbox', () => {
    it('sends each notice once and marks it sent at the server\'s time', async () => {
        const { transport, sent } = flakyTransport();
        const server = await serverWith({}, transport);
        try {
            await drain(server);
            sent.length = 0;
            const id = await decided(server);
            const run = await server.notices.runOnce();
            expect(run).toEqual({ sent: 2, retried: 0, failed: 0, lost: 0 });
            expect(sent.map(n => [n.requestId, n.channel])).toEqual([[id, 'email'], [id, 'sms']]);
            expect((await noticesOf(server, id)).map(n => [n.state, n.attempts, n.sentAt, n.nextAttemptAt])).toEqual([
                ['sent', 1, clock.now.toISOString(), null], ['sent', 1, clock.now.toISOString(), null],
            ]);
            expect(await server.notices.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0, lost: 0 });
            expect(sent).toHaveLength(2);
        } finally {
            await server.close();
        }
    });

    it('API_NOTICE_RETRY_SECONDS, API_NOTICE_RETRY_MAX_SECONDS, API_NOTICE_MAX_ATTEMPTS: a failing delivery is retried with exponential backoff, then failed with the reason', async () => {
        const { transport, sent, state } = flakyTransport();
        const server = await serverWith({ API_NOTICE_RETRY_SECONDS: '10', API_NOTICE_RETRY_MAX_SECONDS: '25', API_NOTICE_MAX_ATTEMPTS: '4' }, transport);
        try {
            await drain(server);
            const id = await decided(server);
            state.failing = 'smtp gateway refused: 451';
            const waits: number[] = [];
            for (let attempt = 1; attempt <= 3; attempt += 1) {
                expect(await server.notices.runOnce()).toMatchObject({ retried: 2, failed: 0 });
                const notices = await noticesOf(server, id);
                expect(notices.map(n => [n.state, n.attempts, n.lastError])).toEqual([['queued', attempt, 'smtp gateway refused: 451'], ['queued', attempt, 'smtp gateway refused: 451']]);
                const wait = Date.parse(notices[0]!.nextAttemptAt!) - clock.now.getTime();
                waits.push(wait);
                // Not before it is due.
                advance(wait - 1);
                expect(await server.notices.runOnce()).toMatchObject({ sent: 0, retried: 0 });
                advance(1);
            }
            // 10 s, 20 s, then the 25 s cap.
            expect(waits).toEqual([10 * SECOND, 20 * SECOND, 25 * SECOND]);
            expect(await server.notices.runOnce()).toMatchObject({ failed: 2 });
            expect((await noticesOf(server, id)).map(n => [n.state, n.attempts, n.nextAttemptAt, n.lastError])).toEqual([
                ['failed', 4, null, 'smtp gateway refused: 451'], ['failed', 4, null, 'smtp gateway refused: 451'],
            ]);
            // Failed for good: never tried again, never sent.
            state.failing = false;
            advance(24 * 3600 * SECOND);
            await drain(server);
            expect(sent.filter(n => n.requestId === id)).toEqual([]);

            // The supervisor's filter finds it, on both queues' rules.
            const api = apiClient(server.url);
            const supervisor = await api.login('supervisor1');
            const failed = await api.list('/verifications', { filter: { noticeFailed: true }, range: [0, 99] }, supervisor);
            expect(failed.body.map((r: any) => r.id)).toEqual([id]);
            const fine = await api.list('/verifications', { filter: { noticeFailed: false, status: 'rejected' }, range: [0, 999] }, supervisor);
            expect(fine.body.some((r: any) => r.id === id)).toBe(false);
            expect(fine.body.length).toBeGreaterThan(0);
            expect((await api.list('/cancellations', { filter: { noticeFailed: true }, range: [0, 99] }, supervisor)).body).toEqual([]);
        } finally {
            await server.close();
        }
    });

    it('API_NOTICE_CLAIM_SECONDS: a sender that died mid-send leaves its notice claimed; once the claim runs out it is sent again and its file replaced, not doubled', async () => {
        const outbox = join(dir, 'crash');
        const files = fileTransport(outbox);
        // The first sender writes the file, then "dies": its send never returns.
        let dying = true;
        const hang = new Promise<void>(() => undefined);
        const crashing: NoticeTransport = { async send(notice) { await files.send(notice); if (dying) await hang; } };
        const server = await serverWith({ API_NOTICE_CLAIM_SECONDS: '30' }, crashing);
        try {
            dying = false;
            await drain(server);
            dying = true;
            const id = await decided(server);
            void server.notices.runOnce();
            await vi.waitFor(async () => expect((await noticesOf(server, id)).map(n => n.state)).toEqual(['sending', 'sending']));
            const claimed = await noticesOf(server, id);
            expect(Date.parse(claimed[0]!.nextAttemptAt!) - clock.now.getTime()).toBe(30 * SECOND);

            // Another sender (the restarted server) on the same database: nothing while the claim runs.
            const restarted = createNoticeSender({ store: server.store, now: () => clock.now, transport: files, settings: loadConfig({ API_NOTICE_CLAIM_SECONDS: '30' }).notices });
            advance(29 * SECOND);
            expect(await restarted.runOnce()).toMatchObject({ sent: 0 });
            advance(SECOND);
            expect(await restarted.runOnce()).toMatchObject({ sent: 2 });
            const notices = await noticesOf(server, id);
            expect(notices.map(n => [n.state, n.attempts])).toEqual([['sent', 2], ['sent', 2]]);
            // One file per notice, named by its id: the second send replaced the first.
            expect(readdirSync(outbox).filter(name => notices.some(n => name.startsWith(`${n.id}.`))).sort()).toEqual(notices.map(noticeFileName).sort());
            expect(readdirSync(outbox).filter(name => name.endsWith('.partial'))).toEqual([]);
        } finally {
            await server.close().catch(() => undefined);
        }
    });

    it('two senders at once send each notice once', async () => {
        const { transport, sent } = flakyTransport();
        const server = await serverWith({}, transport);
        try {
            await drain(server);
            sent.length = 0;
            const ids = [await decided(server), await decided(server)];
            const other = createNoticeSender({ store: server.store, now: () => clock.now, transport, settings: loadConfig({}).notices });
            const runs = await Promise.all([server.notices.runOnce(), other.runOnce(), server.notices.runOnce()]);
            expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(4);
            expect(sent.map(n => n.id).sort()).toEqual((await Promise.all(ids.map(id => noticesOf(server, id)))).flat().map(n => n.id).sort());
        } finally {
            await server.close();
        }
    });

    it('API_NOTICE_INTERVAL_SECONDS: the server\'s own loop delivers, by default to a file per notice under $DATA_DIR/outbox/', async () => {
        const server = await serverWith({ API_NOTICE_INTERVAL_SECONDS: '1' }, undefined, true);
        try {
            const id = await decided(server);
            const [email, sms] = await noticesOf(server, id);
            const path = (notice: Notice) => join(dir, 'outbox', noticeFileName(notice));
            await vi.waitFor(() => expect(existsSync(path(email!)) && existsSync(path(sms!))).toBe(true), { timeout: 10 * SECOND, interval: 100 });
            const text = readFileSync(path(email!), 'utf8');
            expect(text).toContain(`To: ${email!.to}`);
            expect(text).toContain(`Subject: ${email!.subject}`);
            expect(text).toContain(email!.body);
            expect(readFileSync(path(sms!), 'utf8')).toContain(sms!.body);
            await vi.waitFor(async () => expect((await noticesOf(server, id)).map(n => n.state)).toEqual(['sent', 'sent']), { timeout: 10 * SECOND, interval: 100 });
        } finally {
            await server.close();
        }
    });
});

describe('the backoff', () => {
    it('doubles from the base after each failed attempt, up to the cap', () => {
        const settings = { retryBaseMs: 60 * SECOND, retryMaxMs: 3600 * SECOND };
        expect([1, 2, 3, 4, 5, 6, 7, 8].map(n => retryDelayMs(n, settings) / SECOND)).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
    });
});
