import * as z from 'zod/mini';
import { auditAction, bilingual, customerLanguage, instant, noticeChannel, noticeState, outcome, qualityVerdict, requestKind, requestStatus, role, rupiah } from './primitives';

// The records the API answers with (docs/api.md §6): the one source of their shapes. src/domain/types.ts infers the
// TypeScript types from them, the server's answers follow them, the console checks every answer against them
// (src/providers/responseShape.ts), and docs/openapi.json is generated from them (scripts/openapi.ts).

export const operator = z.object({ id: z.string(), username: z.string(), name: z.string(), role });
/** An account as GET /operators lists it (docs/api.md §6.4): disabled ones too, marked, so that names still resolve. */
export const listedOperator = z.object({ id: z.string(), username: z.string(), name: z.string(), role, disabled: z.boolean() });

/** Something that happened to an account (docs/api.md §6.15): failed logins, lockouts, the accounts command. */
export const accountEvent = z.object({
    id: z.string(),
    at: instant,
    actor: z.string(),
    action: z.enum(['login_failed', 'login_locked', 'account_added', 'account_disabled', 'account_enabled', 'role_changed', 'password_reset']),
    username: z.string(),
    address: z.nullable(z.string()),
    detail: z.nullable(z.string()),
});

export const decision = z.object({
    outcome,
    /** Reason codes; [] when approved. */
    reasons: z.array(z.string()),
    /** An internal note, never shown to the customer. */
    note: z.nullable(z.string()),
    /** The text sent to the customer; null when approved. */
    customerMessage: z.nullable(z.string()),
});

/** Fields every request has, whichever its kind. */
export const requestBaseShape = {
    id: z.string(),
    kind: requestKind,
    status: requestStatus,
    /** +1 on every state change; decisions must carry the version they were made on. */
    version: z.int(),
    submittedAt: instant,
    dueAt: instant,
    assignee: z.nullable(z.string()),
    claimedAt: z.nullable(instant),
    claimExpiresAt: z.nullable(instant),
    decidedAt: z.nullable(instant),
    decidedBy: z.nullable(z.string()),
    decision: z.nullable(decision),
    attempt: z.int(),
    previousId: z.nullable(z.string()),
    customerLanguage,
    mobileNumber: z.string(),
    email: z.string(),
    /** true: identity data masked and no document URL (src/domain/identityMasking.ts); absent or false: the whole record. */
    identityMasked: z.optional(z.boolean()),
    /** When the retention job deleted the documents and full identity data (docs/api.md §6.14); absent or null: not purged. */
    identityPurgedAt: z.optional(z.nullable(instant)),
};
export const requestBase = z.object(requestBaseShape);

/** What the card shows, as the document scanner read it; null where it read nothing. `validUntil` may be "long_term". */
export const cardReading = z.object({ name: z.nullable(z.string()), idNumber: z.nullable(z.string()), validFrom: z.nullable(z.string()), validUntil: z.nullable(z.string()) });
/** Absolute image URLs (docs/api.md §6.6), null when missing. */
export const verificationDocuments = z.object({ idFront: z.nullable(z.string()), idBack: z.nullable(z.string()), selfie: z.nullable(z.string()) });

export const verification = z.object({
    ...requestBaseShape,
    kind: z.literal('verification'),
    fullName: z.string(),
    idNumber: z.string(),
    sex: z.nullable(z.enum(['male', 'female'])),
    contactPhone: z.string(),
    address: z.string(),
    card: cardReading,
    documents: verificationDocuments,
    /** Server-computed from src/domain/verificationChecks.ts, so that lists can sort and filter on it. */
    failedChecks: z.int(),
    /** Other verifications with the same ID number and another mobile number (server-computed). */
    duplicateIds: z.array(z.string()),
});

export const boundDevice = z.object({ id: z.string(), name: z.string(), boundAt: instant });
export const openItem = z.object({ id: z.string(), type: z.enum(['bill', 'order']), description: z.string(), amount: rupiah });
export const accountFacts = z.object({
    accountId: z.string(),
    balance: rupiah,
    refundRequested: z.boolean(),
    refundSettled: z.boolean(),
    refundReference: z.nullable(z.string()),
    boundDevices: z.array(boundDevice),
    openItems: z.array(openItem),
    verificationStatus: z.enum(['verified', 'unverified', 'pending']),
});
export const firstApproval = z.object({ by: z.string(), at: instant, note: z.nullable(z.string()) });

export const cancellation = z.object({
    ...requestBaseShape,
    kind: z.literal('cancellation'),
    holderName: z.string(),
    leavingReason: z.string(),
    account: accountFacts,
    idScan: z.nullable(z.string()),
    /** Server-derived (src/domain/fourEyes.ts): a refund above the four-eyes threshold, so approval takes two people. */
    requiresSecondApproval: z.boolean(),
    /** The holder's approval while the request awaits a supervisor's second approval. */
    firstApproval: z.nullable(firstApproval),
    numberReleasedAt: z.nullable(instant),
    numberReleasedBy: z.nullable(z.string()),
    /**
     * Approved but the number not released yet (docs/api.md §6.2): the release system's last error and when the server
     * tries again. Absent or null once released, and for a request not approved.
     */
    numberRelease: z.optional(z.nullable(z.object({ attempts: z.int(), lastError: z.nullable(z.string()), nextAttemptAt: instant }))),
});

export const reviewRequest = z.discriminatedUnion('kind', [verification, cancellation]);

export const reason = z.object({
    /** The reason code, e.g. "id_expired". */
    id: z.string(),
    kind: requestKind,
    /** Position in the catalogue: the order operators see (and pick with number keys). */
    order: z.int(),
    /** "retry": the customer may fix it and submit again; "final": they may not. */
    retry: z.enum(['retry', 'final']),
    label: bilingual,
    /** Customer-facing sentence. */
    template: bilingual,
});

