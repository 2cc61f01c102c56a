import { components } from '../../docs/openapi.json';
import type { ReviewRequest } from '../domain/types';
import { firstProblem, type JsonSchema } from './schemaCheck';

// What the console relies on in the API's answers: the published contract itself (docs/openapi.json, generated from the
// schemas in src/contract), checked once at the data provider so that a malformed answer becomes a translated error
// instead of a crash deep inside a component. The JSON Schemas, not zod: they cost the first chunk 3 KB instead of 7.

/** The first thing found wrong with an answer, e.g. "verifications[3].account.balance: expected integer". */
export class ShapeProblem extends Error {}

const fail = (path: string, expected: string): never => {
    throw new ShapeProblem(`${path}: expected ${expected}`);
};
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const SCHEMAS = components.schemas as unknown as Record<string, JsonSchema>;

/** Per resource, the schema of one record; other resources only need an id. */
const RECORD: Record<string, string> = {
    verifications: 'Verification',
    cancellations: 'Cancellation',
    reasons: 'Reason',
    operators: 'ListedOperator',
    'account-events': 'AccountEvent',
    audit: 'AuditEntry',
    notices: 'Notice',
    'quality-samples': 'QualitySample',
    'quality-reviews': 'QualityReview',
};

function check(schemaName: string, value: unknown, path: string): void {
    const problem = firstProblem({ $ref: schemaName }, value, path, SCHEMAS);
    if (problem) throw new ShapeProblem(problem);
}

/** Throws a ShapeProblem unless `value` is one record of `resource`. */
export function checkRecord(resource: string, value: unknown, path = resource): void {
    if (!isObject(value)) fail(path, 'an object');
    const { id } = value as Record<string, unknown>;
    if (!((typeof id === 'string' && id !== '') || Number.isSafeInteger(id))) fail(`${path}.id`, 'an id');
    if (Object.hasOwn(RECORD, resource)) check(RECORD[resource]!, value, path);
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
export const checkStats = (value: unknown): void => check('Stats', value, 'stats');
