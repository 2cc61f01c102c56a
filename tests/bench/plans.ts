import { AUDIT_LIST } from '../../src/domain/lists/audit';
import { parseListQuery } from '../../src/domain/lists/parse';
import { parseRequestListQuery } from '../../src/domain/lists/requests';
import { DEFAULT_SLA } from '../../src/domain/sla';
import type { Executor, Queryable, Row } from '../../server/store/postgres/executor';
import { createPostgresStore } from '../../server/store/postgres/postgresStore';
import type { StoreReads } from '../../server/store/store';

// The query plans of what the review server's store runs for each list the console offers, claim-next and the audit
// list: each call is made through a recording executor, then every SELECT it ran is explained with the same parameters
// (EXPLAIN (ANALYZE, BUFFERS), in a transaction rolled back, so claim-next's FOR UPDATE leaves nothing behind).

export interface ListCase {
    name: string;
    /** URL query of GET /verifications, as the console sends it. */
    query?: Record<string, unknown>;
    audit?: Record<string, unknown>;
    claimNext?: true;
}

export interface ExplainedStatement {
    sql: string;
    params: unknown[];
    plan: string;
}

export interface ExplainedCase {
    name: string;
    statements: ExplainedStatement[];
}

const json = (value: unknown) => JSON.stringify(value);
const listParams = (query: Record<string, unknown>) => new URLSearchParams(Object.entries(query).map(([key, value]) => [key, json(value)]));
const queue = (filter: Record<string, unknown>, sort: [string, string] = ['queue', 'ASC']) => ({ filter, sort, range: [0, 24] });

/** The console's default queue (QUEUE_DEFAULTS), each filter and sort it offers, search, claim-next, the audit list. */
export function listCases(needles: { name: string; idNumber: string; phone: string }, viewerId: string): ListCase[] {
    const sorts = ['id', 'fullName', 'mobileNumber', 'status', 'dueAt', 'attempt', 'assignee', 'failedChecks', 'submittedAt'];
    return [
        { name: 'default queue: open, queue order, first 25', query: queue({ open: true }) },
        { name: `search by name "${needles.name}" (open only, as the console sends it)`, query: queue({ open: true, q: needles.name }) },
        { name: `search by ID number "${needles.idNumber}"`, query: queue({ open: true, q: needles.idNumber }) },
        { name: `search by mobile number "${needles.phone}"`, query: queue({ open: true, q: needles.phone }) },
        { name: 'filter status=pending', query: queue({ open: true, status: 'pending' }) },
        { name: 'filter assignee=me', query: queue({ open: true, assignee: 'me' }) },
        { name: 'filter assignee=unassigned', query: queue({ open: true, assignee: 'unassigned' }) },
        { name: 'filter overdue', query: queue({ open: true, overdue: true }) },
        { name: 'filter resubmission', query: queue({ open: true, resubmission: true }) },
        { name: 'filter hasFailedChecks', query: queue({ open: true, hasFailedChecks: true }) },
        { name: 'open only off (decided too), queue order', query: queue({}) },
        ...sorts.map(field => ({ name: `sort ${field} ASC (open only)`, query: queue({ open: true }, [field, 'ASC']) })),
        { name: 'claim-next', claimNext: true },
        { name: 'audit list: newest first, first 50', audit: { sort: ['id', 'DESC'], range: [0, 49] } },
        { name: 'audit list: by actor', audit: { filter: { actor: viewerId }, sort: ['id', 'DESC'], range: [0, 49] } },
        { name: 'audit list: by action', audit: { filter: { action: 'reject' }, sort: ['id', 'DESC'], range: [0, 49] } },
        { name: 'audit list: request id contains', audit: { filter: { q: 'V-00001' }, sort: ['id', 'DESC'], range: [0, 49] } },
        { name: 'audit timeline of one request', audit: { filter: { requestId: 'V-0000001' }, sort: ['id', 'ASC'], range: [0, 99] } },
    ];
}

/** An executor that records every statement before running it. */
function recording(db: Executor, seen: { sql: string; params: unknown[] }[]): Executor {
    const on = (q: Queryable): Queryable => ({
        query: <T extends Row>(sql: string, params: readonly unknown[] = []) => {
            seen.push({ sql, params: [...params] });
            return q.query<T>(sql, params);
        },
        exec: sql => q.exec(sql),
    });
    return { ...on(db), transaction: work => db.transaction(tx => work(on(tx))), close: () => db.close() };
}

class RolledBack extends Error {}

async function run(store: ReturnType<typeof createPostgresStore>, c: ListCase, viewerId: string, now: Date) {
    if (c.query) return store.requests(parseRequestListQuery(listParams(c.query), 'verification', viewerId, now));
    if (c.audit) return store.auditEntries(parseListQuery(listParams(c.audit), AUDIT_LIST) as Parameters<StoreReads['auditEntries']>[0]);
    return store.transaction(tx => tx.lockNextCandidate('verification', viewerId, new Set()));
}

export async function explainCases(db: Executor, cases: ListCase[], viewerId: string, now = new Date()): Promise<ExplainedCase[]> {
    const explained: ExplainedCase[] = [];
    for (const c of cases) {
        const seen: { sql: string; params: unknown[] }[] = [];
        await run(createPostgresStore(recording(db, seen), { sla: DEFAULT_SLA }), c, viewerId, now);
        const reads = seen.filter(s => /^\s*SELECT/i.test(s.sql));
        const statements: ExplainedStatement[] = [];
        await db.transaction(async tx => {
            for (const s of reads) {
                const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
                statements.push({ sql: s.sql.replace(/\s+/g, ' ').trim(), params: s.params, plan: rows.map(r => r['QUERY PLAN']).join('\n') });
            }
            throw new RolledBack();
        }).catch(error => {
            if (!(error instanceof RolledBack)) throw error;
        });
        explained.push({ name: c.name, statements });
    }
    return explained;
}

/** Node names that read a table whole. */
export const seqScans = (plan: string) => plan.split('\n').filter(line => /Seq Scan on requests|Seq Scan on audit/.test(line));

export function formatPlans(title: string, cases: ExplainedCase[]): string {
    const parts = [`# ${title}`, ''];
    for (const c of cases) {
        parts.push(`## ${c.name}`, '');
        for (const s of c.statements) parts.push(`-- ${s.sql}`, `-- params: ${json(s.params)}`, s.plan, '');
    }
    return parts.join('\n');
}