export const auditEntry = z.object({
    id: z.string(),
    at: instant,
    /** An operator id, or "system" for a lapse. */
    actor: z.string(),
    action: auditAction,
    /** null only on `export` entries (an export is about no one request). */
    requestKind: z.nullable(requestKind),
    /** On `export` entries: the resource exported (`verifications`, `cancellations`, `audit`). */
    requestId: z.string(),
    fromStatus: z.nullable(requestStatus),
    toStatus: z.nullable(requestStatus),
    reasons: z.array(z.string()),
    note: z.nullable(z.string()),
    /** `reassign` entries only: whom the request was handed to. */
    assignee: z.optional(z.string()),
    /** `export` entries only: what was exported (docs/api.md §6.13). */
    export: z.optional(z.object({
        resource: z.enum(['verifications', 'cancellations', 'audit']),
        /** The list filter as sent (JSON), `{}` without one. */
        filter: z.string(),
        rows: z.int(),
        /** Whole identity data (a supervisor, with the purpose in `note`), or masked. */
        full: z.boolean(),
    })),
});

/** What the customer app is told when it submits a request (docs/api.md §6.11): no identity data, no document URL. */
export const intakeReceipt = z.object({
    id: z.string(), kind: requestKind, status: requestStatus, attempt: z.int(), previousId: z.nullable(z.string()), submittedAt: instant, dueAt: instant,
});

export const loginAnswer = z.object({ token: z.string(), user: z.object({ id: z.string(), name: z.string(), role }) });

export const queueHealth = z.object({
    pending: z.int(),
    inReview: z.int(),
    awaitingSecondApproval: z.int(),
    /** submittedAt of the oldest open request, null when none is open. */
    oldestWaitingSince: z.nullable(instant),
    overdue: z.int(),
    dueToday: z.int(),
});

export const operatorStats = z.object({
    operatorId: z.string(),
    name: z.string(),
    decisions: z.int(),
    approved: z.int(),
    rejected: z.int(),
    approvalRate: z.nullable(z.number()),
    medianHandlingMs: z.nullable(z.int()),
    perDay: z.array(z.object({ day: z.string(), decisions: z.int() })),
    sampled: z.int(),
    reviewed: z.int(),
    disagreements: z.int(),
    disagreementRate: z.nullable(z.number()),
});

export const stats = z.object({
    range: z.object({ from: z.string(), to: z.string() }),
    queues: z.object({ verification: queueHealth, cancellation: queueHealth }),
    team: z.array(operatorStats),
    reasons: z.array(z.object({ id: z.string(), kind: requestKind, count: z.int() })),
    /** Unusual access in the range, one per operator (src/domain/accessReview.ts, docs/api.md §6.7). */
    access: z.array(z.object({ operatorId: z.string(), opened: z.int(), decisions: z.int(), revealsOutsideOwn: z.int(), unusual: z.boolean() })),
});

export const qualitySample = z.object({
    id: z.string(),
    operatorId: z.string(),
    from: z.string(),
    to: z.string(),
    rate: z.number(),
    createdBy: z.string(),
    createdAt: instant,
    /** The reviews created, ordered by the sampled requests' decidedAt. */
    reviewIds: z.array(z.string()),
});

export const qualityReview = z.object({
    id: z.string(),
    sampleId: z.string(),
    requestKind,
    requestId: z.string(),
    operatorId: z.string(),
    decidedAt: instant,
    verdict: z.nullable(qualityVerdict),
    note: z.nullable(z.string()),
    reviewedBy: z.nullable(z.string()),
    reviewedAt: z.nullable(instant),
    /** The operator's outcome: null until the verdict. */
    outcome: z.nullable(outcome),
    /** The operator's reason codes: null until the verdict. */
    reasons: z.nullable(z.array(z.string())),
});

/** The fields of a request that tell the operator's decision: null in a quality review until the verdict. */
const blinded = { status: z.nullable(requestStatus), version: z.nullable(z.int()), decision: z.nullable(decision), decidedBy: z.nullable(z.string()), decidedAt: z.nullable(instant) };
export const blindRequest = z.discriminatedUnion('kind', [z.extend(verification, blinded), z.extend(cancellation, blinded)]);
export const qualityReviewWithRequest = z.extend(qualityReview, { request: blindRequest });

/** Decide-and-claim-next (docs/api.md §7): the decided request and the caller's next one, null when none is left. */
export const decidedAndNext = z.object({ decided: reviewRequest, next: z.nullable(reviewRequest) });

/**
 * A customer notice (docs/api.md §6.12): an e-mail or SMS written to the outbox in the transaction of the decision, and
 * delivered by the server's sender. `to` and `body` hold personal data: masked (`identityMasked`) for who may not see it.
 */
export const notice = z.object({
    id: z.string(),
    requestKind,
    requestId: z.string(),
    channel: noticeChannel,
    language: customerLanguage,
    /** The e-mail address or mobile number it goes to. */
    to: z.string(),
    /** E-mail only; null for an SMS. */
    subject: z.nullable(z.string()),
    body: z.string(),
    state: noticeState,
    /** Delivery attempts begun so far. */
    attempts: z.int(),
    /** When the sender tries next (queued), or when a sender's claim on it runs out (sending); null once sent or failed. */
    nextAttemptAt: z.nullable(instant),
    /** Why the last attempt failed; null when none did. */
    lastError: z.nullable(z.string()),
    createdAt: instant,
    sentAt: z.nullable(instant),
    identityMasked: z.optional(z.boolean()),
});
