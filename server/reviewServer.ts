import type { SlaCalendar } from '../src/domain/sla';
import { argon2Passwords } from './accounts/passwords';
import type { ServerConfig } from './config/config';
import { openDatabase, prepareDatabase, type DatabaseOptions } from './database';
import { createApp, type ReviewApi } from './http/app';
import { purgeExpiredIdentity } from './http/retention';
import { serve } from './node/serve';
import type { Store } from './store/store';
import { demoDocuments } from './store/postgres/demoDocuments';
import type { Executor } from './store/postgres/executor';
import { createPostgresStore } from './store/postgres/postgresStore';

// The review server: the contract app (server/http) on the PostgreSQL store, on a socket. server/main.ts runs it from the
// environment; tests run it in-process with their own clock.

export interface ReviewServerOptions extends Partial<Omit<DatabaseOptions, 'now' | 'sla'>> {
    /** The clock; tests pin it. */
    now?: () => Date;
    sla?: SlaCalendar;
    /** In tests: a database already open (several servers on one embedded database); the server leaves it open. */
    db?: Executor;
    /** false: no retention job on a timer (tests run it with `purge()` on their clock). */
    retentionJob?: boolean;
}

export interface ReviewServer {
    /** e.g. http://127.0.0.1:8787/api */
    url: string;
    store: Store;
    db: Executor;
    api: ReviewApi;
    /** Runs the retention job once (it also runs at start and every RETENTION_INTERVAL_MS); the number of requests purged. */
    purge(): Promise<number>;
    close(): Promise<void>;
}

/** How often the retention job runs on a server. */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

export function createReviewApi(db: Executor, config: ServerConfig, now: () => Date, sla: SlaCalendar = config.sla): { api: ReviewApi; store: Store; purge: () => Promise<number> } {
    const store = createPostgresStore(db, { sla });
    const deps = {
        store,
        now,
        config: {
            base: '/api', latencyMs: 0, tokenTtlMs: config.tokenTtlMinutes * 60_000, claimTtlMs: config.claimTtlMinutes * 60_000,
            fourEyesThresholdIdr: config.fourEyesThresholdIdr, sla, loginThrottle: config.loginThrottle, trustProxy: config.trustProxy, ...config.http,
        },
        passwords: argon2Passwords,
        // Where uploaded documents' storage plugs in: a DocumentSource whose purgeDocuments deletes them (server/http/deps.ts).
        documents: demoDocuments(db),
    };
    return { api: createApp(deps), store, purge: () => purgeExpiredIdentity(deps) };
}

export async function startReviewServer(config: ServerConfig, options: ReviewServerOptions = {}): Promise<ReviewServer> {
    const now = options.now ?? (() => new Date());
    const sla = options.sla ?? config.sla;
    const shared = options.db;
    if (shared) await prepareDatabase(shared, config, { now: now(), sla });
    const db = shared ?? await openDatabase(config, { ...options, now: now(), sla });
    const closeDb = () => (shared ? Promise.resolve() : db.close());
    const { api, store, purge } = createReviewApi(db, config, now, sla);
    try {
        const served = await serve(api.fetch, { port: config.port, host: config.host });
        // The retention job: at start and every hour; a failed run is logged and tried again at the next.
        const runPurge = () => purge().then(count => {
            if (count > 0) console.log(`retention: purged the identity data of ${count} request(s)`);
        }, error => console.error('[retention] purge failed', error));
        let running = options.retentionJob === false ? Promise.resolve() : runPurge();
        const timer = options.retentionJob === false ? undefined : setInterval(() => { running = running.then(runPurge); }, RETENTION_INTERVAL_MS);
        timer?.unref();
        return {
            url: `${served.origin}/api`, store, db, api, purge,
            close: async () => {
                clearInterval(timer);
                await served.close();
                await running;
                await closeDb();
            },
        };
    } catch (error) {
        await closeDb();
        throw error;
    }
}
