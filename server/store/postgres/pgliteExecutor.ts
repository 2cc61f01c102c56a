import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Executor, Queryable, Row } from './executor';

// Embedded PostgreSQL (WebAssembly) in this process: one connection, so its transactions run one at a time. It has no
// lock between processes: server/node/dataDirLock.ts keeps a second server off its data folder.

export interface PgliteOptions {
    /** The data folder; absent: in memory. */
    dataDir?: string;
    /** A dump (PGlite dumpDataDir) to start from: a prepared template instead of migrating and seeding again. */
    loadDataDir?: Blob | File;
}

export async function openPglite(options: PgliteOptions = {}): Promise<Executor & { db: PGlite }> {
    const db = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, extensions: { pg_trgm } });
    const on = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
        query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => (await target.query<T>(sql, [...params])).rows,
        exec: async sql => void (await target.exec(sql)),
    });
    return {
        db,
        ...on(db),
        transaction: work => db.transaction(tx => work(on(tx))),
        close: () => db.close(),
    };
}
