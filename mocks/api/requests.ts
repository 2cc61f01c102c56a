import { http, type HttpHandler } from 'msw';
import { failingPreconditions, isReadyToApprove } from '../../src/domain/cancellationPreconditions';
import { requiresSecondApproval, secondApprovalRefusal } from '../../src/domain/fourEyes';
import { compareQueueOrder, isHeldBy } from '../../src/domain/queueOrder';
import { composeCustomerMessage, invalidReasonIds } from '../../src/domain/reasonCatalogue';
import { CLAIM_TTL_MS, isOpen, nextStatus, type RequestAction } from '../../src/domain/requestStatus';
import type { AuditAction, AuditEntry, Cancellation, Decision, Operator, RequestKind, ReviewRequest } from '../../src/domain/types';
import type { Db } from '../db';
import { endpoint, lapseExpiredClaims, readBody, refuseWrites, type Context, type ServerOptions } from './endpoint';
import { createListIndex } from './listIndex';
import { assertBoolean, contentRange, oneOf, page, parseListQuery } from './listQuery';
import { ApiError, badRequest, json } from './respond';

// The two request queues: lists, single records, and the explicit actions claim / claim-next / release / approve / reject,
// plus the four-eyes send-back of cancellations (src/domain/fourEyes.ts) and the supervisors' reassign.

const RESOURCE: Record<RequestKind, string> = { verification: 'verifications', cancellation: 'cancellations' };
// `queue` is not a field: the caller's own in-review requests first, then by due time (src/domain/queueOrder.ts).
const COMMON_SORTS = ['id', 'mobileNumber', 'submittedAt', 'dueAt', 'status', 'attempt', 'assignee', 'decidedAt', 'queue'];
const SORTABLE: Record<RequestKind, string[]> = {
    verification: [...COMMON_SORTS, 'fullName', 'failedChecks'],
    cancellation: [...COMMON_SORTS, 'holderName'],
};
const FILTERABLE: Record<RequestKind, string[]> = {
    verification: ['id', 'q', 'open', 'status', 'assignee', 'overdue', 'resubmission', 'previousId', 'hasFailedChecks', 'decidedBy'],
    cancellation: ['id', 'q', 'open', 'status', 'assignee', 'overdue', 'resubmission', 'previousId', 'readyToApprove', 'decidedBy'],
};

/**
 * The record as the API shows it: document paths become absolute URLs on this server, and a cancellation's
 * `requiresSecondApproval` is computed from its account and this server's four-eyes threshold.
 */
export function present(record: ReviewRequest, ctx: Pick<Context, 'url' | 'options'>): ReviewRequest {
    // A stored path is served by this server; a stored address (scheme or `//`) is passed on as it is, unsafe ones too:
    // the console, not the mock, is what must refuse them (tests/robustness/hostile*).
    const absolute = (path: string | null) => (path === null ? null : /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(path) ? path : `${ctx.url.origin}${ctx.options.base}/${path}`);
    if (record.kind === 'verification') {
        const { idFront, idBack, selfie } = record.documents;
        return { ...record, documents: { idFront: absolute(idFront), idBack: absolute(idBack), selfie: absolute(selfie) } };
    }
    return {
        ...record,
        idScan: absolute(record.idScan),
        requiresSecondApproval: requiresSecondApproval(record.account, ctx.options.fourEyesThresholdIdr),
        firstApproval: record.firstApproval ?? null,
    };
}

/**
 * A list row as the caller may see it: an operator never reads another person's internal note in a list.
 * `decision.note` is kept for its author (`decidedBy`), `firstApproval.note` for its author (`firstApproval.by`);
 * supervisors see every note. GET /{resource}/{id} is not redacted (the review screen shows the whole record).
 */
export function redactForList(record: ReviewRequest, user: Operator): ReviewRequest {
    if (user.role === 'supervisor') return record;
    const decision = record.decision && record.decision.note !== null && record.decidedBy !== user.id ? { ...record.decision, note: null } : record.decision;
    if (record.kind === 'verification') return decision === record.decision ? record : { ...record, decision };
    const firstApproval = record.firstApproval && record.firstApproval.note !== null && record.firstApproval.by !== user.id ? { ...record.firstApproval, note: null } : record.firstApproval;
    return decision === record.decision && firstApproval === record.firstApproval ? record : { ...record, decision, firstApproval };
}

