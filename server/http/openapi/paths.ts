import { ref, type SchemaName } from './components';

// The endpoints of docs/api.md as OpenAPI paths. The prose (rules, order of checks) stays in docs/api.md; each operation
// points to its section.

type Status = 200 | 201 | 204 | 400 | 401 | 403 | 404 | 409 | 413 | 429;

interface Endpoint {
    summary: string;
    /** docs/api.md section. */
    section: string;
    tag: string;
    /** Default: a bearer token. */
    auth?: 'public' | 'bearer' | 'supervisor' | 'intake';
    /** A multipart/form-data body instead of JSON (intake): the parts' schema. */
    multipart?: Record<string, unknown>;
    params?: unknown[];
    body?: SchemaName;
    /** The success answer: a schema, a list of a schema (with Content-Range), or nothing. */
    answer: { status: Status; schema?: SchemaName | { oneOf: SchemaName[] }; list?: SchemaName; content?: Record<string, unknown> };
    errors: Status[];
}

const ERROR_MEANING: Partial<Record<Status, string>> = {
    400: 'The body or query is invalid (bad_request, or invalid_reasons on reject)',
    401: 'No valid token (unauthenticated)',
    403: 'The role or the four-eyes rule forbids it (forbidden, four_eyes_same_person), or a document link is altered or expired (forbidden)',
    404: 'Unknown id or route (not_found), or nothing to review (queue_empty)',
    409: 'The request is not in a state that allows it (conflict_claimed, conflict_version, conflict_state, preconditions_failed), or an Idempotency-Key reused for another submission (idempotency_key_reused)',
    413: 'The body is larger than the limit, or an uploaded image is larger than 2 MB (payload_too_large; fields names the image)',
    429: 'Too many failed logins for this account or from this address within the window (too_many_attempts); Retry-After says when to try again',
};

const pathId = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const jsonQuery = (name: string, schema: SchemaName, description: string) => ({ name, in: 'query', required: false, description, content: { 'application/json': { schema: ref(schema) } } });
const listParams = (filter: SchemaName) => [
    jsonQuery('sort', 'Sort', '["field","ASC"|"DESC"], URL-encoded JSON (docs/api.md §5)'),
    jsonQuery('range', 'Range', '[start,end], inclusive, at most 1000 rows, URL-encoded JSON'),
    jsonQuery('filter', filter, 'URL-encoded JSON object; "" values are ignored where the section says so'),
];
const text = (maxLength: number) => ({ type: 'string', maxLength });
const image = { type: 'string', contentMediaType: 'application/octet-stream', description: 'JPEG or PNG by its bytes, at most 2 MiB, 200-10000 px a side' };
const intakeForm = (required: string[], properties: Record<string, unknown>) => ({ type: 'object', required, properties });
const idempotencyKey = { name: 'Idempotency-Key', in: 'header', required: false, description: 'The same key with the same submission answers the first request (200, Idempotent-Replay); with another one 409 idempotency_key_reused', schema: { type: 'string', maxLength: 200 } };
const shared = { mobileNumber: { type: 'string', pattern: '^\\+62(831|832|833|838)\\d{8}$' }, email: text(254), customerLanguage: { type: 'string', enum: ['zh-CN', 'en'] }, previousId: text(40) };
const csv = { 'text/csv': { schema: { type: 'string', contentMediaType: 'text/csv' } } };
/** The query of a CSV export (docs/api.md §6.13): the list's filter and sort, no range, and full data with a purpose. */
const exportParams = (filter: SchemaName, full: boolean) => [
    jsonQuery('filter', filter, 'URL-encoded JSON object, as for the list'),
    jsonQuery('sort', 'Sort', '["field","ASC"|"DESC"], as for the list'),
    ...(full ? [{ name: 'full', in: 'query', required: false, description: 'true: whole identity data (supervisors, with a purpose)', schema: { type: 'string', enum: ['true', 'false'] } }] : []),
    { name: 'purpose', in: 'query', required: false, description: 'Why (required with full=true, at most 500 characters); kept as the export entry\'s note', schema: { type: 'string', maxLength: 500 } },
];
const day = (name: string) => ({ name, in: 'query', required: false, schema: { type: 'string', format: 'date' } });

