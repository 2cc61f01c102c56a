import type * as z from 'zod/mini';
import type { errorBody } from '../contract/errors';
import type { AUDIT_ACTIONS, CUSTOMER_LANGUAGES, ERROR_CODES, NOTICE_CHANNELS, NOTICE_STATES, OUTCOMES, QUALITY_VERDICTS, REQUEST_KINDS, REQUEST_STATUSES, ROLES } from '../contract/primitives';
import type * as records from '../contract/records';

// The API's record shapes, inferred from the contract's schemas (src/contract/): the one place both the console (src/)
// and the servers (server/, mocks/) import them from.

export type RequestKind = (typeof REQUEST_KINDS)[number];
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type Role = (typeof ROLES)[number];
export type CustomerLanguage = (typeof CUSTOMER_LANGUAGES)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type QualityVerdict = (typeof QUALITY_VERDICTS)[number];
export type ApiErrorCode = (typeof ERROR_CODES)[number];
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];
export type NoticeState = (typeof NOTICE_STATES)[number];

export type Operator = z.infer<typeof records.operator>;
export type ListedOperator = z.infer<typeof records.listedOperator>;
export type AccountEventRecord = z.infer<typeof records.accountEvent>;
export type Decision = z.infer<typeof records.decision>;
/** Fields every request has, whichever its kind. */
export type RequestBase = z.infer<typeof records.requestBase>;
/** What the card itself shows, as read by the document scanner; null where it read nothing. `validUntil` may be 'long_term' (长期). */
export type CardReading = z.infer<typeof records.cardReading>;
export type VerificationDocuments = z.infer<typeof records.verificationDocuments>;
export type Verification = z.infer<typeof records.verification>;
export type BoundDevice = z.infer<typeof records.boundDevice>;
export type OpenItem = z.infer<typeof records.openItem>;
export type AccountFacts = z.infer<typeof records.accountFacts>;
export type Cancellation = z.infer<typeof records.cancellation>;
export type ReviewRequest = Verification | Cancellation;
export type Reason = z.infer<typeof records.reason>;
export type AuditEntry = z.infer<typeof records.auditEntry>;
/** A customer notice in the outbox (docs/api.md §6.12). */
export type Notice = z.infer<typeof records.notice>;
export type ApiErrorBody = z.infer<typeof errorBody>;
export type LoginResponse = z.infer<typeof records.loginAnswer>;
export type QueueHealth = z.infer<typeof records.queueHealth>;
export type OperatorStats = z.infer<typeof records.operatorStats>;
/** GET /stats: queue health and team figures for a date range (supervisors). */
export type Stats = z.infer<typeof records.stats>;
/** One sampled decision re-reviewed blind: outcome and reasons stay null until the verdict is given. */
export type QualityReview = z.infer<typeof records.qualityReview>;
export type QualitySample = z.infer<typeof records.qualitySample>;
/**
 * GET /quality-reviews/{id} `request`: the sampled request as the operator saw it. Before the verdict every
 * BlindedRequestField is null; after it, the full request (the same values GET /{resource}/{id} shows).
 */
export type BlindRequest = z.infer<typeof records.blindRequest>;
/** GET /quality-reviews/{id} and the answer of POST /quality-reviews/{id}/verdict. */
export type QualityReviewWithRequest = z.infer<typeof records.qualityReviewWithRequest>;
/** A decision with `next` (decide-and-claim-next): the decided request and the caller's next one. */
export type DecidedAndNext = z.infer<typeof records.decidedAndNext>;

/** The request fields that tell the operator's decision: a quality review hides them (null) until the verdict. */
export type BlindedRequestField = 'status' | 'version' | 'decision' | 'decidedBy' | 'decidedAt' | 'firstApproval' | 'numberReleasedAt' | 'numberReleasedBy';
