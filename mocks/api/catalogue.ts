import { http, type HttpHandler } from 'msw';
import { REASONS } from '../../src/domain/reasonCatalogue';
import type { AuditEntry, Operator, Reason, RequestStatus } from '../../src/domain/types';
import type { Db } from '../db';
import { endpoint, refuseWrites, type Context, type ServerOptions } from './endpoint';
import { oneOf, page, parseListQuery } from './listQuery';
import { ApiError, badRequest, json } from './respond';

// Read-only resources: the reason catalogue, the operators, and the append-only audit trail.

function listOf<T extends { id: string }>(resource: string, rows: T[], ctx: Context, spec: { sortable: string[]; filterable: string[]; defaultSort: { field: string; order: 'ASC' | 'DESC' } }, keep: (row: T, filter: Record<string, unknown>) => boolean) {
    const query = parseListQuery(ctx.url, spec);
    const { slice, contentRange } = page(resource, rows.filter(row => keep(row, query.filter)), query, spec.defaultSort);
    return json(slice, 200, { 'Content-Range': contentRange });
}

function one<T extends { id: string }>(rows: readonly T[], ctx: Context, what: string) {
    const found = rows.find(row => row.id === ctx.params.id);
    if (!found) throw new ApiError(404, 'not_found', `${what} ${ctx.params.id} not found`);
    return json(found);
}

const keepReason = (reason: Reason, filter: Record<string, unknown>) =>
    (filter.id === undefined || oneOf(filter.id).includes(reason.id)) &&
    (filter.kind === undefined || reason.kind === filter.kind) &&
    (filter.retry === undefined || reason.retry === filter.retry);

const keepOperator = (operator: Operator, filter: Record<string, unknown>) =>
    (filter.id === undefined || oneOf(filter.id).includes(operator.id)) && (filter.role === undefined || operator.role === filter.role);

const STATUSES: readonly RequestStatus[] = ['pending', 'in_review', 'awaiting_second_approval', 'approved', 'rejected'];

/** Audit filter values that are checked before any entry is looked at: `toStatus` must be statuses, `q` a string. */
function validateAuditFilter(filter: Record<string, unknown>) {
    const { toStatus, q } = filter;
    if (toStatus !== undefined && toStatus !== '' && !oneOf(toStatus).every(status => (STATUSES as string[]).includes(status))) {
        throw badRequest('unknown status', { toStatus: 'invalid' });
    }
    if (q !== undefined && q !== '' && typeof q !== 'string') throw badRequest('filter "q" must be a string', { q: 'not_string' });
}

function keepAudit(entry: AuditEntry, filter: Record<string, unknown>, needle: string) {
    const has = (key: string) => filter[key] !== undefined && filter[key] !== '';
    return (!has('id') || oneOf(filter.id).includes(entry.id))
        && (needle === '' || entry.requestId.toLowerCase().includes(needle))
        && (!has('toStatus') || oneOf(filter.toStatus).includes(entry.toStatus))
        && (!has('requestId') || oneOf(filter.requestId).includes(entry.requestId))
        && (!has('actor') || oneOf(filter.actor).includes(entry.actor))
        && (!has('action') || oneOf(filter.action).includes(entry.action))
        && (!has('requestKind') || entry.requestKind === filter.requestKind)
        && (!has('reason') || entry.reasons.includes(String(filter.reason)))
        && (!has('at_gte') || entry.at >= String(filter.at_gte))
        && (!has('at_lte') || entry.at <= String(filter.at_lte));
}

export function catalogueHandlers(db: Db, options: ServerOptions): HttpHandler[] {
    const base = `*${options.base}`;
    const on = (handler: (ctx: Context) => Response) => endpoint(db, options, handler);

    return [
        http.get(`${base}/reasons`, on(ctx => listOf('reasons', [...REASONS], ctx, { sortable: ['id', 'order', 'kind', 'retry'], filterable: ['id', 'kind', 'retry'], defaultSort: { field: 'order', order: 'ASC' } }, keepReason))),
        http.get(`${base}/reasons/:id`, on(ctx => one(REASONS, ctx, 'reason'))),
        http.get(`${base}/operators`, on(ctx => listOf('operators', [...db.operators], ctx, { sortable: ['id', 'name', 'role'], filterable: ['id', 'role'], defaultSort: { field: 'name', order: 'ASC' } }, keepOperator))),
        http.get(`${base}/operators/:id`, on(ctx => one(db.operators, ctx, 'operator'))),
        http.get(`${base}/audit`, on(ctx => {
            const spec = {
                sortable: ['id', 'at', 'actor', 'action', 'requestId'],
                filterable: ['id', 'requestId', 'q', 'actor', 'action', 'toStatus', 'requestKind', 'reason', 'at_gte', 'at_lte'],
            };
            const query = parseListQuery(ctx.url, spec);
            validateAuditFilter(query.filter);
            // Operators may read one request's own timeline; the whole trail is for supervisors.
            if (ctx.user.role !== 'supervisor' && (typeof query.filter.requestId !== 'string' || query.filter.requestId === '')) {
                throw new ApiError(403, 'forbidden', "the audit trail is for supervisors; operators may read one request's timeline");
            }
            // `q`: a case-insensitive part of the request id (supervisors searching for a request).
            const needle = typeof query.filter.q === 'string' ? query.filter.q.trim().toLowerCase() : '';
            const rows = ctx.db.state.audit.filter(entry => keepAudit(entry, query.filter, needle));
            const { slice, contentRange } = page('audit', rows, query, { field: 'id', order: 'DESC' });
            return json(slice, 200, { 'Content-Range': contentRange });
        })),
        http.get(`${base}/audit/:id`, endpoint(db, options, ctx => one(ctx.db.state.audit, ctx, 'audit entry'), { supervisorOnly: true })),
        ...refuseWrites(db, options, `${base}/audit`),
        ...refuseWrites(db, options, `${base}/audit/:id`),
        ...refuseWrites(db, options, `${base}/reasons`),
        ...refuseWrites(db, options, `${base}/reasons/:id`),
        ...refuseWrites(db, options, `${base}/operators`),
        ...refuseWrites(db, options, `${base}/operators/:id`),
    ];
}
