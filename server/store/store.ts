import type { DayRange } from '../../src/domain/dayRange';
import type { AuditListQuery } from '../../src/domain/lists/audit';
import type { Page } from '../../src/domain/lists/page';
import type { QualityReviewListQuery, QualitySampleListQuery } from '../../src/domain/lists/quality';
import type { RequestListQuery } from '../../src/domain/lists/requests';
import type { RequestFacts } from '../../src/domain/teamStats';
import type { AuditDraft } from '../../src/domain/transitions';
import type { NoticeListQuery } from '../../src/domain/lists/notices';
import type { NoticeDraft } from '../../src/domain/notices';
import type { AuditEntry, Cancellation, ListedOperator, Notice, Operator, QualityReview, QualitySample, RequestKind, ReviewRequest, Verification } from '../../src/domain/types';

// What the contract app (server/http) needs from storage. Two implementations: the mock's memory store (mocks/store) and
// the review server's PostgreSQL store (server/store/postgres). Every write happens inside `transaction`: all of it or none.

export interface Session {
    userId: string;
    expiresAt: string;
}

export interface Credentials {
    account: Operator;
    /** null: the account cannot sign in with a password (the app's PasswordCheck decides what a hash is). */
    passwordHash: string | null;
}

/** Something that happened to an account (failed logins, lockouts, the accounts command), never with a password. */
export interface AccountEvent {
    at: string;
    /** An account id, "anonymous" (a login), or "cli:<os user>" (the accounts command). */
    actor: string;
    action: 'login_failed' | 'login_locked' | 'account_added' | 'account_disabled' | 'account_enabled' | 'role_changed' | 'password_reset';
    /** The account acted on (at login: the username as typed, trimmed, lower case). */
    username: string;
    /** The client's address, when known (logins). */
    address: string | null;
    detail: string | null;
}

/** An account event with its number in write order (1, 2, ...; the real database's may skip numbers). */
export type NumberedAccountEvent = AccountEvent & { seq: number };

/** What GET /stats is computed from (src/domain/teamStats.ts). */
export interface StatsFacts {
    /** The decisions in the range and the claims they were made on, in write order. */
    audit: readonly AuditEntry[];
    /** At least every open request (decided ones do not count in queue health). */
    requests: Iterable<RequestFacts>;
    qualityReviews: readonly Pick<QualityReview, 'operatorId' | 'verdict'>[];
}

export interface StoreReads {
    /** Every account, in the server's account order. */
    /** Every account, disabled ones marked. */
    accounts(): Promise<ListedOperator[]>;
    /** The account a username (trimmed, lower case) signs in to. */
    credentials(username: string): Promise<Credentials | null>;
    /** The session of a token, while its account is enabled. */
    session(token: string): Promise<Session | null>;
    /** The instants (ISO) of the failed logins recorded under `key` since `since` (server/accounts/loginThrottle.ts). */
    loginFailures(key: string, since: Date): Promise<string[]>;
    /** Account events in write order, of one username or all. */
    accountEvents(username?: string): Promise<NumberedAccountEvent[]>;
    request(kind: RequestKind, id: string): Promise<ReviewRequest | null>;
    requests(query: RequestListQuery): Promise<Page<ReviewRequest>>;
    /** Whether some claim has run out by `now` (a cheap look before a lapse transaction). */
    hasExpiredClaims(now: Date): Promise<boolean>;
    auditEntries(query: AuditListQuery): Promise<Page<AuditEntry>>;
    auditEntry(id: string): Promise<AuditEntry | null>;
    /** The request's latest audit entry (a send-back replay looks at it). */
    lastAuditEntry(requestId: string): Promise<AuditEntry | null>;
    qualitySamples(query: QualitySampleListQuery): Promise<Page<QualitySample>>;
    qualitySample(id: string): Promise<QualitySample | null>;
    qualityReviews(query: QualityReviewListQuery): Promise<Page<QualityReview>>;
    qualityReview(id: string): Promise<QualityReview | null>;
    statsFacts(range: DayRange): Promise<StatsFacts>;
    /** What an intake submission's idempotency key was first used for (server/http/routes/intake.ts), or null. */
    intakeSubmission(idempotencyKey: string): Promise<IntakeSubmission | null>;
    /** Approved cancellations whose number release is due by `now` (not released yet), oldest due first. */
    dueNumberReleases(now: Date, limit: number): Promise<Cancellation[]>;
    /** The outbox (docs/api.md §6.12). */
    notices(query: NoticeListQuery): Promise<Page<Notice>>;
}

