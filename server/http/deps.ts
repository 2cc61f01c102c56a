import type { SlaCalendar } from '../../src/domain/sla';
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
}

export interface AppDeps {
    store: Store;
    now: () => Date;
    config: AppConfig;
    passwords: PasswordCheck;
    documents: DocumentSource;
    /** POST /demo/reset: only where the demo may be re-seeded (the mock); absent, the route does not exist. */
    resetDemo?: () => Promise<void>;
}