interface SearchEntry {
    id: string;
    mobileNumber: string;
    email: string;
    name: string;
    number: string;
    /** The fields, lower case, one a line, without spaces. */
    text: string;
}

// Built once per record and reused while its searchable fields stay the same (a search reads every record).
const searchEntries = new WeakMap<ReviewRequest, SearchEntry>();

function searchText(record: ReviewRequest): string {
    const name = record.kind === 'verification' ? record.fullName : record.holderName;
    const number = record.kind === 'verification' ? record.idNumber : record.account.accountId;
    const known = searchEntries.get(record);
    if (known && known.id === record.id && known.mobileNumber === record.mobileNumber && known.email === record.email && known.name === name && known.number === number) return known.text;
    const text = [record.id, record.mobileNumber, record.email, name, number].join('\n').toLowerCase().replace(/ /g, '');
    searchEntries.set(record, { id: record.id, mobileNumber: record.mobileNumber, email: record.email, name, number, text });
    return text;
}

const BOOLEAN_FILTERS = ['open', 'overdue', 'resubmission', 'hasFailedChecks', 'readyToApprove'];
const STATUSES = ['pending', 'in_review', 'awaiting_second_approval', 'approved', 'rejected'];

/** Checks filter values before any record is looked at, so a bad filter is a 400 even on an empty result. */
function validateFilter(filter: Record<string, unknown>) {
    for (const [key, value] of Object.entries(filter)) {
        if (value === undefined || value === '') continue;
        if (BOOLEAN_FILTERS.includes(key)) assertBoolean(key, value);
        else if (key === 'status' && !oneOf(value).every(status => STATUSES.includes(status))) throw badRequest('unknown status', { status: 'invalid' });
        else if (key !== 'id' && key !== 'status' && typeof value !== 'string') throw badRequest(`filter "${key}" must be a string`, { [key]: 'not_string' });
    }
}

/** What a search looks for: lower case, without white space (search text has no spaces either). */
const searchNeedle = (value: string) => value.trim().toLowerCase().replace(/\s+/g, '');

/** The filter as one test per given field, built once per request (a list request tests every record). */
function matcher(filter: Record<string, unknown>, ctx: Context): (record: ReviewRequest) => boolean {
    const tests: ((record: ReviewRequest) => boolean)[] = [];
    for (const [key, value] of Object.entries(filter)) {
        if (value === undefined || value === '') continue;
        switch (key) {
            case 'id': { const ids = new Set(oneOf(value)); tests.push(record => ids.has(record.id)); break; }
            case 'previousId': { const wanted = String(value); tests.push(record => record.previousId === wanted); break; }
            case 'status': { const wanted = new Set(oneOf(value)); tests.push(record => wanted.has(record.status)); break; }
            case 'open': { const wanted = assertBoolean(key, value); tests.push(record => isOpen(record.status) === wanted); break; }
            case 'decidedBy': { const wanted = String(value); tests.push(record => record.decidedBy === wanted); break; }
            case 'assignee': {
                const wanted = value === 'me' ? ctx.user.id : value === 'unassigned' ? null : String(value);
                tests.push(record => record.assignee === wanted);
                break;
            }
            case 'q': {
                const needle = searchNeedle(String(value));
                if (needle) tests.push(record => searchText(record).includes(needle));
                break;
            }
            case 'overdue': {
                const wanted = assertBoolean(key, value);
                const now = ctx.db.now().getTime();
                tests.push(record => (Date.parse(record.dueAt) < now && record.decidedAt === null) === wanted);
                break;
            }
            case 'resubmission': { const wanted = assertBoolean(key, value); tests.push(record => (record.attempt > 1) === wanted); break; }
            case 'hasFailedChecks': { const wanted = assertBoolean(key, value); tests.push(record => record.kind !== 'verification' || (record.failedChecks > 0) === wanted); break; }
            case 'readyToApprove': { const wanted = assertBoolean(key, value); tests.push(record => record.kind !== 'cancellation' || isReadyToApprove(record.account) === wanted); break; }
        }
    }
    return record => tests.every(test => test(record));
}

