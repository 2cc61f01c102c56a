// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DataDirLocked, lockDataDir } from '../../server/node/dataDirLock';
import { startReviewServer } from '../../server/reviewServer';
import { apiClient } from '../contract/apiClient';
import { dataDirFromTemplate, startServerProcess } from './serverProcess';
import { testConfig } from './template';

// The embedded database's data folder: one server process at a time (PGlite has no lock between processes), and whatever
// the server acknowledged is still there after a restart.

let dir: string;
beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'review-server-data-'));
    await dataDirFromTemplate(dir, inject('reviewServerTemplate'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the data folder lock', () => {
    it('a second server process on the same data folder refuses to start and says why; the first keeps serving', async () => {
        const first = await startServerProcess({ DATA_DIR: dir });
        try {
            const second = await startServerProcess({ DATA_DIR: dir }).catch((error: { code: number; output: string }) => error);
            expect(second).toMatchObject({ code: 1, output: expect.stringMatching(/in use by another review server \(pid \d+\).*cannot be shared by two processes/s) });
            expect((await apiClient(first.url).call('POST', '/auth/login', { body: { username: 'operator1', password: 'demo' } })).status).toBe(200);
        } finally {
            await first.kill();
        }
    });

    it('a lock left by a process that is gone is taken over', () => {
        const stale = mkdtempSync(join(tmpdir(), 'review-server-lock-'));
        try {
            // A pid that no process has (above the kernel's pid_max).
            writeFileSync(join(stale, 'review-server.lock'), '99999999\n');
            const unlock = lockDataDir(stale);
            expect(() => lockDataDir(stale)).not.toThrow(); // its own pid: the same process may reopen
            unlock();
            const again = lockDataDir(stale);
            again();
        } finally {
            rmSync(stale, { recursive: true, force: true });
        }
    });

    it('a lock held by a live process is refused', () => {
        const held = mkdtempSync(join(tmpdir(), 'review-server-lock-'));
        try {
            writeFileSync(join(held, 'review-server.lock'), `${process.ppid}\n`);
            expect(() => lockDataDir(held)).toThrow(DataDirLocked);
        } finally {
            rmSync(held, { recursive: true, force: true });
        }
    });
});

describe('a restart', () => {
    it('keeps every decision, its audit entries and the sessions', async () => {
        // DATA_DIR: the server opens the data prepared in that folder, and keeps what it writes there.
        const config = testConfig({ dataDir: dir });
        const first = await startReviewServer(config);
        const api = apiClient(first.url);
        const token = await api.login('operator1');
        const claimed = await api.call('POST', '/verifications/claim-next', { token, body: {} });
        expect(claimed.status).toBe(200);
        const approved = await api.call('POST', `/verifications/${claimed.body.id}/approve`, { token, body: { version: claimed.body.version, note: 'kept' } });
        expect(approved.status).toBe(200);
        const trail = (await api.list('/audit', { filter: { requestId: claimed.body.id } }, token)).body;
        await first.close();

        const second = await startReviewServer(config);
        try {
            const again = apiClient(second.url);
            // The token was issued before the restart: sessions are kept too.
            const record = await again.call('GET', `/verifications/${claimed.body.id}`, { token });
            expect(record.status).toBe(200);
            expect(record.body).toMatchObject({ status: 'approved', decidedBy: 'u-operator1', version: approved.body.version, decision: { note: 'kept' } });
            expect((await again.list('/audit', { filter: { requestId: claimed.body.id } }, token)).body).toEqual(trail);
        } finally {
            await second.close();
        }
    });
});
