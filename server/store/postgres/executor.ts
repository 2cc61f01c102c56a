// The one thing the PostgreSQL store needs from a driver: parameterised queries, and transactions of them. Two adapters:
// embedded PGlite (pgliteExecutor.ts) and a pg pool on a real server (pgExecutor.ts); the SQL is the same on both.

export type Row = Record<string, unknown>;

export interface Queryable {
    /** Runs one statement; values only through `params` ($1, $2, ...). */
    query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
    /** Runs several statements of fixed SQL (a migration file): no parameters. */
    exec(sql: string): Promise<void>;
}

export interface Executor extends Queryable {
    /** Runs `work` in one transaction (READ COMMITTED): committed when it returns, rolled back when it throws. */
    transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
    close(): Promise<void>;
}