function findOr404(ctx: Context, kind: RequestKind): ReviewRequest {
    const record = ctx.db.find(kind, ctx.params.id ?? '');
    if (!record) throw new ApiError(404, 'not_found', `${kind} ${ctx.params.id} not found`);
    return record;
}

const holderName = (db: Db, id: string | null) => db.operators.find(op => op.id === id)?.name ?? id ?? '';

/** 409 unless the caller holds the claim on an in-review request. */
function requireHeldBy(record: ReviewRequest, user: Operator, ctx: Context) {
    if (record.status !== 'in_review') {
        throw new ApiError(409, 'conflict_state', `request is ${record.status}`, { record: present(record, ctx) });
    }
    if (record.assignee !== user.id) {
        throw new ApiError(409, 'conflict_claimed', `claimed by ${holderName(ctx.db, record.assignee)}`, { record: present(record, ctx), holder: holderName(ctx.db, record.assignee) });
    }
}

function requireVersion(body: Record<string, unknown>): number {
    if (!Number.isInteger(body.version)) throw badRequest('"version" (integer) is required', { version: 'required' });
    return body.version as number;
}

export function optionalText(body: Record<string, unknown>, field: string, max: number): string | null {
    const value = body[field];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') throw badRequest(`"${field}" must be a string`, { [field]: 'not_string' });
    if (value.length > max) throw badRequest(`"${field}" is longer than ${max} characters`, { [field]: 'too_long' });
    return value;
}

/** A text that must be given: absent, null, empty or blank is `required`. */
export function requiredText(body: Record<string, unknown>, field: string, max: number): string {
    const value = optionalText(body, field, max);
    if (value === null || value.trim() === '') throw badRequest(`"${field}" is required`, { [field]: 'required' });
    return value;
}

function requireCurrentVersion(record: ReviewRequest, version: number, ctx: Context) {
    if (record.version !== version) throw new ApiError(409, 'conflict_version', `record is at version ${record.version}`, { record: present(record, ctx) });
}

function requirePreconditions(record: Cancellation, ctx: Context) {
    const failing = failingPreconditions(record.account).map(result => result.id);
    if (failing.length > 0) throw new ApiError(409, 'preconditions_failed', `preconditions not met: ${failing.join(', ')}`, { preconditions: failing, record: present(record, ctx) });
}

/** How a state-machine action is written in the audit trail: a first approval is an `approve`. */
const AUDIT_ACTION: Record<RequestAction, AuditAction> = {
    claim: 'claim', release: 'release', lapse: 'lapse', approve: 'approve', reject: 'reject',
    approve_first: 'approve', second_approve: 'second_approve', send_back: 'send_back', reassign: 'reassign',
};

/** Applies a state change and writes its audit entry: the only way requests change. */
function transition(ctx: Context, record: ReviewRequest, action: RequestAction, changes: Partial<ReviewRequest>, audit: { reasons?: string[]; note?: string | null; assignee?: string }) {
    const from = record.status;
    const to = nextStatus(from, action);
    if (!to) throw new ApiError(409, 'conflict_state', `cannot ${AUDIT_ACTION[action].replace('_', ' ')} a ${from} request`, { record: present(record, ctx) });
    Object.assign(record, changes, { status: to, version: record.version + 1 });
    ctx.db.appendAudit({
        actor: ctx.user.id, action: AUDIT_ACTION[action], requestKind: record.kind, requestId: record.id, fromStatus: from, toStatus: to,
        reasons: audit.reasons ?? [], note: audit.note ?? null, ...(audit.assignee === undefined ? {} : { assignee: audit.assignee }),
    });
    ctx.db.changed();
    return json(present(record, ctx));
}

/** Claims a pending request for the caller, or extends the claim the caller already holds (the heartbeat). */
function claim(ctx: Context, record: ReviewRequest): Response {
    const expires = new Date(ctx.db.now().getTime() + CLAIM_TTL_MS).toISOString();
    if (isHeldBy(record, ctx.user.id)) {
        // Claiming what you hold keeps it alive (the review screen's heartbeat); not a state change.
        record.claimExpiresAt = expires;
        ctx.db.changed();
        return json(present(record, ctx));
    }
    if (record.status === 'in_review') requireHeldBy(record, ctx.user, ctx);
    return transition(ctx, record, 'claim', { assignee: ctx.user.id, claimedAt: ctx.db.now().toISOString(), claimExpiresAt: expires }, {});
}

