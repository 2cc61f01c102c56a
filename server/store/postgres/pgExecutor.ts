import pg from 'pg';
import type { Executor, Queryable, Row } from './executor';

// A real PostgreSQL server through a pg pool: many server processes may share it. A transaction that lost a deadlock or a
// serialization race is run again from the start (its work only reads and writes through `tx`).

const RETRIED = new Set(['40001', '40P01']);
const ATTEMPTS = 5;

export interface PgOptions {
    connectionString: string;
    poolSize?: number;
}

export function openPg({ connectionString, poolSize = 10 }: PgOptions): Executor {
    const pool = new pg.Pool({ connectionString, max: poolSize });
    // An idle client losing its connection (server restart) must not crash the process: the pool replaces it.
    pool.on('error', error => console.error('[postgres] idle client error:', error.message));
    const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
        query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => (await client.query<T>(sql, [...params])).rows,
        exec: async sql => void (await client.query(sql)),
    });
    return {
        ...on(pool),
        async transaction(work) {
            for (let attempt = 1; ; attempt += 1) {
                const client = await pool.connect();
                try {
                    await client.query('BEGIN');
                    const result = await work(on(client));
                    await client.query('COMMIT');
                    return result;
                } catch (error) {
                    await client.query('ROLLBACK').catch(() => undefined);
                    const code = (error as { code?: string }).code;
                    if (attempt >= ATTEMPTS || !code || !RETRIED.has(code)) throw error;
                } finally {
                    client.release();
                }
            }
        },
        close: () => pool.end(),
    };
}
