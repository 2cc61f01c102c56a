import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SLA } from '../../src/domain/sla';
import { hashPassword } from '../../server/accounts/passwords';
import { loadConfig, type ServerConfig } from '../../server/config/config';
import { seedDemo } from '../../server/store/postgres/demoSeed';
import { migrate } from '../../server/store/postgres/migrate';
import { openPglite } from '../../server/store/postgres/pgliteExecutor';
import { startReviewServer } from '../../server/reviewServer';

// The review server's tests start from a prepared database: migrated and seeded with the demo once per test run
// (globalSetup), dumped, and loaded by each test that needs a fresh one, instead of migrating and seeding every time.

/** Migrates and seeds an embedded database in memory (the demo at `size`, default seed) and writes its dump to a file. */
export async function writeTemplate(now: Date, size = 300): Promise<{ path: string; remove(): void }> {
    const db = await openPglite();
    try {
        await migrate(db);
        await seedDemo(db, { size, now, sla: DEFAULT_SLA, hashPassword });
        const dump = await db.db.dumpDataDir('none');
        const dir = mkdtempSync(join(tmpdir(), 'review-server-template-'));
        const path = join(dir, 'template.tar');
        writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
        return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
    } finally {
        await db.close();
    }
}

export const loadTemplate = (path: string) => new Blob([readFileSync(path)]);

/** The server's defaults, on a port the system picks. */
export const testConfig = (overrides: Partial<ServerConfig> = {}): ServerConfig => ({ ...loadConfig({}), port: 0, ...overrides });

/** A review server on a fresh copy of the template, in memory, on `now`. */
export const serverOnTemplate = (path: string, now?: () => Date, overrides: Partial<ServerConfig> = {}) =>
    startReviewServer(testConfig(overrides), { loadDataDir: loadTemplate(path), now });
