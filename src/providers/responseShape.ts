import type { ReviewRequest } from '../domain/types';

// What the console relies on in the API's answers (src/domain/types.ts), checked once at the data provider so that a
// malformed answer becomes a translated error instead of a crash deep inside a component.

/** The first thing found wrong with an answer, e.g. "verifications[3].account.balance: expected a number". */
export class ShapeProblem extends Error {}

type Check = (value: unknown, path: string) => void;

const fail = (path: string, expected: string): never => {
    throw new ShapeProblem(`${path}: expected ${expected}`);
};
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const string: Check = (value, path) => { if (typeof value !== 'string') fail(path, 'a string'); };
const integer: Check = (value, path) => { if (!Number.isSafeInteger(value)) fail(path, 'an integer'); };
const number: Check = (value, path) => { if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'a number'); };
const boolean: Check = (value, path) => { if (typeof value !== 'boolean') fail(path, 'a boolean'); };
const instant: Check = (value, path) => { if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) fail(path, 'an ISO instant'); };
const oneOf = (...allowed: unknown[]): Check => (value, path) => { if (!allowed.includes(value)) fail(path, `one of ${allowed.join(', ')}`); };
const nullable = (check: Check): Check => (value, path) => { if (value !== null) check(value, path); };
const arrayOf = (check: Check): Check => (value, path) => {
    if (!Array.isArray(value)) fail(path, 'an array');
    (value as unknown[]).forEach((item, index) => check(item, `${path}[${index}]`));
};
const shape = (fields: Record<string, Check>): Check => (value, path) => {
    if (!isObject(value)) fail(path, 'an object');
    for (const [key, check] of Object.entries(fields)) check((value as Record<string, unknown>)[key], `${path}.${key}`);
};
const id: Check = (value, path) => {
    if (!((typeof value === 'string' && value !== '') || Number.isSafeInteger(value))) fail(path, 'an id');
};

const decision = shape({ outcome: oneOf('approved', 'rejected'), reasons: arrayOf(string), note: nullable(string), customerMessage: nullable(string) });

const requestBase = {
    id: string,
    status: oneOf('pending', 'in_review', 'awaiting_second_approval', 'approved', 'rejected'),
    version: integer,
    submittedAt: instant,
    dueAt: instant,
    assignee: nullable(string),
    claimedAt: nullable(instant),
    claimExpiresAt: nullable(instant),
    decidedAt: nullable(instant),
    decidedBy: nullable(string),
    decision: nullable(decision),
    attempt: integer,
    previousId: nullable(string),
    customerLanguage: oneOf('zh-CN', 'en'),
    mobileNumber: string,
    email: string,
};

const verification = shape({
    ...requestBase,
    kind: oneOf('verification'),
    fullName: string,
    idNumber: string,
    sex: oneOf('male', 'female', null),
    contactPhone: string,
    address: string,
    card: shape({ name: nullable(string), idNumber: nullable(string), validFrom: nullable(string), validUntil: nullable(string) }),
    documents: shape({ idFront: nullable(string), idBack: nullable(string), selfie: nullable(string) }),
    failedChecks: integer,
    duplicateIds: arrayOf(string),
});

const cancellation = shape({
    ...requestBase,
    kind: oneOf('cancellation'),
    holderName: string,
    leavingReason: string,
    account: shape({
        accountId: string,
        balance: number,
        refundRequested: boolean,
        refundSettled: boolean,
        refundReference: nullable(string),
        boundDevices: arrayOf(shape({ id: string, name: string, boundAt: instant })),
        openItems: arrayOf(shape({ id: string, type: oneOf('bill', 'order'), description: string, amount: number })),
        verificationStatus: oneOf('verified', 'unverified', 'pending'),
    }),
    idScan: nullable(string),
    requiresSecondApproval: boolean,
    firstApproval: nullable(shape({ by: string, at: instant, note: nullable(string) })),
    numberReleasedAt: nullable(instant),
    numberReleasedBy: nullable(string),
});

const label = shape({ en: string, 'zh-CN': string });

/** Per resource, what one record must look like; other resources only need an id. */
const RECORD: Record<string, Check> = {
    verifications: verification,
    cancellations: cancellation,
    reasons: shape({ id: string, kind: oneOf('verification', 'cancellation'), order: number, retry: oneOf('retry', 'final'), label, template: label }),
    operators: shape({ id: string, name: string, role: oneOf('operator', 'supervisor') }),
    audit: shape({ id: string, at: instant, actor: string, action: string, requestId: string, fromStatus: string, toStatus: string, reasons: arrayOf(string), note: nullable(string) }),
};

/** Throws a ShapeProblem unless `value` is one record of `resource` as the console uses it. */
export function checkRecord(resource: string, value: unknown, path = resource): void {
    if (!isObject(value)) fail(path, 'an object');
    id((value as Record<string, unknown>).id, `${path}.id`);
    RECORD[resource]?.(value, path);
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

/** GET /stats: the parts the dashboard reads. */
export const checkStats: (value: unknown) => void = value => shape({
    range: shape({ from: string, to: string }),
    queues: shape({ verification: isObjectCheck, cancellation: isObjectCheck }),
    team: arrayOf(shape({ operatorId: string, name: string, decisions: number, perDay: arrayOf(shape({ day: string, decisions: number })) })),
    reasons: arrayOf(shape({ id: string, kind: string, count: number })),
})(value, 'stats');

function isObjectCheck(value: unknown, path: string) {
    if (!isObject(value)) fail(path, 'an object');
}
