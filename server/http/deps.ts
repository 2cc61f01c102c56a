import type { UnusualAccessSettings } from '../../src/domain/accessReview';
import type { RetentionSettings } from '../../src/domain/retention';
import type { SlaCalendar } from '../../src/domain/sla';
import type { LoginThrottleSettings } from '../accounts/loginThrottle';
import type { AccountFactsSource } from '../billing/accountFacts';
import type { NumberReleaseSystem } from '../billing/numberRelease';
import type { Store } from '../store/store';
import type { DocumentStorage } from './documentStorage';

// What the contract app is made of: a store, a clock, the settings, and the few things that differ between the mock and
// the review server (how a password is checked, where document images come from, whether the demo can be re-seeded).

export interface AppConfig {
    /** Path prefix of the API, "/api" by default. */
    base: string;
    /** Simulated latency per request, in ms (the mock's API_LATENCY_MS; 0 on the server). */
    latencyMs: number;
    /** Token lifetime, in ms (8 hours by default). */
    tokenTtlMs: number;
    /** Cancellations whose refund is above this amount (IDR) need a second approval (src/domain/fourEyes.ts). */
    fourEyesThresholdIdr: number;
    /** The review team's calendar: SLA business days, holidays, the day the checks are run for. */
    sla: SlaCalendar;
    /** How long a claim lasts without a heartbeat, in ms (CLAIM_TTL_MS, 15 minutes, by default). */
    claimTtlMs?: number;
    /** Failed logins allowed per account and per address within a window before 429 (DEFAULT_LOGIN_THROTTLE by default). */
    loginThrottle?: LoginThrottleSettings;
    /** Behind a proxy: the client's address is the last hop of X-Forwarded-For, not the socket's peer. Off by default. */
    trustProxy?: boolean;
    /** Demo mode (the mock): POST /demo/reset exists (supervisors), and "*" may be an allowed origin. Off by default. */
    demo?: boolean;
    /** Origins whose console may call the API from a browser (CORS); ["*"]: any, demo mode only. None by default. */
    allowedOrigins?: readonly string[];
    /** The largest request body, in bytes (1 MiB by default, guard.ts). */
    maxBodyBytes?: number;
    /** The most rows one CSV export may hold (EXPORT_MAX_ROWS, 10,000, by default): a larger one answers 400. */
    exportMaxRows?: number;
    /** When an operator's access is flagged on the dashboard (DEFAULT_UNUSUAL_ACCESS by default). */
    unusualAccess?: UnusualAccessSettings;
    /** How long documents and full identity data are kept after a decision (DEFAULT_RETENTION by default). */
    retention?: RetentionSettings;
    /** Where clients reach this API, e.g. "https://review.example.com": document URLs start with it. Default: the
     * origin the request was received on (the listening socket's, never the request's Host). */
    publicUrl?: string;
    /** Keys the customer app sends in `X-Intake-Key` to submit requests (docs/api.md §6.11). None: intake answers 401. */
    intakeKeys?: readonly string[];
    /** The HMAC secret of document URLs (§6.6). Unset: a random one per process (URLs die with it; set it for several servers). */
    documentSecret?: string;
    /** The backoff of number releases that failed (API_NOTICE_RETRY_SECONDS and API_NOTICE_RETRY_MAX_SECONDS on the server). */
    releaseRetry?: { retryBaseMs: number; retryMaxMs: number };
}

export interface PasswordCheck {
    /** Whether `password` is the one `hash` was made from (null: none is). */
    verify(password: string, hash: string | null): Promise<boolean>;
}

export interface DocumentImage {
    body: string | Uint8Array;
    contentType: string;
}

export interface DocumentSource {
    /** The image `file` (e.g. "id-front.svg") of a request, or null when there is none. */
    image(requestId: string, file: string): Promise<DocumentImage | null>;
    /**
     * Deletes every stored document of a request (the retention job, docs/api.md §6.14); afterwards `image` finds none.
     * Idempotent: the job calls it again for a request whose purge did not finish.
     */
    purgeDocuments(requestId: string): Promise<void>;
}

export interface AppDeps {
    store: Store;
    now: () => Date;
    config: AppConfig;
    passwords: PasswordCheck;
    documents: DocumentSource;
    /** Uploaded document images (intake), served by signed URLs (routes/files.ts); in memory when not given. */
    documentStorage?: DocumentStorage;
    /** The billing and device systems' account facts (server/billing/); absent: the facts stored with each request. */
    accountFacts?: AccountFactsSource;
    /** Where an approved cancellation's number is released (server/billing/numberRelease.ts). */
    numberRelease?: NumberReleaseSystem;
    /** POST /demo/reset: how the demo is re-seeded (the mock); the route exists only with this and `config.demo`. */
    resetDemo?: () => Promise<void>;
}