function requestEndpoints(resource: 'verifications' | 'cancellations', record: 'Verification' | 'Cancellation', filter: SchemaName): Record<string, Record<string, Endpoint>> {
    const tag = resource;
    const id = pathId('id', `The request id (${record === 'Verification' ? 'V-000123' : 'C-000045'})`);
    const decision = { oneOf: [record, 'DecidedAndNext'] as SchemaName[] };
    const paths: Record<string, Record<string, Endpoint>> = {
        [`/${resource}`]: { get: { summary: `List ${resource} (identity data masked, §6.10)`, section: record === 'Verification' ? '6.1' : '6.2', tag, params: listParams(filter), answer: { status: 200, list: record }, errors: [400, 401] } },
        [`/${resource}/{id}`]: { get: { summary: `One ${record.toLowerCase()} (whole to supervisors and the claim's holder, masked to others, §6.10)`, section: record === 'Verification' ? '6.1' : '6.2', tag, params: [id], answer: { status: 200, schema: record }, errors: [401, 404] } },
        [`/${resource}/export`]: { get: { summary: `CSV of every ${record.toLowerCase()} the filter finds (masked; full data for supervisors with a purpose; audited; at most API_EXPORT_MAX_ROWS rows)`, section: '6.13', tag, params: exportParams(filter, true), answer: { status: 200, content: csv }, errors: [400, 401, 403] } },
        [`/${resource}/claim-next`]: { post: { summary: 'Review next: claim the next request of this kind', section: '7 claim-next', tag, body: 'ClaimNextBody', answer: { status: 200, schema: record }, errors: [400, 401, 404] } },
        [`/${resource}/{id}/claim`]: { post: { summary: 'Claim a pending request, or keep your claim alive', section: '7 claim', tag, params: [id], answer: { status: 200, schema: record }, errors: [401, 404, 409] } },
        [`/${resource}/{id}/release`]: { post: { summary: 'Give the request back to the queue', section: '7 release', tag, params: [id], body: 'ReleaseBody', answer: { status: 200, schema: record }, errors: [400, 401, 404, 409] } },
        [`/${resource}/{id}/approve`]: { post: { summary: 'Approve (a first or second approval for a large refund); with next, also claim the next request', section: '7 approve', tag, params: [id], body: 'ApproveBody', answer: { status: 200, schema: decision }, errors: [400, 401, 403, 404, 409] } },
        [`/${resource}/{id}/reject`]: { post: { summary: 'Reject with reasons; with next, also claim the next request', section: '7 reject', tag, params: [id], body: 'RejectBody', answer: { status: 200, schema: decision }, errors: [400, 401, 404, 409] } },
        [`/${resource}/{id}/reveal`]: { post: { summary: 'Show identity data, with a purpose (supervisors and whoever decided it; audited)', section: '6.10', tag, params: [id], body: 'RevealBody', answer: { status: 200, schema: record }, errors: [400, 401, 403, 404] } },
        [`/${resource}/{id}/reassign`]: { post: { summary: 'Hand an open request to a named account (supervisors)', section: '7 reassign', tag, auth: 'supervisor', params: [id], body: 'ReassignBody', answer: { status: 200, schema: record }, errors: [400, 401, 403, 404, 409] } },
    };
    if (resource === 'cancellations') {
        paths[`/${resource}/{id}/send-back`] = { post: { summary: 'Return a first-approved cancellation to the queue (supervisors)', section: '7 send-back', tag, auth: 'supervisor', params: [id], body: 'SendBackBody', answer: { status: 200, schema: record }, errors: [400, 401, 403, 404, 409] } };
    }
    return paths;
}

