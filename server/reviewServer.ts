import type { SlaCalendar } from '../src/domain/sla';
import { argon2Passwords } from './accounts/passwords';
import type { ServerConfig } from './config/config';
import { openDatabase, prepareDatabase, type DatabaseOptions } from './database';
import { createApp, type ReviewApi } from './http/app';
import { join } from 'node:path';
import { fileTransport } from './notices/fileTransport';
import { createNoticeSender, type NoticeSender, type NoticeTransport } from './notices/sender';
import { purgeExpiredIdentity } from './http/retention';
import { serve } from './node/serve';
import { databaseNumberRelease, type DemoNumberRelease } from './billing/numberRelease';
import type { AppDeps } from './http/deps';
import { retryDueReleases } from './http/numberRelease';
import { databaseAccountFacts, httpAccountFacts, type AccountFactsSource, type DemoAccountFacts } from './billing/accountFacts';
import type { Store } from './store/store';
import { diskDocumentStorage } from './store/diskDocuments';
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
    /** How notices are delivered; default: a file each in `$DATA_DIR/outbox/` (server/notices/fileTransport.ts). */
    noticeTransport?: NoticeTransport;
    /** false: no sending loop (tests call `notices.runOnce()` on their own clock). Default: on. */
    sendNotices?: boolean;
    /** false: no retention job on a timer (tests run it with `purge()` on their clock). */
    retentionJob?: boolean;
}

export interface ReviewServer {
    /** e.g. http://127.0.0.1:8787/api */
    url: string;
    store: Store;
    db: Executor;
    api: ReviewApi;
    /** The demo's billing system in the database (used unless API_ACCOUNT_FACTS_URL names a real one). */
    demoAccountFacts: DemoAccountFacts;
    /** The demo's number pool in the database. */
    demoNumberRelease: DemoNumberRelease;
    /** One pass of the number-release retries (the loop runs with the sender's, unless `sendNotices` is false). */
    releases: { run(): Promise<{ released: number; failed: number }> };
    /** The outbox's sender (its loop runs unless `sendNotices` is false). */
    notices: NoticeSender;
    /** Runs the retention job once (it also runs at start and every RETENTION_INTERVAL_MS); the number of requests purged. */
    purge(): Promise<number>;
    close(): Promise<void>;
}

/** How often the retention job runs on a server. */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

export function createReviewApi(db: Executor, config: ServerConfig, now: () => Date, sla: SlaCalendar = config.sla): { api: ReviewApi; store: Store; accountFacts: AccountFactsSource; demoAccountFacts: DemoAccountFacts; demoNumberRelease: DemoNumberRelease; deps: AppDeps; purge: () => Promise<number> } {
    const store = createPostgresStore(db, { sla });
    const demoAccountFacts = databaseAccountFacts(db);
    // A real billing system when configured; else the demo's, in the database.
    const accountFacts = config.accountFactsUrl ? httpAccountFacts(config.accountFactsUrl, config.accountFactsTimeoutMs) : demoAccountFacts;
    const demoNumberRelease = databaseNumberRelease(db);
    const deps: AppDeps = {
        accountFacts,
        numberRelease: demoNumberRelease,
        store,
        now,
        config: {
            base: '/api', latencyMs: 0, tokenTtlMs: config.tokenTtlMinutes * 60_000, claimTtlMs: config.claimTtlMinutes * 60_000,
            fourEyesThresholdIdr: config.fourEyesThresholdIdr, sla, loginThrottle: config.loginThrottle, trustProxy: config.trustProxy, ...config.http,
            releaseRetry: { retryBaseMs: config.notices.retryBaseMs, retryMaxMs: config.notices.retryMaxMs },
        },
        passwords: argon2Passwords,
        // The demo's drawn documents; uploads are in documentStorage (the retention job deletes both).
        documents: demoDocuments(db),
        documentStorage: diskDocumentStorage(join(config.dataDir, 'documents')),
    };
    return { api: createApp(deps), store, accountFacts, demoAccountFacts, demoNumberRelease, deps, purge: () => purgeExpiredIdentity(deps) };
}

export async function startReviewServer(config: ServerConfig, options: ReviewServerOptions = {}): Promise<ReviewServer> {
    const now = options.now ?? (() => new Date());
    const sla = options.sla ?? config.sla;
    const shared = options.db;
    if (shared) await prepareDatabase(shared, config, { now: now(), sla });
    const db = shared ?? await openDatabase(config, { ...options, now: now(), sla });
    const closeDb = () => (shared ? Promise.resolve() : db.close());
    const { api, store, demoAccountFacts, demoNumberRelease, deps, purge } = createReviewApi(db, config, now, sla);
    // Number releases that failed are tried again on the sender's interval, each when its backoff is over.
    const releases = { run: () => retryDueReleases(deps) };
    let releaseTimer: ReturnType<typeof setInterval> | null = null;
    let releasing: Promise<unknown> = Promise.resolve();
    const notices = createNoticeSender({
        store, now, settings: config.notices, transport: options.noticeTransport ?? fileTransport(join(config.dataDir, 'outbox')),
        log: message => console.error(`[review server] ${message}`),
    });
    try {
        const served = await serve(api.fetch, { port: config.port, host: config.host });
        if (options.sendNotices !== false) {
            notices.start();
            releaseTimer = setInterval(() => {
                releasing = releasing.then(releases.run).catch(error => console.error('[review server] number release pass failed:', error));
            }, config.notices.intervalMs);
            releaseTimer.unref?.();
        }
        // The retention job: at start and every hour; a failed run is logged and tried again at the next.
        const runPurge = () => purge().then(count => {
            if (count > 0) console.log(`retention: purged the identity data of ${count} request(s)`);
        }, error => console.error('[retention] purge failed', error));
        let running = options.retentionJob === false ? Promise.resolve() : runPurge();
        const timer = options.retentionJob === false ? undefined : setInterval(() => { running = running.then(runPurge); }, RETENTION_INTERVAL_MS);
        timer?.unref();
        return {
            url: `${served.origin}/api`, store, db, api, notices, demoAccountFacts, demoNumberRelease, releases, purge,
            close: async () => {
                clearInterval(timer);
                await notices.stop();
                if (releaseTimer) clearInterval(releaseTimer);
                await releasing;
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
