import type { SlaCalendar } from '../src/domain/sla';
import { hashPassword } from './accounts/passwords';
import type { ServerConfig } from './config/config';
import type { Executor } from './store/postgres/executor';
import { seedDemo } from './store/postgres/demoSeed';
import { migrate } from './store/postgres/migrate';
import { openPg } from './store/postgres/pgExecutor';
import { openPglite } from './store/postgres/pgliteExecutor';

// Opens the review server's database: a real PostgreSQL when DATABASE_URL is set, else the embedded one in DATA_DIR; then
// brings its schema up to date and, with SEED_DEMO, seeds an empty one.

export interface DatabaseOptions {
    /** In tests: an embedded database from a prepared dump (migrated and seeded once) instead of DATA_DIR. */
    loadDataDir?: Blob;
    /** In tests: an embedded database in memory. */
    inMemory?: boolean;
    now: Date;
    sla: SlaCalendar;
}

export async function openDatabase(config: ServerConfig, options: DatabaseOptions): Promise<Executor> {
    const db = config.databaseUrl
        ? openPg({ connectionString: config.databaseUrl, poolSize: config.poolSize })
        : await openPglite({ dataDir: options.inMemory || options.loadDataDir ? undefined : config.dataDir, loadDataDir: options.loadDataDir });
    try {
        await prepareDatabase(db, config, options);
        return db;
    } catch (error) {
        await db.close();
        throw error;
    }
}

/** Brings the schema up to date and, with SEED_DEMO, seeds an empty database. */
export async function prepareDatabase(db: Executor, config: ServerConfig, options: Pick<DatabaseOptions, 'now' | 'sla'>): Promise<void> {
    await migrate(db);
    if (config.seedDemo) {
        await seedDemo(db, { size: config.seedDemoSize, now: options.now, sla: options.sla, fourEyesThresholdIdr: config.fourEyesThresholdIdr, hashPassword });
    }
}
