import { countFailedChecks, runVerificationChecks } from '../src/domain/verificationChecks';
import { DEFAULT_SLA, reviewDay, type SlaCalendar } from '../src/domain/sla';
import type { AuditEntry, Cancellation, Notice, Operator, QualityReview, QualitySample, RequestKind, ReviewRequest, Verification } from '../src/domain/types';
import { auditId, buildSeed, OPERATORS, type DocumentTraits } from './seed/seed';

// The mock backend's in-memory store. It is the authority for state; persistence is pluggable (browser: localStorage).

export interface Session {
    userId: string;
    expiresAt: string;
}

export interface DbState {
    verifications: Verification[];
    cancellations: Cancellation[];
    audit: AuditEntry[];
    documentTraits: Record<string, DocumentTraits>;
    /** Quality sampling (mocks/api/quality.ts), in creation order; empty after seeding. */
    qualitySamples: QualitySample[];
    qualityReviews: QualityReview[];
    /** The customer notices' outbox (docs/api.md §6.12), in creation order; empty after seeding. */
    notices: Notice[];
    sessions: Record<string, Session>;
}

export interface DbOptions {
    /** Number of requests to seed (default 300; 100,000 for benchmarks). */
    size?: number;
    seed?: number;
    /** The clock; tests pin it. */
    now?: () => Date;
    sla?: SlaCalendar;
    /** The four-eyes threshold the seed's history follows (the server's option of the same name). */
    fourEyesThresholdIdr?: number;
    /** The accounts (default: the demo's three); the bench adds its own operators. */
    operators?: readonly Operator[];
    /** A saved state to start from instead of seeding (the browser's persisted demo data). */
    initialState?: DbState;
    /** Called after every change, e.g. to persist it. */
    onChange?: (state: DbState) => void;
}

export const DEFAULT_SEED = 20261122;
export const DEFAULT_SIZE = 300;

export type Db = ReturnType<typeof createDb>;

export function createDb(options: DbOptions = {}) {
    const now = options.now ?? (() => new Date());
    const sla = options.sla ?? DEFAULT_SLA;
    const seedState = (): DbState => {
        const seeded = buildSeed({ size: options.size ?? DEFAULT_SIZE, seed: options.seed ?? DEFAULT_SEED, now: now(), sla, fourEyesThresholdIdr: options.fourEyesThresholdIdr });
        // Copies share a few hidden classes; the seeded objects each have their own, which makes every scan of 100,000 of them ~100x slower.
        return { ...seeded, notices: [], verifications: seeded.verifications.map(r => ({ ...r })), cancellations: seeded.cancellations.map(r => ({ ...r })), sessions: {} };
    };
    let state: DbState = options.initialState ?? seedState();
    // A saved state from before quality sampling has no quality collections.
    state.qualitySamples ??= [];
    state.qualityReviews ??= [];
    state.notices ??= [];
    let byId = new Map<string, ReviewRequest>();
    let indexedDay = '';
    // Counts changes (and re-indexing after in-place edits), so that what is derived from the requests can be cached until the next one.
    let changes = 0;
    // Counts seedings and in-place edits (index()): indexes over what never changes through the API are valid while it stays the same.
    let indexVersion = 0;

    /** Recomputes what the server derives for lists: failed checks and identities reused across accounts. */
    function index() {
        changes += 1;
        indexVersion += 1;
        byId = new Map<string, ReviewRequest>([...state.verifications, ...state.cancellations].map(r => [r.id, r]));
        const byIdNumber = new Map<string, Verification[]>();
        for (const v of state.verifications) {
            const key = v.idNumber.toUpperCase();
            byIdNumber.set(key, [...(byIdNumber.get(key) ?? []), v]);
        }
        const today = reviewDay(now(), sla);
        indexedDay = today;
        for (const v of state.verifications) {
            const sameIdentity = byIdNumber.get(v.idNumber.toUpperCase()) ?? [];
            // A resubmission shares its account's mobile number; only other accounts count as duplicates.
            v.duplicateIds = sameIdentity.filter(other => other.mobileNumber !== v.mobileNumber).map(other => other.id);
            v.failedChecks = countFailedChecks(runVerificationChecks(v, { today }));
        }
    }
    index();

    const collection = (kind: RequestKind): ReviewRequest[] => (kind === 'verification' ? state.verifications : state.cancellations);

    return {
        now,
        sla,
        operators: options.operators ?? OPERATORS,
        get state() {
            return state;
        },
        collection,
        find(kind: RequestKind, id: string): ReviewRequest | undefined {
            const found = byId.get(id);
            return found?.kind === kind ? found : undefined;
        },
        findAny: (id: string) => byId.get(id),
        appendAudit(entry: Omit<AuditEntry, 'id' | 'at'>): AuditEntry {
            const written: AuditEntry = { id: auditId(state.audit.length + 1), at: now().toISOString(), ...entry };
            state.audit.push(written);
            return written;
        },
        /** Date-dependent checks (card expiry, age) go stale at midnight: recompute once a day. */
        refreshDerived() {
            if (reviewDay(now(), sla) !== indexedDay) index();
        },
        /** Grows when the store is seeded or edited in place (reindex): see mocks/api/listIndex.ts. */
        get indexVersion() {
            return indexVersion;
        },
        /** Grows on every change: a cache of something derived from the requests is valid while this stays the same. */
        get changes() {
            return changes;
        },
        changed() {
            changes += 1;
            options.onChange?.(state);
        },
        /** Recomputes the derived fields and the id index after the state was edited in place (tests, fault mode). */
        reindex: index,
        reset() {
            state = { ...seedState(), sessions: state.sessions };
            index();
            options.onChange?.(state);
        },
    };
}
