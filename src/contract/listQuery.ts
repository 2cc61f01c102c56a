import * as z from 'zod/mini';
import type { FieldProblem } from './errors';
import { NOTICE_CHANNELS, NOTICE_STATES, REQUEST_STATUSES } from './primitives';

// The list dialect's query parameters (docs/api.md §5): `sort`, `range` and `filter`, each URL-encoded JSON. The filters'
// value rules per resource; which keys exist and which fields sort is in src/domain/lists/.

const problem = (code: FieldProblem) => ({ error: code });

/** ["field", "ASC" | "DESC"], the order in any case. */
export const sortParam = z.tuple([z.string(), z.string()], problem('invalid'));
export const rangeParam = z.tuple([z.int().check(z.gte(0)), z.int().check(z.gte(0))], problem('invalid'));

/** Compared as text, one value or many: never refused (getMany sends {"id": [...]}). */
const anyValue = z.optional(z.unknown());
const oneOrMany = <T extends z.core.SomeType>(value: T, code: FieldProblem) => z.optional(z.union([value, z.array(value)], problem(code)));
const flag = z.optional(z.boolean(problem('not_boolean')));
const text = z.optional(z.string(problem('not_string')));
const statuses = oneOrMany(z.enum(REQUEST_STATUSES), 'invalid');

/** Filters of GET /verifications and GET /cancellations; "" values are left out before these rules apply. */
const requestFilterShape = { id: anyValue, q: text, open: flag, status: statuses, assignee: text, overdue: flag, resubmission: flag, previousId: text, decidedBy: text, noticeFailed: flag };
export const verificationFilter = z.strictObject({ ...requestFilterShape, hasFailedChecks: flag });
export const cancellationFilter = z.strictObject({ ...requestFilterShape, readyToApprove: flag, releasePending: flag });

export const auditFilter = z.strictObject({
    id: anyValue, requestId: anyValue, q: text, actor: anyValue, action: anyValue, toStatus: statuses,
    requestKind: anyValue, reason: anyValue, at_gte: anyValue, at_lte: anyValue,
});
export const qualitySampleFilter = z.strictObject({ id: anyValue, operatorId: anyValue, createdBy: anyValue });
export const qualityReviewFilter = z.strictObject({ id: anyValue, sampleId: anyValue, operatorId: anyValue, verdict: oneOrMany(z.enum(['pending', 'agree', 'disagree']), 'invalid') });
/** Reasons and operators: "" is a value here, not "no filter". */
export const reasonFilter = z.strictObject({ id: anyValue, kind: anyValue, retry: anyValue });
export const operatorFilter = z.strictObject({ id: anyValue, role: anyValue, disabled: anyValue });
export const accountEventFilter = z.strictObject({ username: anyValue, action: anyValue, actor: anyValue, at_gte: anyValue, at_lte: anyValue });
/** GET /notices (docs/api.md §6.12). */
export const noticeFilter = z.strictObject({
    id: anyValue, requestId: anyValue, channel: oneOrMany(z.enum(NOTICE_CHANNELS), 'invalid'), state: oneOrMany(z.enum(NOTICE_STATES), 'invalid'),
});