/** An intake submission's idempotency key, the fingerprint of what it carried, and the request it created. */
export interface IntakeSubmission {
    idempotencyKey: string;
    fingerprint: string;
    requestKind: RequestKind;
    requestId: string;
}

/** A request before it has an id: the store numbers it (`V-000301`, `C-000120`) in its transaction. */
export type RequestDraft = Omit<Verification, 'id'> | Omit<Cancellation, 'id'>;

export interface StoreWrites extends StoreReads {
    /** The request, locked until the transaction ends. */
    lockRequest(kind: RequestKind, id: string): Promise<ReviewRequest | null>;
    /**
     * claim-next's choice, locked: the first request in queue order for `viewerId` that is pending or held by them and not
     * excluded (src/domain/claimNext.ts). Requests another transaction is locking are passed over, not waited for.
     */
    lockNextCandidate(kind: RequestKind, viewerId: string, exclude: ReadonlySet<string>): Promise<ReviewRequest | null>;
    /** The requests in review whose claim ran out by `now`, locked. */
    lockExpiredClaims(now: Date): Promise<ReviewRequest[]>;
    /**
     * Decided requests whose data is due for purging (src/domain/retention.ts), locked, oldest decision first, at most `limit`:
     * not purged yet, decided before `decidedBefore`, and a rejection someone resubmitted only before `disputeBefore`.
     */
    lockPurgeDue(decidedBefore: string, disputeBefore: string, limit: number): Promise<ReviewRequest[]>;
    saveRequest(record: ReviewRequest): Promise<void>;
    appendAudit(entry: AuditDraft): Promise<AuditEntry>;
    createSession(token: string, session: Session): Promise<void>;
    deleteSession(token: string): Promise<void>;
    /** Records a failed login under `key`, dropping every key's failures before `pruneBefore`. */
    recordLoginFailure(key: string, at: Date, pruneBefore: Date): Promise<void>;
    clearLoginFailures(key: string): Promise<void>;
    appendAccountEvent(event: AccountEvent): Promise<void>;
    /** The requests `operatorId` decided within the range (UTC days) that no sample holds yet. */
    samplingPopulation(operatorId: string, range: DayRange): Promise<ReviewRequest[]>;
    /** Numbers the sample and its reviews (in the order given). */
    createQualitySample(sample: Omit<QualitySample, 'id' | 'reviewIds'>, reviews: Omit<QualityReview, 'id' | 'sampleId'>[]): Promise<QualitySample>;
    saveQualityReview(review: QualityReview): Promise<void>;
    /** Takes the idempotency key for this transaction: a second submission with it waits here, then sees the first's. */
    lockIntakeKey(idempotencyKey: string): Promise<void>;
    /** Numbers and stores a new request (intake), with the key it was submitted under, if any. */
    insertRequest(draft: RequestDraft, submission: Omit<IntakeSubmission, 'requestId' | 'requestKind'> | null): Promise<ReviewRequest>;
    /** Verifications whose ID number is this one (case-insensitive), locked: a new one updates their duplicates. */
    lockVerificationsWithIdNumber(idNumber: string): Promise<Verification[]>;
    /** Numbers the notices (in the order given) and queues them. */
    appendNotices(drafts: readonly NoticeDraft[]): Promise<Notice[]>;
    /**
     * Up to `limit` notices a sender may try now, locked, oldest first: queued ones whose next attempt is due, and sending
     * ones whose sender's claim ran out (it crashed). Notices another transaction is locking are passed over.
     */
    lockDueNotices(now: Date, limit: number): Promise<Notice[]>;
    /** These notices, locked until the transaction ends (the sender writes an attempt's outcome). */
    lockNotices(ids: readonly string[]): Promise<Notice[]>;
    saveNotice(notice: Notice): Promise<void>;
}

export interface Store extends StoreReads {
    /** Runs `work` as one transaction: all its writes or none. A thrown error undoes them and is thrown again. */
    transaction<T>(work: (tx: StoreWrites) => Promise<T>): Promise<T>;
    /** Recomputes what depends on the review team's day (failed checks: card expiry, age) once that day changes. */
    refreshDerived(now: Date): Promise<void>;
    close(): Promise<void>;
}
