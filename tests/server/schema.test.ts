// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Executor } from '../../server/store/postgres/executor';
import { migrate, migrationFiles } from '../../server/store/postgres/migrate';
import { openPglite } from '../../server/store/postgres/pgliteExecutor';
import { loadTemplate } from './template';

// The schema: migrations from an empty database and from the previous version, and an audit trail the database itself
// keeps append-only.

const opened: Executor[] = [];
afterEach(async () => {
    await Promise.all(opened.splice(0).map(db => db.close()));
});
const open = async (loadDataDir?: Blob) => {
    const db = await openPglite({ loadDataDir });
    opened.push(db);
    return db;
};
const count = async (db: Executor, sql: string) => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`))[0]!.n);

describe('migrations', () => {
    it('bring an empty database to the latest version, each recorded once; a second run applies nothing; a failing one leaves nothing', async () => {
        const db = await open(loadTemplate(inject('emptyDatabaseTemplate')));
        const all = migrationFiles().map(migration => migration.version);
        expect(all.length).toBeGreaterThan(1);
        expect(await migrate(db)).toEqual(all);
        expect(await migrate(db)).toEqual([]);
        expect((await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map(row => row.version)).toEqual(all);

        // A migration that fails leaves the schema as it was: the run is one transaction.
        await expect(migrate(db, [...migrationFiles(), { version: 999, name: '999_broken.sql', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();' }])).rejects.toThrow();
        expect(await count(db, `information_schema.tables WHERE table_name = 'half_done'`)).toBe(0);
        expect(await count(db, 'schema_migrations WHERE version = 999')).toBe(0);
    });

    it('bring a database of the previous version up to date and keep its data', async () => {
        const db = await open(loadTemplate(inject('emptyDatabaseTemplate')));
        const files = migrationFiles();
        await migrate(db, files.slice(0, -1));
        await db.query(`INSERT INTO accounts (id, username, name, role, ordinal) VALUES ('u-a', 'a', 'A', 'operator', 1)`);
        await db.query(`INSERT INTO sessions (token_sha256, user_id, expires_at) VALUES ('x', 'u-a', now())`);
        expect(await migrate(db, files)).toEqual([files.at(-1)!.version]);
        expect(await count(db, 'sessions')).toBe(1);
        expect(await count(db, 'schema_migrations')).toBe(files.length);
    });
});

describe('the audit trail', () => {
    it('takes new entries but cannot be updated, deleted or truncated, whoever asks: the database refuses', async () => {
        const db = await open(loadTemplate(inject('reviewServerTemplate')));
        const before = await count(db, 'audit');
        expect(before).toBeGreaterThan(0);
        await expect(db.query(`UPDATE audit SET actor = 'someone-else' WHERE seq = 1`)).rejects.toThrow(/append-only: UPDATE refused/);
        await expect(db.query('DELETE FROM audit WHERE seq = 1')).rejects.toThrow(/append-only: DELETE refused/);
        await expect(db.exec('TRUNCATE audit')).rejects.toThrow(/append-only: TRUNCATE refused/);
        expect(await count(db, 'audit')).toBe(before);
        expect((await db.query<{ actor: string }>('SELECT actor FROM audit WHERE seq = 1'))[0]!.actor).not.toBe('someone-else');
        await db.query(`INSERT INTO audit (seq, id, at, actor, action, request_kind, request_id, to_status, reasons, entry) VALUES (nextval('audit_seq'), 'A-x', 'now', 'system', 'lapse', 'verification', 'V-000001', 'pending', '[]', '{}')`);
        expect(await count(db, 'audit')).toBe(before + 1);
    });
});
