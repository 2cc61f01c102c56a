// The API's record shapes: the one place both the console (src/) and the mock server (mocks/) import them from.

export type RequestKind = 'verification' | 'cancellation';
export type RequestStatus = 'pending' | 'in_review' | 'awaiting_second_approval' | 'approved' | 'rejected';
export type Role = 'operator' | 'supervisor';
export type CustomerLanguage = 'zh-CN' | 'en';
export type Outcome = 'approved' | 'rejected';

export interface Operator {
    id: string;
    username: string;
    name: string;
    role: Role;
}

export interface Decision {
    outcome: Outcome;
    reasons: string[];
    note: string | null;
    customerMessage: string | null;
}

/** Fields every request has, whichever its kind. */
export interface RequestBase {
    id: string;
    kind: RequestKind;
    status: RequestStatus;
    /** Incremented on every state change; decisions must carry the version they were made on. */
    version: number;
    submittedAt: string;
    dueAt: string;
    assignee: string | null;
    claimedAt: string | null;
    claimExpiresAt: string | null;
    decidedAt: string | null;
    decidedBy: string | null;
    decision: Decision | null;
    attempt: number;
    previousId: string | null;
    customerLanguage: CustomerLanguage;
    mobileNumber: string;
    email: string;
}

/** What the card itself shows, as read by the document scanner; absent fields were not read. */
export interface CardReading {
    name: string | null;
    idNumber: string | null;
    validFrom: string | null;
    /** ISO date, or 'long_term' (长期). */
    validUntil: string | 'long_term' | null;
}

export interface VerificationDocuments {
    idFront: string | null;
    idBack: string | null;
    selfie: string | null;
}

export interface Verification extends RequestBase {
    kind: 'verification';
    fullName: string;
    idNumber: string;
    sex: 'male' | 'female' | null;
    contactPhone: string;
    address: string;
    card: CardReading;
    documents: VerificationDocuments;
    /** Computed by the server from the shared checks module, so that lists can sort and filter on it. */
    failedChecks: number;
    /** Other requests that carry the same ID number (server-computed). */
    duplicateIds: string[];
}

export interface BoundDevice {
    id: string;
    name: string;
    boundAt: string;
}

export interface OpenItem {
    id: string;
    type: 'bill' | 'order';
    description: string;
    /** IDR, whole rupiah. */
    amount: number;
}

export interface AccountFacts {
    accountId: string;
    /** Remaining balance in IDR, whole rupiah. */
    balance: number;
    refundRequested: boolean;
    refundSettled: boolean;
    refundReference: string | null;
    boundDevices: BoundDevice[];
    openItems: OpenItem[];
    verificationStatus: 'verified' | 'unverified' | 'pending';
}

export interface Cancellation extends RequestBase {
    kind: 'cancellation';
    holderName: string;
    leavingReason: string;
    account: AccountFacts;
    idScan: string | null;
    /** Server-derived: a refund above the four-eyes threshold is involved, so approval takes two people. */
    requiresSecondApproval: boolean;
    /** The operator's approval while the request awaits a supervisor's second approval. */
    firstApproval: { by: string; at: string; note: string | null } | null;
    numberReleasedAt: string | null;
    numberReleasedBy: string | null;
}

export type ReviewRequest = Verification | Cancellation;

export interface Reason {
    /** The reason code, e.g. "id_expired". */
    id: string;
    kind: RequestKind;
    /** Position in the catalogue: the order operators see (and pick with number keys). */
    order: number;
    /** 'retry': the customer may fix it and submit again; 'final': they may not. */
    retry: 'retry' | 'final';
    label: Record<CustomerLanguage, string>;
    /** Customer-facing message template; `{name}` is replaced by the customer's name. */
    template: Record<CustomerLanguage, string>;
}

export type AuditAction = 'claim' | 'release' | 'lapse' | 'approve' | 'reject' | 'second_approve' | 'send_back' | 'reassign' | 'quality_verdict';

