import { DEFAULT_FOUR_EYES_THRESHOLD_IDR } from '../../../src/domain/fourEyes';
import { reviewDay, type SlaCalendar } from '../../../src/domain/sla';
import { createDb, DEFAULT_SEED, DEFAULT_SIZE } from '../../../mocks/db';
import { DEMO_PASSWORD } from '../../../mocks/seed/seed';
import type { Executor } from './executor';
import { auditRow, requestRow } from './rows';
import { SQL } from './sql';

// SEED_DEMO: the mock's demo data (mocks/seed, the same requests, history and accounts) written into an empty database,
// once, whichever of several starting servers gets there first.

/** pg_advisory_xact_lock key: "review server demo seed". */
const SEED_LOCK = 741_852_964;
const BATCH = 2_000;

export interface DemoSeedOptions {
    size?: number;
    seed?: number;
    now: Date;
    sla: SlaCalendar;
    fourEyesThresholdIdr?: number;
    /** How the demo accounts' password is stored (argon2id on the server). */
    hashPassword: (password: string) => Promise<string>;
}

/** Seeds the demo into an empty database; answers whether it did (false: it already holds accounts or requests). */
export async function seedDemo(db: Executor, options: DemoSeedOptions): Promise<boolean> {
    const demo = createDb({ size: options.size ?? DEFAULT_SIZE, seed: options.seed ?? DEFAULT_SEED, now: () => options.now, sla: options.sla, fourEyesThresholdIdr: options.fourEyesThresholdIdr ?? DEFAULT_FOUR_EYES_THRESHOLD_IDR });
    const passwordHash = await options.hashPassword(DEMO_PASSWORD);
    return db.transaction(async tx => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
        const [accounts] = await tx.query<{ count: number }>(SQL.accountCount);
        const [requests] = await tx.query<{ count: number }>(SQL.requestCount);
        if (Number(accounts!.count) > 0 || Number(requests!.count) > 0) return false;
        for (const account of demo.operators) await tx.query(SQL.insertAccount, [account.id, account.username, account.name, account.role, passwordHash]);
        const { state } = demo;
        const all = [...state.verifications, ...state.cancellations];
        for (let i = 0; i < all.length; i += BATCH) await tx.query(SQL.upsertRequests, [JSON.stringify(all.slice(i, i + BATCH).map(requestRow))]);
        for (let i = 0; i < state.audit.length; i += BATCH) await tx.query(SQL.insertAudit, [JSON.stringify(state.audit.slice(i, i + BATCH).map(auditRow))]);
        await tx.query(SQL.syncAuditSequence);
        await tx.query(SQL.insertDocuments, [JSON.stringify(state.documentTraits)]);
        await tx.query(SQL.setDerived, ['checks_day', reviewDay(options.now, options.sla)]);
        return true;
    });
}