export const ENDPOINTS: Record<string, Record<string, Endpoint>> = {
    '/auth/login': { post: { summary: 'Sign in', section: '2', tag: 'auth', auth: 'public', body: 'LoginBody', answer: { status: 200, schema: 'LoginAnswer' }, errors: [400, 401, 429] } },
    '/auth/logout': { post: { summary: 'Revoke this token', section: '2', tag: 'auth', answer: { status: 204 }, errors: [401] } },
    ...requestEndpoints('verifications', 'Verification', 'VerificationFilter'),
    ...requestEndpoints('cancellations', 'Cancellation', 'CancellationFilter'),
    '/reasons': { get: { summary: 'The reason catalogue', section: '6.3', tag: 'catalogue', params: listParams('ReasonFilter'), answer: { status: 200, list: 'Reason' }, errors: [400, 401] } },
    '/reasons/{id}': { get: { summary: 'One reason', section: '6.3', tag: 'catalogue', params: [pathId('id', 'The reason code')], answer: { status: 200, schema: 'Reason' }, errors: [401, 404] } },
    '/operators': { get: { summary: 'The accounts', section: '6.4', tag: 'catalogue', params: listParams('OperatorFilter'), answer: { status: 200, list: 'ListedOperator' }, errors: [400, 401] } },
    '/operators/{id}': { get: { summary: 'One account', section: '6.4', tag: 'catalogue', params: [pathId('id', 'The account id')], answer: { status: 200, schema: 'ListedOperator' }, errors: [401, 404] } },
    '/audit': { get: { summary: 'The audit trail (operators: one request\'s timeline only)', section: '6.5', tag: 'audit', params: listParams('AuditFilter'), answer: { status: 200, list: 'AuditEntry' }, errors: [400, 401, 403] } },
    '/audit/export': { get: { summary: 'CSV of every audit entry the filter finds (supervisors; audited)', section: '6.13', tag: 'audit', auth: 'supervisor', params: exportParams('AuditFilter', false), answer: { status: 200, content: csv }, errors: [400, 401, 403] } },
    '/audit/{id}': { get: { summary: 'One audit entry (supervisors)', section: '6.5', tag: 'audit', auth: 'supervisor', params: [pathId('id', 'The entry id')], answer: { status: 200, schema: 'AuditEntry' }, errors: [401, 403, 404] } },
    '/notices': { get: { summary: 'Customer notices, the outbox (operators: one request\'s only; masked unless the caller sees that request whole)', section: '6.12', tag: 'audit', params: listParams('NoticeFilter'), answer: { status: 200, list: 'Notice' }, errors: [400, 401, 403] } },
    '/account-events': { get: { summary: 'What happened to accounts: failed logins, lockouts, the accounts command (supervisors)', section: '6.15', tag: 'supervision', auth: 'supervisor', params: listParams('AccountEventFilter'), answer: { status: 200, list: 'AccountEvent' }, errors: [400, 401, 403] } },
    '/stats': { get: { summary: 'Queue health and the team\'s decisions (supervisors)', section: '6.7', tag: 'supervision', auth: 'supervisor', params: [day('from'), day('to')], answer: { status: 200, schema: 'Stats' }, errors: [400, 401, 403] } },
    '/quality-samples': {
        get: { summary: 'Quality samples (supervisors)', section: '6.8', tag: 'supervision', auth: 'supervisor', params: listParams('QualitySampleFilter'), answer: { status: 200, list: 'QualitySample' }, errors: [400, 401, 403] },
        post: { summary: 'Draw a sample of an operator\'s decisions (supervisors)', section: '6.8', tag: 'supervision', auth: 'supervisor', body: 'QualitySampleBody', answer: { status: 201, schema: 'QualitySample' }, errors: [400, 401, 403] },
    },
    '/quality-samples/{id}': { get: { summary: 'One quality sample (supervisors)', section: '6.8', tag: 'supervision', auth: 'supervisor', params: [pathId('id', 'The sample id')], answer: { status: 200, schema: 'QualitySample' }, errors: [401, 403, 404] } },
    '/quality-reviews': { get: { summary: 'Quality reviews (supervisors)', section: '6.9', tag: 'supervision', auth: 'supervisor', params: listParams('QualityReviewFilter'), answer: { status: 200, list: 'QualityReview' }, errors: [400, 401, 403] } },
    '/quality-reviews/{id}': { get: { summary: 'One review with its request, blind until the verdict (supervisors)', section: '6.9', tag: 'supervision', auth: 'supervisor', params: [pathId('id', 'The review id')], answer: { status: 200, schema: 'QualityReviewWithRequest' }, errors: [401, 403, 404] } },
    '/documents/{requestId}/{file}': { get: {
        summary: 'A document image, by the opaque URL a record carries (no token)', section: '6.6', tag: 'documents', auth: 'public',
        params: [pathId('requestId', 'The request id'), pathId('file', 'id-front.svg, id-back.svg or selfie.svg (the mock\'s and the demo data\'s names)')],
        answer: { status: 200, content: Object.fromEntries(['image/svg+xml', 'image/png', 'image/jpeg'].map(type => [type, { schema: { type: 'string', contentMediaType: type } }])) },
        errors: [404],
    } },
    '/intake/verifications': { post: {
        summary: 'The customer app submits a verification (multipart form, intake key)', section: '6.11', tag: 'intake', auth: 'intake', params: [idempotencyKey],
        multipart: intakeForm(['fullName', 'idNumber', 'mobileNumber', 'contactPhone', 'email', 'address', 'idFront', 'idBack', 'selfie'], {
            fullName: text(100), idNumber: { type: 'string', pattern: '^\\d{17}[\\dXx]$' }, contactPhone: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' }, address: text(300),
            sex: { type: 'string', enum: ['male', 'female'] }, ...shared, idFront: image, idBack: image, selfie: image,
        }),
        answer: { status: 201, schema: 'IntakeReceipt' }, errors: [400, 401, 409, 413],
    } },
    '/intake/cancellations': { post: {
        summary: 'The customer app submits a cancellation (multipart form, intake key)', section: '6.11', tag: 'intake', auth: 'intake', params: [idempotencyKey],
        multipart: intakeForm(['holderName', 'accountId', 'mobileNumber', 'email', 'leavingReason'], {
            holderName: text(100), accountId: text(40), leavingReason: text(1000), refundRequested: { type: 'string', enum: ['true', 'false'] }, ...shared, idScan: image,
        }),
        answer: { status: 201, schema: 'IntakeReceipt' }, errors: [400, 401, 409, 413],
    } },
    '/files/{key}': { get: {
        summary: 'An uploaded document image, by the signed, expiring URL a record carries (no token)', section: '6.6', tag: 'documents', auth: 'public',
        params: [pathId('key', 'The stored image\'s key'), ...['viewer', 'expires', 'sig'].map(name => ({ name, in: 'query', required: true, schema: { type: 'string' } }))],
        answer: { status: 200, content: Object.fromEntries(['image/png', 'image/jpeg'].map(type => [type, { schema: { type: 'string', contentMediaType: type } }])) },
        errors: [403, 404],
    } },
    '/quality-reviews/{id}/verdict': { post: { summary: 'Give the verdict on a sampled decision (supervisors)', section: '6.9', tag: 'supervision', auth: 'supervisor', params: [pathId('id', 'The review id')], body: 'VerdictBody', answer: { status: 200, schema: 'QualityReviewWithRequest' }, errors: [400, 401, 403, 404, 409] } },
};