/** `exclude` of claim-next: absent, or an array of request ids. */
function excludedIds(body: Record<string, unknown>): Set<string> {
    const { exclude } = body;
    if (exclude === undefined) return new Set();
    if (!Array.isArray(exclude) || !exclude.every(id => typeof id === 'string')) {
        throw badRequest('"exclude" must be an array of request ids', { exclude: 'invalid' });
    }
    return new Set(exclude as string[]);
}

const sameReasons = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every(id => b.includes(id));

/**
 * The same decision sent twice (double click, retried request) is answered as the first one was. Same means the
 * same outcome, reasons, note and customer message: a retry with other text is not a replay (409), so that no
 * edited note is ever answered as stored.
 */
function isReplay(record: ReviewRequest, user: Operator, version: number, sent: { outcome: Decision['outcome']; reasons: string[]; note: string | null; customerMessage?: string }) {
    const { decision } = record;
    return record.decidedBy === user.id && decision?.outcome === sent.outcome && record.version === version + 1 && sameReasons(decision.reasons, sent.reasons)
        && decision.note === sent.note && (sent.customerMessage === undefined || decision.customerMessage === sent.customerMessage);
}

/** A first approval sent twice: the request still awaits the second approval the caller's first one asked for, with that note. */
function isFirstApprovalReplay(record: ReviewRequest, user: Operator, version: number, note: string | null) {
    return record.kind === 'cancellation' && record.status === 'awaiting_second_approval' && record.firstApproval?.by === user.id && record.version === version + 1 && record.firstApproval.note === note;
}

/** A send-back sent twice: the caller's send-back is the last thing that happened to the request. */
function isSendBackReplay(ctx: Context, record: ReviewRequest, version: number, note: string) {
    if (record.status !== 'pending' || record.version !== version + 1) return false;
    const { audit } = ctx.db.state;
    let last: AuditEntry | undefined;
    for (let i = audit.length - 1; i >= 0 && !last; i -= 1) if (audit[i]!.requestId === record.id) last = audit[i];
    return last?.action === 'send_back' && last.actor === ctx.user.id && last.note === note;
}

/** The four-eyes second approval: a supervisor other than the first approver; no claim needed, the version guards it. */
function secondApprove(ctx: Context, record: Cancellation, version: number, note: string | null): Response {
    const refusal = secondApprovalRefusal(record, ctx.user);
    if (refusal === 'not_supervisor') throw new ApiError(403, 'forbidden', 'the second approval is for supervisors only');
    if (refusal === 'same_person') throw new ApiError(403, 'four_eyes_same_person', 'four-eyes rule: the second approval must come from someone other than the first approver');
    requireCurrentVersion(record, version, ctx);
    requirePreconditions(record, ctx);
    const at = ctx.db.now().toISOString();
    return transition(ctx, record, 'second_approve', {
        numberReleasedAt: at, numberReleasedBy: ctx.user.id, decidedAt: at, decidedBy: ctx.user.id, assignee: null, claimExpiresAt: null,
        decision: { outcome: 'approved', reasons: [], note, customerMessage: null },
    }, { note });
}

