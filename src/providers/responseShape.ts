import * as z from 'zod/mini';
import { auditEntry, cancellation, operator, qualityReview, qualitySample, reason, stats, verification } from '../contract/records';
import type { ReviewRequest } from '../domain/types';

// What the console relies on in the API's answers: the contract's own schemas (src/contract/records.ts), checked once at
// the data provider so that a malformed answer becomes a translated error instead of a crash deep inside a component.

/** The first thing found wrong with an answer, e.g. "verifications[3].account.balance: expected number". */
export class ShapeProblem extends Error {}

const fail = (path: string, expected: string): never => {
    throw new ShapeProblem(`${path}: expected ${expected}`);
};
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Per resource, what one record must look like; other resources only need an id. */
const RECORD: Record<string, z.ZodMiniType> = {
    verifications: verification,
    cancellations: cancellation,
    reasons: reason,
    operators: operator,
    audit: auditEntry,
    'quality-samples': qualitySample,
    'quality-reviews': qualityReview,
};

function check(schema: z.ZodMiniType, value: unknown, path: string): void {
    const result = schema.safeParse(value);
    if (result.success) return;
    const issue = result.error.issues[0]!;
    const where = issue.path.map(key => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
    fail(`${path}${where}`, issue.code === 'invalid_type' ? issue.expected : issue.code.replace(/_/g, ' '));
}

/** Throws a ShapeProblem unless `value` is one record of `resource`. */
export function checkRecord(resource: string, value: unknown, path = resource): void {
    if (!isObject(value)) fail(path, 'an object');
    const { id } = value as Record<string, unknown>;
    if (!((typeof id === 'string' && id !== '') || Number.isSafeInteger(id))) fail(`${path}.id`, 'an id');
    const schema = Object.hasOwn(RECORD, resource) ? RECORD[resource] : undefined;
    if (schema) check(schema, value, path);
}

/** Throws a ShapeProblem unless `value` is an array of records of `resource`. */
export function checkRecords(resource: string, value: unknown): void {
    if (!Array.isArray(value)) fail(resource, 'an array');
    (value as unknown[]).forEach((record, index) => checkRecord(resource, record, `${resource}[${index}]`));
}

/** The total of a list from `Content-Range: items 0-24/300`; a ShapeProblem if it is missing or unreadable. */
export function totalFromContentRange(header: string | null): number {
    const match = header === null ? null : /^\s*[\w-]+\s+(?:\d+-\d+|\*)\/(\d+)\s*$/.exec(header);
    if (!match) return fail('Content-Range', `"<unit> <start>-<end>/<total>", got ${JSON.stringify(header)}`);
    return Number(match[1]);
}

/** A review action's answer (claim, approve ...): one request record of its kind. */
export function checkRequest(resource: string, value: unknown): asserts value is ReviewRequest {
    checkRecord(resource, value);
}

/** GET /stats. */
export const checkStats = (value: unknown): void => check(stats, value, 'stats');