export interface AuditEntry {
    id: string;
    at: string;
    actor: string;
    action: AuditAction;
    requestKind: RequestKind;
    requestId: string;
    fromStatus: RequestStatus;
    toStatus: RequestStatus;
    reasons: string[];
    note: string | null;
    /** `reassign` entries only: the operator the request was handed to (the actor is the supervisor). */
    assignee?: string;
}

export interface ApiErrorBody {
    error: {
        code: ApiErrorCode;
        message: string;
        /** Per-field problems for 400s. */
        fields?: Record<string, string>;
        /** Failing cancellation preconditions, for preconditions_failed. */
        preconditions?: string[];
        /** Who holds the claim, for conflict_claimed. */
        holder?: string;
        /** The current record, for 409s. */
        record?: ReviewRequest;
    };
}

export type ApiErrorCode =
    | 'bad_request'
    | 'invalid_reasons'
    | 'unauthenticated'
    | 'forbidden'
    | 'not_found'
    | 'method_not_allowed'
    | 'conflict_claimed'
    | 'conflict_version'
    | 'conflict_state'
    | 'preconditions_failed'
    | 'four_eyes_same_person'
    | 'queue_empty'
    | 'internal';

export interface LoginResponse {
    token: string;
    user: Pick<Operator, 'id' | 'name' | 'role'>;
}

/** GET /stats: queue health and team figures for a date range (supervisors). */
export interface QueueHealth {
    pending: number;
    inReview: number;
    awaitingSecondApproval: number;
    /** submittedAt of the oldest open request, or null when the queue is empty. */
    oldestWaitingSince: string | null;
    overdue: number;
    dueToday: number;
}

export interface OperatorStats {
    operatorId: string;
    name: string;
    decisions: number;
    approved: number;
    rejected: number;
    /** approved / decisions, or null without decisions. */
    approvalRate: number | null;
    /** Median time from claim to decision, in ms, or null without decisions. */
    medianHandlingMs: number | null;
    perDay: { day: string; decisions: number }[];
    sampled: number;
    reviewed: number;
    disagreements: number;
    /** disagreements / reviewed, or null when nothing was reviewed. */
    disagreementRate: number | null;
}

export interface Stats {
    range: { from: string; to: string };
    queues: Record<RequestKind, QueueHealth>;
    team: OperatorStats[];
    reasons: { id: string; kind: RequestKind; count: number }[];
}

export type QualityVerdict = 'agree' | 'disagree';

/** One sampled decision re-reviewed blind: outcome and reasons stay null until the verdict is given. */
export interface QualityReview {
    id: string;
    sampleId: string;
    requestKind: RequestKind;
    requestId: string;
    operatorId: string;
    decidedAt: string;
    verdict: QualityVerdict | null;
    note: string | null;
    reviewedBy: string | null;
    reviewedAt: string | null;
    outcome: Outcome | null;
    reasons: string[] | null;
}

export interface QualitySample {
    id: string;
    operatorId: string;
    from: string;
    to: string;
    rate: number;
    createdBy: string;
    createdAt: string;
    reviewIds: string[];
}

/** The request fields that tell the operator's decision: a quality review hides them (null) until the verdict. */
export type BlindedRequestField = 'status' | 'version' | 'decision' | 'decidedBy' | 'decidedAt' | 'firstApproval' | 'numberReleasedAt' | 'numberReleasedBy';

type Blinded<T extends RequestBase> = Omit<T, BlindedRequestField> & {
    status: RequestStatus | null;
    /** Hidden too: how many state changes a request went through hints at its outcome. */
    version: number | null;
    decision: Decision | null;
    decidedBy: string | null;
    decidedAt: string | null;
};

/**
 * GET /quality-reviews/{id} `request`: the sampled request as the operator saw it. Before the verdict every
 * BlindedRequestField is null; after it, the full request (the same values GET /{resource}/{id} shows).
 */
export type BlindRequest =
    | Blinded<Verification>
    | (Blinded<Cancellation> & {
        firstApproval: Cancellation['firstApproval'];
        numberReleasedAt: string | null;
        numberReleasedBy: string | null;
    });

/** GET /quality-reviews/{id} and the answer of POST /quality-reviews/{id}/verdict. */
export interface QualityReviewWithRequest extends QualityReview {
    request: BlindRequest;
}
