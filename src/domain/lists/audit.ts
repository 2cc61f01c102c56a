import type * as z from 'zod/mini';
import { auditFilter } from '../../contract/listQuery';
import type { AuditEntry } from '../types';
import { oneOrMany } from './page';
import type { ListQuery, ListSpec } from './parse';

// GET /audit (docs/api.md §6.5): newest first by default; operators may read one request's timeline only.

export const AUDIT_LIST = {
    sortable: ['id', 'at', 'actor', 'action', 'requestId'],
    defaultSort: { field: 'id', order: 'DESC' },
    filter: auditFilter,
    emptyIsAbsent: true,
} satisfies ListSpec;

export type AuditFilter = z.infer<typeof auditFilter>;
export type AuditListQuery = ListQuery<AuditFilter>;

/** An operator's audit query must name one request (a non-empty JSON string): its timeline. */
export const isOneTimeline = (filter: AuditFilter) => typeof filter.requestId === 'string' && filter.requestId !== '';

/** `q`: a case-insensitive part of the request id, trimmed. */
export const auditNeedle = (filter: AuditFilter) => (typeof filter.q === 'string' ? filter.q.trim().toLowerCase() : '');

export function auditPredicate(filter: AuditFilter): (entry: AuditEntry) => boolean {
    const tests: ((entry: AuditEntry) => boolean)[] = [];
    const among = (value: unknown, read: (entry: AuditEntry) => string) => {
        if (value === undefined) return;
        const wanted = new Set(oneOrMany(value));
        tests.push(entry => wanted.has(read(entry)));
    };
    among(filter.id, entry => entry.id);
    among(filter.toStatus, entry => entry.toStatus ?? '');
    among(filter.requestId, entry => entry.requestId);
    among(filter.actor, entry => entry.actor);
    among(filter.action, entry => entry.action);
    const needle = auditNeedle(filter);
    if (needle) tests.push(entry => entry.requestId.toLowerCase().includes(needle));
    if (filter.requestKind !== undefined) tests.push(entry => entry.requestKind === filter.requestKind);
    if (filter.reason !== undefined) { const reason = String(filter.reason); tests.push(entry => entry.reasons.includes(reason)); }
    if (filter.at_gte !== undefined) { const from = String(filter.at_gte); tests.push(entry => entry.at >= from); }
    if (filter.at_lte !== undefined) { const to = String(filter.at_lte); tests.push(entry => entry.at <= to); }
    return entry => tests.every(test => test(entry));
}
