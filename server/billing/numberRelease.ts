import type { Cancellation } from '../../src/domain/types';
import type { Queryable } from '../store/postgres/executor';

// The operator's number pool: an approved cancellation's number goes back to it (docs/api.md §6.2). One interface; the
// demo implementation records each release (in the database, or in memory for the mock). A release names the request:
// the system must treat a second release of one request as the same release (the server retries until it confirms).

export interface NumberReleaseSystem {
    /** Releases the cancellation's number; throws (saying why) when it could not. */
    release(record: Cancellation, at: Date): Promise<void>;
}

/** The demo's number pool, with a switch tests use to make it fail. */
export interface DemoNumberRelease extends NumberReleaseSystem {
    /** While set, every release fails with this reason. */
    failWith(reason: string | null): void;
}

function failing() {
    let reason: string | null = null;
    return {
        failWith: (next: string | null) => { reason = next; },
        check: () => { if (reason !== null) throw new Error(reason); },
    };
}

/** The review server's demo pool: one row per released request in demo_number_releases (migration 014). */
export function databaseNumberRelease(db: Pick<Queryable, 'query'>): DemoNumberRelease {
    const fault = failing();
    return {
        failWith: fault.failWith,
        async release(record, at) {
            fault.check();
            await db.query(`INSERT INTO demo_number_releases (request_id, mobile_number, account_id, released_at) VALUES ($1, $2, $3, $4::timestamptz)
                ON CONFLICT (request_id) DO NOTHING`, [record.id, record.mobileNumber, record.account.accountId, at.toISOString()]);
        },
    };
}

/** The mock's demo pool, in memory. */
export function memoryNumberRelease(): DemoNumberRelease & { released: Map<string, string> } {
    const fault = failing();
    const released = new Map<string, string>();
    return {
        released,
        failWith: fault.failWith,
        async release(record) {
            fault.check();
            if (!released.has(record.id)) released.set(record.id, record.mobileNumber);
        },
    };
}
