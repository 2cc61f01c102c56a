import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SLA } from '../../src/domain/sla';
import { hashPassword } from '../../server/accounts/passwords';
import { loadConfig, type ServerConfig } from '../../server/config/config';
import { seedDemo } from '../../server/store/postgres/demoSeed';
import { migrate } from '../../server/store/postgres/migrate';
import { openPglite } from '../../server/store/postgres/pgliteExecutor';
import { startReviewServer, type ReviewServerOptions } from '../../server/reviewServer';

// The review server's tests start from a prepared database: migrated and seeded with the demo once per test run
// (globalSetup), dumped, and loaded by each test that needs a fresh one, instead of migrating and seeding every time.

/** Migrates and seeds an embedded database in memory (the demo at `size`, default seed) and writes its dump to a file. */
export async function writeTemplate(now: Date, size = 300): Promise<{ path: string; emptyPath: string; remove(): void }> {
    const db = await openPglite();
    const dir = mkdtempSync(join(tmpdir(), 'review-server-template-'));
    const write = async (name: string) => {
        const path = join(dir, name);
        writeFileSync(path, Buffer.from(await (await db.db.dumpDataDir('none')).arrayBuffer()));
        return path;
    };
    try {
        // Also a database before any migration: creating one (initdb) is most of the cost.
        const emptyPath = await write('empty.tar');
        await migrate(db);
        await seedDemo(db, { size, now, sla: DEFAULT_SLA, hashPassword });
        return { path: await write('template.tar'), emptyPath, remove: () => rmSync(dir, { recursive: true, force: true }) };
    } finally {
        await db.close();
    }
}

export const loadTemplate = (path: string) => new Blob([readFileSync(path)]);

/** The origin the contract suite's console calls from (CORS, docs/api.md §4). */
export const TEST_CONSOLE_ORIGIN = 'http://console.example';

/** The server's defaults, on a port the system picks, allowing the contract suite's console origin. */
export const testConfig = (overrides: Partial<ServerConfig> = {}): ServerConfig => {
    const defaults = loadConfig({});
    return { ...defaults, port: 0, http: { ...defaults.http, allowedOrigins: [TEST_CONSOLE_ORIGIN] }, ...overrides };
};

/** A review server on a fresh copy of the template, in memory, on `now`. */
export const serverOnTemplate = (path: string, now?: () => Date, overrides: Partial<ServerConfig> = {}, options: Pick<ReviewServerOptions, 'noticeTransport'> = {}) =>
    // No sending loop: a test sends the outbox itself (server.notices.runOnce()), on its clock, through its transport.
    startReviewServer(testConfig(overrides), { loadDataDir: loadTemplate(path), now, sendNotices: false, ...options });
