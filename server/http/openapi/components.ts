import * as z from 'zod/mini';
import * as bodies from '../../../src/contract/bodies';
import { errorBody } from '../../../src/contract/errors';
import * as lists from '../../../src/contract/listQuery';
import * as records from '../../../src/contract/records';

// The contract's schemas by the names the OpenAPI document gives them (components.schemas), written out as JSON Schema
// 2020-12 (what OpenAPI 3.1 uses) by zod. A schema used inside another named one becomes a $ref to it.

export const NAMED_SCHEMAS = {
    Operator: records.operator,
    ListedOperator: records.listedOperator,
    AccountEvent: records.accountEvent,
    Decision: records.decision,
    CardReading: records.cardReading,
    VerificationDocuments: records.verificationDocuments,
    Verification: records.verification,
    BoundDevice: records.boundDevice,
    OpenItem: records.openItem,
    AccountFacts: records.accountFacts,
    FirstApproval: records.firstApproval,
    Cancellation: records.cancellation,
    ReviewRequest: records.reviewRequest,
    DecidedAndNext: records.decidedAndNext,
    Reason: records.reason,
    AuditEntry: records.auditEntry,
    Notice: records.notice,
    LoginAnswer: records.loginAnswer,
    IntakeReceipt: records.intakeReceipt,
    QueueHealth: records.queueHealth,
    OperatorStats: records.operatorStats,
    Stats: records.stats,
    QualitySample: records.qualitySample,
    QualityReview: records.qualityReview,
    BlindRequest: records.blindRequest,
    QualityReviewWithRequest: records.qualityReviewWithRequest,
    ErrorBody: errorBody,
    LoginBody: bodies.loginBody,
    ClaimNextBody: bodies.claimNextBody,
    ReleaseBody: bodies.releaseBody,
    ApproveBody: bodies.approveBody,
    RejectBody: bodies.rejectBody,
    SendBackBody: bodies.sendBackBody,
    RevealBody: bodies.revealBody,
    ReassignBody: bodies.reassignBody(),
    QualitySampleBody: bodies.qualitySampleBody(),
    VerdictBody: bodies.verdictBody,
    Sort: lists.sortParam,
    Range: lists.rangeParam,
    VerificationFilter: lists.verificationFilter,
    CancellationFilter: lists.cancellationFilter,
    AuditFilter: lists.auditFilter,
    NoticeFilter: lists.noticeFilter,
    ReasonFilter: lists.reasonFilter,
    OperatorFilter: lists.operatorFilter,
    AccountEventFilter: lists.accountEventFilter,
    QualitySampleFilter: lists.qualitySampleFilter,
    QualityReviewFilter: lists.qualityReviewFilter,
} satisfies Record<string, z.ZodMiniType>;

export type SchemaName = keyof typeof NAMED_SCHEMAS;

export const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });

/** zod writes JavaScript's safe-integer range on every integer: noise to a reader, and bytes in the console (responseShape). */
function withoutSafeIntegerBounds(schema: Record<string, unknown>) {
    if (schema.minimum === Number.MIN_SAFE_INTEGER) delete schema.minimum;
    if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
}

/** components.schemas: every named schema as JSON Schema, referring to the others by $ref. */
export function componentSchemas(): Record<string, unknown> {
    const registry = z.registry<{ id: string }>();
    for (const [id, schema] of Object.entries(NAMED_SCHEMAS)) registry.add(schema, { id });
    // "input": what a client may send and what a console must read; unknown members are allowed, as the contract says.
    const { schemas } = z.toJSONSchema(registry, { uri: id => `#/components/schemas/${id}`, io: 'input', override: ({ jsonSchema }) => withoutSafeIntegerBounds(jsonSchema) });
    return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => {
        // The document names each schema already: no $schema or $id inside.
        const component: Record<string, unknown> = { ...schema };
        delete component.$schema;
        delete component.$id;
        return [id, component];
    }));
}