export function requestHandlers(kind: RequestKind, db: Db, options: ServerOptions): HttpHandler[] {
    const path = `*${options.base}/${RESOURCE[kind]}`;
    const listIndex = createListIndex(db, searchText);
    const on = (handler: (ctx: Context) => Response | Promise<Response>) => endpoint(db, options, handler);

    return [
        http.get(path, on(ctx => {
            const query = parseListQuery(ctx.url, { sortable: SORTABLE[kind], filterable: FILTERABLE[kind] });
            validateFilter(query.filter);
            const given = Object.keys(query.filter).filter(key => query.filter[key] !== undefined && query.filter[key] !== '');
            const answer = (slice: ReviewRequest[], range: string) =>
                json(slice.map(record => redactForList(present(record, ctx), ctx.user)), 200, { 'Content-Range': range });
            // The queue as the console opens it (open requests, queue order): from the index, without reading the store.
            if (given.length === 1 && query.filter.open === true && query.sort?.field === 'queue' && query.sort.order === 'ASC') {
                const { slice, total } = listIndex.openQueuePage(kind, ctx.user.id, query.range[0], query.range[1]);
                return answer(slice, contentRange(RESOURCE[kind], query.range[0], slice.length, total));
            }
            // A search reads only the requests whose text holds the needle.
            const needle = typeof query.filter.q === 'string' ? searchNeedle(query.filter.q) : '';
            const candidates = (needle && listIndex.searchMatches(kind, needle)) || ctx.db.collection(kind);
            const rows = candidates.filter(matcher(query.filter, ctx));
            const queue = (a: ReviewRequest, b: ReviewRequest) => compareQueueOrder(a, b, ctx.user.id);
            const { slice, contentRange: range } = page(RESOURCE[kind], rows, query, { field: 'dueAt', order: 'ASC' }, { queue });
            return answer(slice, range);
        })),

        http.get(`${path}/:id`, on(ctx => json(present(findOr404(ctx, kind), ctx)))),

        // "Review next". Registered before the `${path}/:id` routes: msw matches in order, and
        // `POST ${path}/:id` (refused with 405 below) would otherwise take "claim-next" for an id.
        http.post(`${path}/claim-next`, on(async ctx => {
            const exclude = excludedIds(await readBody(ctx.request));
            // No await from here on: choosing and claiming happen in one synchronous step, so two
            // callers can never be handed the same request. Claims that expired while the body was
            // read lapse first, so an expired claim is never answered as held.
            lapseExpiredClaims(ctx.db);
            let next: ReviewRequest | undefined;
            for (const record of ctx.db.collection(kind)) {
                if (exclude.has(record.id) || !(record.status === 'pending' || isHeldBy(record, ctx.user.id))) continue;
                if (!next || compareQueueOrder(record, next, ctx.user.id) < 0) next = record;
            }
            if (!next) throw new ApiError(404, 'queue_empty', `no ${kind} left to review`);
            return claim(ctx, next);
        })),

        // Four eyes: a supervisor returns a first-approved cancellation to the queue instead of approving it.
        // Cancellations only (under verifications the route is unknown: 404); registered before the `${path}/:id` routes.
        ...(kind === 'cancellation' ? [http.post(`${path}/:id/send-back`, endpoint(db, options, async ctx => {
            const body = await readBody(ctx.request);
            const version = requireVersion(body);
            const note = requiredText(body, 'note', 2000);
            const record = findOr404(ctx, kind);
            if (isSendBackReplay(ctx, record, version, note)) return json(present(record, ctx), 200, { 'Idempotent-Replay': 'true' });
            if (record.status !== 'awaiting_second_approval') throw new ApiError(409, 'conflict_state', `cannot send back a ${record.status} request`, { record: present(record, ctx) });
            requireCurrentVersion(record, version, ctx);
            return transition(ctx, record, 'send_back', { firstApproval: null, assignee: null, claimedAt: null, claimExpiresAt: null }, { note });
        }, { supervisorOnly: true }))] : []),

        // A supervisor hands an open request (pending, or someone's claim) to a named operator, who then holds a fresh
        // claim. No version is needed: the supervisor overrides whatever claim there is. Registered before the `${path}/:id` routes.
        http.post(`${path}/:id/reassign`, endpoint(db, options, async ctx => {
            const body = await readBody(ctx.request);
            const to = body.to;
            if (typeof to !== 'string' || to === '') throw badRequest('"to" (an operator id) is required', { to: 'required' });
            if (!ctx.db.operators.some(op => op.id === to)) throw badRequest(`no operator ${to}`, { to: 'unknown' });
            const note = requiredText(body, 'note', 2000);
            const record = findOr404(ctx, kind);
            const now = ctx.db.now();
            return transition(ctx, record, 'reassign', {
                assignee: to, claimedAt: now.toISOString(), claimExpiresAt: new Date(now.getTime() + CLAIM_TTL_MS).toISOString(),
            }, { note, assignee: to });
        }, { supervisorOnly: true })),

        // Requests change only through the actions below, never by writing the record.
        ...refuseWrites(db, options, path),
        ...refuseWrites(db, options, `${path}/:id`),

        http.post(`${path}/:id/claim`, on(ctx => claim(ctx, findOr404(ctx, kind)))),

        http.post(`${path}/:id/release`, on(async ctx => {
            const body = await readBody(ctx.request);
            const note = optionalText(body, 'note', 2000);
            const record = findOr404(ctx, kind);
            // A supervisor may take back anyone's claim; an operator only their own.
            if (!(ctx.user.role === 'supervisor' && record.status === 'in_review')) requireHeldBy(record, ctx.user, ctx);
            return transition(ctx, record, 'release', { assignee: null, claimedAt: null, claimExpiresAt: null }, { note });
        })),

        http.post(`${path}/:id/approve`, on(async ctx => {
            const body = await readBody(ctx.request);
            const version = requireVersion(body);
            const note = optionalText(body, 'note', 2000);
            const record = findOr404(ctx, kind);
            if (isReplay(record, ctx.user, version, { outcome: 'approved', reasons: [], note }) || isFirstApprovalReplay(record, ctx.user, version, note)) {
                return json(present(record, ctx), 200, { 'Idempotent-Replay': 'true' });
            }
            if (record.kind === 'cancellation' && record.status === 'awaiting_second_approval') return secondApprove(ctx, record, version, note);
            requireHeldBy(record, ctx.user, ctx);
            requireCurrentVersion(record, version, ctx);
            if (record.kind === 'cancellation') requirePreconditions(record, ctx);
            const at = ctx.db.now().toISOString();
            if (record.kind === 'cancellation' && requiresSecondApproval(record.account, ctx.options.fourEyesThresholdIdr)) {
                // Four eyes: this approval is the first of two. Nothing is decided or released yet, and the claim ends.
                return transition(ctx, record, 'approve_first', { firstApproval: { by: ctx.user.id, at, note }, assignee: null, claimExpiresAt: null }, { note });
            }
            const released = record.kind === 'cancellation' ? { numberReleasedAt: at, numberReleasedBy: ctx.user.id } : {};
            return transition(ctx, record, 'approve', {
                ...released, decidedAt: at, decidedBy: ctx.user.id, assignee: null, claimExpiresAt: null,
                decision: { outcome: 'approved', reasons: [], note, customerMessage: null },
            }, { note });
        })),

        http.post(`${path}/:id/reject`, on(async ctx => {
            const body = await readBody(ctx.request);
            const version = requireVersion(body);
            const note = optionalText(body, 'note', 2000);
            const customerMessage = optionalText(body, 'customerMessage', 4000);
            const reasons = body.reasons;
            if (!Array.isArray(reasons) || reasons.length === 0 || !reasons.every(r => typeof r === 'string')) {
                throw new ApiError(400, 'invalid_reasons', 'at least one reason code is required', { fields: { reasons: 'required' } });
            }
            const unique = [...new Set(reasons as string[])];
            const invalid = invalidReasonIds(kind, unique);
            if (invalid.length > 0) throw new ApiError(400, 'invalid_reasons', `not ${kind} reason codes: ${invalid.join(', ')}`, { fields: { reasons: 'invalid' } });
            const record = findOr404(ctx, kind);
            const name = record.kind === 'verification' ? record.fullName : record.holderName;
            const message = customerMessage ?? composeCustomerMessage(unique, record.customerLanguage, name);
            if (isReplay(record, ctx.user, version, { outcome: 'rejected', reasons: unique, note, customerMessage: message })) return json(present(record, ctx), 200, { 'Idempotent-Replay': 'true' });
            // A request awaiting a second approval is not in review: 409 conflict_state (the supervisor sends it back instead).
            requireHeldBy(record, ctx.user, ctx);
            requireCurrentVersion(record, version, ctx);
            return transition(ctx, record, 'reject', {
                decidedAt: ctx.db.now().toISOString(), decidedBy: ctx.user.id, assignee: null, claimExpiresAt: null,
                decision: { outcome: 'rejected', reasons: unique, note, customerMessage: message },
            }, { reasons: unique, note });
        })),
    ];
}
