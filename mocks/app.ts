import { DEFAULT_FOUR_EYES_THRESHOLD_IDR } from '../src/domain/fourEyes';
import { createApp, type ReviewApi } from '../server/http/app';
import type { AppConfig, AppDeps, PasswordCheck } from '../server/http/deps';
import { retryDueReleases } from '../server/http/numberRelease';
import { memoryAccountFacts, type DemoAccountFacts } from '../server/billing/accountFacts';
import { memoryNumberRelease, type DemoNumberRelease } from '../server/billing/numberRelease';
import type { Store } from '../server/store/store';
import type { Db } from './db';
import { generatedDocuments } from './documentSource';
import { DEMO_PASSWORD } from './seed/seed';
import { createMemoryStore } from './store/memoryStore';

// The mock backend: the contract app (server/http) on the in-memory store, with the demo's accounts and drawn documents.

export const DEMO_INTAKE_KEY = 'demo-intake-key-0123456789abcdef';

export const DEFAULT_MOCK_CONFIG: Omit<AppConfig, 'sla'> = {
    base: '/api',
    latencyMs: 0,
    tokenTtlMs: 8 * 60 * 60 * 1000,
    fourEyesThresholdIdr: DEFAULT_FOUR_EYES_THRESHOLD_IDR,
    // The mock is the demo: a supervisor may re-seed it, and any origin may call it.
    demo: true,
    allowedOrigins: ['*'],
    // The demo's customer app signs in with this key (scripts/customerApp.ts); a real deployment sets its own.
    intakeKeys: [DEMO_INTAKE_KEY],
    documentSecret: 'demo-document-secret-not-for-production',
};

/** Demo accounts all share one password; the review server checks a hash per account instead. */
const demoPasswords: PasswordCheck = { verify: async password => password === DEMO_PASSWORD };

export interface MockApi extends ReviewApi {
    store: Store;
    /** The demo's billing system (tests change an account's facts between opening and approving). */
    accountFacts: DemoAccountFacts;
    /** The demo's number pool (tests make it fail). */
    numberRelease: DemoNumberRelease;
    /** One pass of the number-release retries (the review server runs it on a loop; the mock when asked). */
    retryReleases(): Promise<{ released: number; failed: number }>;
}

export function createMockApi(db: Db, overrides: Partial<AppConfig> = {}): MockApi {
    const store = createMemoryStore(db);
    const accountFacts = memoryAccountFacts();
    const numberRelease = memoryNumberRelease();
    const deps: AppDeps = {
        accountFacts,
        numberRelease,
        store,
        now: db.now,
        config: { ...DEFAULT_MOCK_CONFIG, sla: db.sla, ...overrides },
        passwords: demoPasswords,
        documents: generatedDocuments(async requestId => {
            const request = db.findAny(requestId);
            const traits = db.state.documentTraits[requestId];
            return request && traits ? { request, traits } : null;
        }, async requestId => {
            delete db.state.documentTraits[requestId];
        }),
        // Re-seeding waits for the transactions under way, like any other write.
        resetDemo: () => store.transaction(async () => db.reset()),
    };
    return { ...createApp(deps), store, accountFacts, numberRelease, retryReleases: () => retryDueReleases(deps) };
}
