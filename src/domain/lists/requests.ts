import type * as z from 'zod/mini';
import { cancellationFilter, verificationFilter } from '../../contract/listQuery';
import { isReadyToApprove } from '../cancellationPreconditions';
import { isOpen } from '../requestStatus';
import type { RequestKind, RequestStatus, ReviewRequest } from '../types';
import { oneOrMany } from './page';
import { parseListQuery, type ListQuery, type ListSpec } from './parse';

// GET /verifications and GET /cancellations (docs/api.md §6.1, §6.2): what sorts, what filters mean. Both stores answer
// the same RequestListQuery: the mock's in memory with this predicate, the review server's in SQL.

// `queue` is not a field: the caller's own in-review requests first, then by due time (src/domain/queueOrder.ts).
const COMMON_SORTS = ['id', 'mobileNumber', 'submittedAt', 'dueAt', 'status', 'attempt', 'assignee', 'decidedAt', 'queue'];

export const REQUEST_LISTS = {
    verification: { sortable: [...COMMON_SORTS, 'fullName', 'failedChecks'], defaultSort: { field: 'dueAt', order: 'ASC' }, filter: verificationFilter, emptyIsAbsent: true },
    cancellation: { sortable: [...COMMON_SORTS, 'holderName'], defaultSort: { field: 'dueAt', order: 'ASC' }, filter: cancellationFilter, emptyIsAbsent: true },
} satisfies Record<RequestKind, ListSpec>;

/** A request list's filter with its meaning settled: "me" is the viewer, search text normalised, one-or-many as lists. */
export interface RequestFilter {
    ids?: string[];
    /** Lower case, without white space; never empty. */
    search?: string;
    open?: boolean;
    statuses?: RequestStatus[];
    /** null: nobody holds it. */
    assignee?: string | null;
    overdue?: boolean;
    resubmission?: boolean;
    previousId?: string;
    decidedBy?: string;
    hasFailedChecks?: boolean;
    readyToApprove?: boolean;
    /** Requests with a customer notice the sender gave up on (docs/api.md §6.12). */
    noticeFailed?: boolean;
    /** Approved cancellations whose number is not released yet (docs/api.md §6.2). */
    releasePending?: boolean;
}

export interface RequestListQuery extends ListQuery<RequestFilter> {
    kind: RequestKind;
    /** Who asks: "me" and the queue order depend on it. */
    viewerId: string;
    /** `overdue` is measured against it. */
    now: Date;
}

/** What a search looks for: lower case, without white space (search text has no spaces either). */
export const searchNeedle = (value: string) => value.trim().toLowerCase().replace(/\s+/g, '');

/** The text a search looks in: id, mobile number, e-mail, name, ID or account number; lower case, one a line, no spaces. */
export function searchText(record: ReviewRequest): string {
    const name = record.kind === 'verification' ? record.fullName : record.holderName;
    const number = record.kind === 'verification' ? record.idNumber : record.account.accountId;
    return [record.id, record.mobileNumber, record.email, name, number].join('\n').toLowerCase().replace(/ /g, '');
}

type RawFilter = z.infer<typeof verificationFilter> & z.infer<typeof cancellationFilter>;

export function requestFilter(raw: Partial<RawFilter>, viewerId: string): RequestFilter {
    const filter: RequestFilter = {};
    if (raw.id !== undefined) filter.ids = oneOrMany(raw.id);
    if (raw.q !== undefined && searchNeedle(raw.q) !== '') filter.search = searchNeedle(raw.q);
    if (raw.status !== undefined) filter.statuses = Array.isArray(raw.status) ? raw.status : [raw.status];
    if (raw.assignee !== undefined) filter.assignee = raw.assignee === 'me' ? viewerId : raw.assignee === 'unassigned' ? null : raw.assignee;
    for (const key of ['open', 'overdue', 'resubmission', 'hasFailedChecks', 'readyToApprove', 'previousId', 'decidedBy', 'noticeFailed', 'releasePending'] as const) {
        if (raw[key] !== undefined) Object.assign(filter, { [key]: raw[key] });
    }
    return filter;
}

/**
 * Every given filter as one test, built once per request (a list request may test every record). `noticeFailedIds`: the
 * requests with a failed notice (kept beside the requests, in the outbox), read only with the `noticeFailed` filter.
 */
export function requestPredicate(filter: RequestFilter, now: Date, textOf: (record: ReviewRequest) => string = searchText, noticeFailedIds: ReadonlySet<string> = new Set()): (record: ReviewRequest) => boolean {
    const tests: ((record: ReviewRequest) => boolean)[] = [];
    const { ids, search, open, statuses, assignee, overdue, resubmission, previousId, decidedBy, hasFailedChecks, readyToApprove, noticeFailed, releasePending } = filter;
    if (ids) { const wanted = new Set(ids); tests.push(record => wanted.has(record.id)); }
    if (search) tests.push(record => textOf(record).includes(search));
    if (open !== undefined) tests.push(record => isOpen(record.status) === open);
    if (statuses) { const wanted = new Set<string>(statuses); tests.push(record => wanted.has(record.status)); }
    if (assignee !== undefined) tests.push(record => record.assignee === assignee);
    if (overdue !== undefined) { const at = now.getTime(); tests.push(record => (Date.parse(record.dueAt) < at && record.decidedAt === null) === overdue); }
    if (resubmission !== undefined) tests.push(record => (record.attempt > 1) === resubmission);
    if (previousId !== undefined) tests.push(record => record.previousId === previousId);
    if (decidedBy !== undefined) tests.push(record => record.decidedBy === decidedBy);
    if (hasFailedChecks !== undefined) tests.push(record => record.kind !== 'verification' || (record.failedChecks > 0) === hasFailedChecks);
    if (readyToApprove !== undefined) tests.push(record => record.kind !== 'cancellation' || isReadyToApprove(record.account) === readyToApprove);
    if (releasePending !== undefined) tests.push(record => record.kind !== 'cancellation' || (record.status === 'approved' && record.numberReleasedAt === null && Boolean(record.numberRelease)) === releasePending);
    if (noticeFailed !== undefined) tests.push(record => noticeFailedIds.has(record.id) === noticeFailed);
    return record => tests.every(test => test(record));
}

/** GET /{resource}: the list query of a request kind, asked by `viewerId` at `now`. */
export function parseRequestListQuery(params: URLSearchParams, kind: RequestKind, viewerId: string, now: Date): RequestListQuery {
    const { sort, range, filter } = parseListQuery(params, REQUEST_LISTS[kind] as ListSpec<typeof verificationFilter>);
    return { kind, viewerId, now, sort, range, filter: requestFilter(filter, viewerId) };
}