function operation(method: string, path: string, endpoint: Endpoint) {
    const { answer } = endpoint;
    const schema = answer.list ? { type: 'array', items: ref(answer.list) } : typeof answer.schema === 'string' ? ref(answer.schema) : answer.schema ? { oneOf: answer.schema.oneOf.map(ref) } : undefined;
    const success = {
        description: answer.status === 204 ? 'Done, no body' : 'Success',
        ...(answer.list ? { headers: {
            'Content-Range': { description: '<resource> <start>-<end>/<total>, or <resource> */<total> for an empty page', schema: { type: 'string' } },
            'Total-Estimated': { description: 'true when <total> is the database\'s estimate (the review server, above 1,000 matches); absent when it is exact', schema: { type: 'string', enum: ['true'] } },
        } } : {}),
        ...(schema ? { content: { 'application/json': { schema } } } : answer.content ? { content: answer.content } : {}),
    };
    return {
        operationId: `${method}${path.replace(/[{}]/g, '').replace(/(^|[/-])(\w)/g, (_m, _s, c: string) => c.toUpperCase())}`,
        summary: endpoint.summary,
        description: `docs/api.md §${endpoint.section}.${endpoint.auth === 'supervisor' ? ' Supervisors only: an operator gets 403 forbidden.' : ''}`,
        tags: [endpoint.tag],
        ...(endpoint.auth === 'public' ? { security: [] } : endpoint.auth === 'intake' ? { security: [{ intakeKey: [] }] } : {}),
        ...(endpoint.params ? { parameters: endpoint.params } : {}),
        ...(endpoint.body ? { requestBody: { required: false, content: { 'application/json': { schema: ref(endpoint.body) } } } } : {}),
        ...(endpoint.multipart ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: endpoint.multipart } } } } : {}),
        responses: {
            [answer.status]: success,
            ...Object.fromEntries(endpoint.errors.map(status => [status, { $ref: `#/components/responses/Error${status}` }])),
        },
    };
}

export function paths(): Record<string, Record<string, unknown>> {
    return Object.fromEntries(Object.entries(ENDPOINTS).map(([path, methods]) => [path, Object.fromEntries(Object.entries(methods).map(([method, endpoint]) => [method, operation(method, path, endpoint)]))]));
}

export const errorResponses = () => Object.fromEntries(Object.entries(ERROR_MEANING).map(([status, description]) => [`Error${status}`, {
    description, content: { 'application/json': { schema: ref('ErrorBody') } },
}]));
