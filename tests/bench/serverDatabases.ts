import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_PASSWORD } from '../../mocks/seed/seed';
import { hashPassword } from '../../server/accounts/passwords';
import type { Executor } from '../../server/store/postgres/executor';
import { migrate, migrationFiles } from '../../server/store/postgres/migrate';
import { openPg } from '../../server/store/postgres/pgExecutor';
import { openPglite } from '../../server/store/postgres/pgliteExecutor';
import { seedAtSize } from '../../server/store/postgres/seedAtSize';
import { DEFAULT_SLA, reviewDay } from '../../src/domain/sla';
import { ROOT } from './config';

// The review server's databases of the server-scale phase, seeded by SQL (server/store/postgres/seedAtSize.ts). A large one
// is kept between runs (embedded: a data folder under .data/bench; real: a database of its own), keyed by the schema: a
// new migration or a new seed makes a new one. A small one is seeded again every run (a second or two).

export const CACHE_DIR = resolve(ROOT, '.data/bench');

export type Backend = 'pglite' | 'postgres';

export interface BenchDatabase {
    backend: Backend;
    size: number;
    /** Where the review server finds it: DATA_DIR or DATABASE_URL. */
    env: { DATA_DIR: string } | { DATABASE_URL: string };
    /** Seconds the seed took (this run or the run that made the cached copy). */
    seedS: number;
    cached: boolean;
    open(): Promise<Executor>;
}

/** Migrations and the seed's own code: what makes a cached database out of date. */
export function schemaKey(): string {
    const hash = createHash('sha256');
    for (const migration of migrationFiles()) hash.update(migration.name).update(migration.sql);
    for (const file of ['seedAtSize.ts', 'seedNames.ts']) hash.update(readFileSync(resolve(ROOT, 'server/store/postgres', file)));
    return hash.digest('hex').slice(0, 12);
}

interface Marker {
    size: number;
    key: string;
    seedS: number;
    seededAt: string;
}

async function seedInto(db: Executor, size: number, operators: number, log: (m: string) => void): Promise<number> {
    await migrate(db);
    const report = await seedAtSize(db, { size, operators, now: new Date(), sla: DEFAULT_SLA, passwordHash: await hashPassword(DEMO_PASSWORD) });
    log(`  seeded ${report.requests} requests and ${report.auditEntries} audit entries in ${(report.ms / 1000).toFixed(1)} s`);
    return report.ms / 1000;
}

/**
 * A cached database seeded on an earlier day would have the server recompute every verification's failed checks on its
 * first request (refreshDerived: a daily pass over all of them, minutes at a million; a known limit, not what this phase
 * times): the bench marks the checks as of today instead, and says so.
 */
async function markChecksToday(db: Executor, log: (m: string) => void) {
    const today = reviewDay(new Date(), DEFAULT_SLA);
    const [row] = await db.query<{ value: string }>(`SELECT value FROM derived WHERE name = 'checks_day'`);
    if (row?.value === today) return;
    await db.query(`UPDATE derived SET value = $1 WHERE name = 'checks_day'`, [today]);
    log(`  seeded on ${row?.value ?? '?'}: failed checks marked as of ${today} without the server's daily recomputation`);
}

/** An embedded database of `size` requests in a data folder: the cached one when `keep` and it is up to date. */
export async function pgliteDatabase(size: number, operators: number, keep: boolean, log: (m: string) => void): Promise<BenchDatabase> {
    const key = schemaKey();
    const dir = join(CACHE_DIR, keep ? `pglite-${size}-${key}` : `pglite-${size}-fresh`);
    const markerPath = `${dir}.json`;
    mkdirSync(CACHE_DIR, { recursive: true });
    const marker = existsSync(markerPath) ? (JSON.parse(readFileSync(markerPath, 'utf8')) as Marker) : null;
    const open = () => openPglite({ dataDir: dir });
    if (keep && marker && marker.key === key && marker.size === size && existsSync(dir)) {
        log(`  embedded ${size}: cached in ${dir} (seeded ${marker.seededAt} in ${marker.seedS.toFixed(1)} s)`);
        const db = await open();
        await markChecksToday(db, log).finally(() => db.close());
        return { backend: 'pglite', size, env: { DATA_DIR: dir }, seedS: marker.seedS, cached: true, open };
    }
    // Out-of-date copies of this size go too (GBs each).
    for (const stale of readdirSync(CACHE_DIR, { withFileTypes: true }).filter(entry => entry.name.startsWith(`pglite-${size}-`))) {
        rmSync(join(CACHE_DIR, stale.name), { recursive: true, force: true });
    }
    mkdirSync(dir, { recursive: true });
    log(`  embedded ${size}: seeding into ${dir}`);
    const db = await open();
    let seedS: number;
    try {
        seedS = await seedInto(db, size, operators, log);
    } finally {
        await db.close();
    }
    writeFileSync(markerPath, JSON.stringify({ size, key, seedS, seededAt: new Date().toISOString() } satisfies Marker));
    return { backend: 'pglite', size, env: { DATA_DIR: dir }, seedS, cached: false, open };
}

/** A database of `size` requests on the real PostgreSQL at `adminUrl`: bench_<size>_<key>, kept between runs when `keep`. */
export async function postgresDatabase(adminUrl: string, size: number, operators: number, keep: boolean, log: (m: string) => void): Promise<BenchDatabase> {
    const key = schemaKey();
    const name = keep ? `bench_${size}_${key}` : `bench_${size}_fresh`;
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const open = async () => openPg({ connectionString: databaseUrl, poolSize: 4 });
    const admin = openPg({ connectionString: adminUrl, poolSize: 1 });
    try {
        const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
        if (keep && exists) {
            const db = await open();
            try {
                const [marker] = await db.query<{ value: string }>(`SELECT value FROM derived WHERE name = 'bench_seed'`).catch(() => []);
                const parsed = marker ? (JSON.parse(marker.value) as Marker) : null;
                if (parsed && parsed.key === key && parsed.size === size) {
                    log(`  PostgreSQL ${size}: cached database ${name} (seeded ${parsed.seededAt} in ${parsed.seedS.toFixed(1)} s)`);
                    await markChecksToday(db, log);
                    return { backend: 'postgres', size, env: { DATABASE_URL: databaseUrl }, seedS: parsed.seedS, cached: true, open };
                }
            } finally {
                await db.close();
            }
        }
        // Names come from numbers and a hex digest only: safe to write into the statement. Out-of-date copies of this size go too.
        const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`bench\\_${size}\\_%`]);
        for (const { datname } of stale) if (/^bench_\d+_[\w]+$/.test(datname)) await admin.exec(`DROP DATABASE IF EXISTS ${datname}`);
        await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
        await admin.exec(`CREATE DATABASE ${name}`);
    } finally {
        await admin.close();
    }
    log(`  PostgreSQL ${size}: seeding database ${name}`);
    const db = await open();
    try {
        const seedS = await seedInto(db, size, operators, log);
        const marker: Marker = { size, key, seedS, seededAt: new Date().toISOString() };
        await db.query(`INSERT INTO derived (name, value) VALUES ('bench_seed', $1)`, [JSON.stringify(marker)]);
        return { backend: 'postgres', size, env: { DATABASE_URL: databaseUrl }, seedS, cached: false, open };
    } finally {
        await db.close();
    }
}
