import type { UnusualAccessSettings } from '../../src/domain/accessReview';
import type { RetentionSettings } from '../../src/domain/retention';
import type { SlaCalendar } from '../../src/domain/sla';
import type { LoginThrottleSettings } from '../accounts/loginThrottle';
import type { Store } from '../store/store';

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
     * Deletes every stored document of a request (the retention job, docs/api.md §6.12); afterwards `image` finds none.
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
    /** POST /demo/reset: how the demo is re-seeded (the mock); the route exists only with this and `config.demo`. */
    resetDemo?: () => Promise<void>;
}
