import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Executor } from './executor';

// Schema migrations: the numbered .sql files of ./migrations, applied in order at start, each recorded once in
// schema_migrations. Several server processes may start at once on one PostgreSQL: an advisory lock makes them take turns,
// and the whole run is one transaction (PostgreSQL's DDL is transactional), so a crash leaves the schema as it was.

const MIGRATIONS_DIR = resolve(import.meta.dirname, 'migrations');
/** pg_advisory_xact_lock key: "review server migrations". */
const MIGRATION_LOCK = 741_852_963;

export interface Migration {
    version: number;
    name: string;
    sql: string;
}

export function migrationFiles(dir = MIGRATIONS_DIR): Migration[] {
    return readdirSync(dir)
        .filter(file => /^\d+_[\w-]+\.sql$/.test(file))
        .map(file => ({ version: Number(file.split('_')[0]), name: file, sql: readFileSync(resolve(dir, file), 'utf8') }))
        .sort((a, b) => a.version - b.version);
}

/** Applies the migrations not yet recorded; answers the versions applied now. */
export async function migrate(db: Executor, migrations: readonly Migration[] = migrationFiles()): Promise<number[]> {
    return db.transaction(async tx => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
        const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map(row => Number(row.version)));
        const applied: number[] = [];
        for (const migration of migrations) {
            if (done.has(migration.version)) continue;
            await tx.exec(migration.sql);
            await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
            applied.push(migration.version);
        }
        return applied;
    });
}
