import { createHash } from 'node:crypto';
import { rangeBounds } from '../../../src/domain/dayRange';
import type { AuditListQuery } from '../../../src/domain/lists/audit';
import { pageOf, type Page, type Sort } from '../../../src/domain/lists/page';
import type { QualityReviewListQuery, QualitySampleListQuery } from '../../../src/domain/lists/quality';
import type { RequestListQuery } from '../../../src/domain/lists/requests';
import { DEFAULT_SLA, reviewDay, type SlaCalendar } from '../../../src/domain/sla';
import type { AuditDraft } from '../../../src/domain/transitions';
import { countFailedChecks, runVerificationChecks } from '../../../src/domain/verificationChecks';
import type { NoticeListQuery } from '../../../src/domain/lists/notices';
import type { AuditEntry, Cancellation, ListedOperator, Notice, Operator, QualityReview, QualitySample, ReviewRequest, Verification } from '../../../src/domain/types';
import type { IntakeSubmission, NumberedAccountEvent, Store, StoreReads, StoreWrites } from '../store';
import type { Executor, Queryable, Row } from './executor';
import { requestRow } from './rows';
import {
    AUDIT_SORT_COLUMNS, auditWhere, NOTICE_SORT_COLUMNS, noticeWhere, columnOrder, countStatements, EXACT_TOTAL_CAP, keyStatement, pageStatements, Params, QUALITY_REVIEW_SORT_COLUMNS, QUALITY_SAMPLE_SORT_COLUMNS,
    qualityReviewWhere, qualitySampleWhere, queueOrder, REQUEST_SORT_COLUMNS, requestWhere, SQL, type Where,
} from './sql';

// The review server's store: the contract app's Store on PostgreSQL (embedded PGlite or a real server, one SQL). Records
// are kept whole; the rules stay in src/domain, SQL only filters, sorts and locks. Two server processes on one database
// are safe: every write locks its rows (claim-next skips rows others are locking), and audit numbers come from a sequence.

/** Sessions are found by a SHA-256 of the token: the table never holds a token that works. */
export const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');

export interface PostgresStoreOptions {
    sla?: SlaCalendar;
}

const CHECKS_DAY = 'checks_day';
/** pg_advisory_xact_lock keys: "intake numbering" (one new id at a time), and per idempotency key (hashtext). */
const INTAKE_NUMBER_LOCK = 741_852_965;

export function createPostgresStore(db: Executor, options: PostgresStoreOptions = {}): Store {
    const sla = options.sla ?? DEFAULT_SLA;
    let checkedDay = '';

    const records = async <T>(q: Queryable, sql: string, params: readonly unknown[], column: string): Promise<T[]> =>
        (await q.query(sql, params)).map(row => row[column] as T);
    const first = async <T>(q: Queryable, sql: string, params: readonly unknown[], column: string): Promise<T | null> =>
        (await records<T>(q, sql, params, column))[0] ?? null;

    async function page<T>(q: Queryable, table: string, column: string, where: Where, order: (params: Params) => string, range: [number, number]): Promise<Page<T>> {
        const statements = pageStatements(table, column, where, order, range);
        const rows = await records<T>(q, statements.rows.sql, statements.rows.params, column);
        // A page that is not full is the end of the list: its total is known without counting (a search of a few rows).
        const [start, end] = range;
        if (rows.length < end - start + 1 && (rows.length > 0 || start === 0)) return { rows, total: start + rows.length };
        return { rows, ...(await totalOf(q, statements.count)) };
    }

    /** The exact total up to EXACT_TOTAL_CAP; above it, the planner's estimate (never below the cap + 1). */
    async function totalOf(q: Queryable, count: ReturnType<typeof countStatements>): Promise<Pick<Page<unknown>, 'total' | 'estimated'>> {
        const counted = Number((await q.query<{ total: number }>(count.capped.sql, count.capped.params))[0]?.total ?? 0);
        if (counted <= EXACT_TOTAL_CAP) return { total: counted };
        const [explained] = await q.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] | string }>(count.estimate.sql, count.estimate.params);
        const plan = explained!['QUERY PLAN'];
        const rows = (typeof plan === 'string' ? JSON.parse(plan) as [{ Plan: { 'Plan Rows': number } }] : plan)[0].Plan['Plan Rows'];
        return { total: Math.max(EXACT_TOTAL_CAP + 1, Math.round(rows)), estimated: true };
    }

    /** A sort by a field that is no column: the matching keys sorted by the list dialect's own rule, then the page's records. */
    async function sortedByKey(q: Queryable, where: Where, field: string, sort: Sort, range: [number, number]): Promise<Page<ReviewRequest>> {
        const keys = keyStatement('requests', 'holder_name', where);
        const rows = (await q.query<{ id: string; key: string }>(keys.sql, keys.params)).map(row => ({ id: row.id, [field]: row.key }));
        const { rows: ids, total } = pageOf(rows, sort, range);
        const found = new Map((await records<ReviewRequest>(q, SQL.requestsByIds, [ids.map(row => row.id)], 'record')).map(record => [record.id, record]));
        return { rows: ids.map(row => found.get(row.id)!).filter(Boolean), total };
    }

    /**
     * Queue order, ascending: the viewer's held requests (few), then the others by due time. Two queries instead of one ORDER BY
     * on an expression, so that the second walks an index on (kind, due_at, id) and stops at the page instead of sorting
     * every match (the console's queue, with or without filters and search).
     */
    async function queuePage(q: Queryable, query: RequestListQuery, where: Where): Promise<Page<ReviewRequest>> {
        const [start, end] = query.range;
        const heldWhere: Where = { clauses: [...where.clauses], params: new Params([...where.params.values]) };
        heldWhere.clauses.push(`status = 'in_review'`, `assignee = ${heldWhere.params.add(query.viewerId)}`);
        const held = await records<ReviewRequest>(q, `SELECT record FROM requests WHERE ${heldWhere.clauses.join(' AND ')} ORDER BY due_at, id`, heldWhere.params.values, 'record');
        const restWhere: Where = { clauses: [...where.clauses], params: new Params([...where.params.values]) };
        restWhere.clauses.push(`NOT (status = 'in_review' AND assignee IS NOT DISTINCT FROM ${restWhere.params.add(query.viewerId)})`);
        const rest = await page<ReviewRequest>(q, 'requests', 'record', restWhere, () => 'due_at, id', [Math.max(0, start - held.length), Math.max(0, end - held.length)]);
        const rows = [...held.slice(start, end + 1), ...(end + 1 > held.length ? rest.rows : [])].slice(0, end - start + 1);
        return { rows, total: rest.total + held.length, ...(rest.estimated ? { estimated: true } : {}) };
    }

    function readsOn(q: Queryable): StoreReads {
        return {
            accounts: async () => (await q.query<ListedOperator>(SQL.accounts)).map(({ id, username, name, role, disabled }) => ({ id, username, name, role, disabled: Boolean(disabled) })),
            async credentials(username) {
                const row = (await q.query<Operator & { password_hash: string | null }>(SQL.credentials, [username]))[0];
                return row ? { account: { id: row.id, username: row.username, name: row.name, role: row.role }, passwordHash: row.password_hash } : null;
            },
            session: async token => (await q.query<{ userId: string; expiresAt: string }>(SQL.session, [tokenDigest(token)]))[0] ?? null,
            loginFailures: (key, since) => records<string>(q, SQL.loginFailures, [key, since.toISOString()], 'at'),
            accountEvents: async username => (await q.query<NumberedAccountEvent & Row>(SQL.accountEvents, [username ?? null])).map(event => ({ ...event, seq: Number(event.seq) })),
            request: (kind, id) => first(q, SQL.request, [kind, id], 'record'),
            async requests(query) {
                const { kind, filter, sort, range, viewerId, now } = query;
                const where = requestWhere(kind, filter, now);
                if (sort.field === 'queue' && sort.order === 'ASC') return queuePage(q, query, where);
                if (sort.field === 'queue') return page(q, 'requests', 'record', where, params => queueOrder(viewerId, sort.order, params), range);
                const column = REQUEST_SORT_COLUMNS[sort.field];
                if (column) return page(q, 'requests', 'record', where, () => columnOrder(column, sort.order), range);
                return sortedByKey(q, where, sort.field, sort, range);
            },
            hasExpiredClaims: async now => Boolean((await q.query<{ expired: boolean }>(SQL.hasExpiredClaims, [now.toISOString()]))[0]?.expired),
            auditEntries: (query: AuditListQuery) =>
                page(q, 'audit', 'entry', auditWhere(query.filter), () => columnOrder(AUDIT_SORT_COLUMNS[query.sort.field] ?? 'seq', query.sort.order, 'seq'), query.range),
            auditEntry: id => first(q, SQL.auditEntry, [id], 'entry'),
            lastAuditEntry: requestId => first(q, SQL.lastAuditEntry, [requestId], 'entry'),
            qualitySamples: (query: QualitySampleListQuery) =>
                page(q, 'quality_samples', 'sample', qualitySampleWhere(query.filter), () => columnOrder(QUALITY_SAMPLE_SORT_COLUMNS[query.sort.field] ?? 'seq', query.sort.order, 'seq'), query.range),
            qualitySample: id => first(q, SQL.qualitySample, [id], 'sample'),
            qualityReviews: (query: QualityReviewListQuery) =>
                page(q, 'quality_reviews', 'review', qualityReviewWhere(query.filter), () => columnOrder(QUALITY_REVIEW_SORT_COLUMNS[query.sort.field] ?? 'seq', query.sort.order, 'seq'), query.range),
            qualityReview: id => first(q, SQL.qualityReview, [id], 'review'),
            intakeSubmission: async key => ((await q.query(SQL.intakeSubmission, [key]))[0] as IntakeSubmission | undefined) ?? null,
            dueNumberReleases: (now, limit) => records<Cancellation>(q, SQL.dueNumberReleases, [now.toISOString(), limit], 'record'),
            notices: (query: NoticeListQuery) =>
                page<Notice>(q, 'notices', 'notice', noticeWhere(query.filter), () => columnOrder(NOTICE_SORT_COLUMNS[query.sort.field] ?? 'seq', query.sort.order, 'seq'), query.range),
            async statsFacts(range) {
                const { startMs, endMs } = rangeBounds(range);
                const bounds = [new Date(startMs).toISOString(), new Date(endMs).toISOString()];
                const [audit, requests, qualityReviews] = await Promise.all([
                    records<AuditEntry>(q, SQL.statsAudit, bounds, 'entry'),
                    q.query<{ kind: ReviewRequest['kind']; status: ReviewRequest['status']; submittedAt: string; dueAt: string }>(SQL.openRequestFacts),
                    q.query<{ operatorId: string; verdict: QualityReview['verdict'] }>(SQL.statsQualityReviews),
                ]);
                return { audit, requests, qualityReviews };
            },
        };
    }

    function writesOn(tx: Queryable): StoreWrites {
        const save = (rows: ReviewRequest[]) => tx.query(SQL.upsertRequests, [JSON.stringify(rows.map(requestRow))]);
        return {
            ...readsOn(tx),
            lockRequest: (kind, id) => first(tx, SQL.lockRequest, [kind, id], 'record'),
            async lockNextCandidate(kind, viewerId, exclude) {
                const excluded = [...exclude];
                return (await first<ReviewRequest>(tx, SQL.lockHeldCandidate, [kind, viewerId, excluded], 'record'))
                    ?? first<ReviewRequest>(tx, SQL.lockPendingCandidate, [kind, excluded], 'record');
            },
            lockExpiredClaims: now => records(tx, SQL.lockExpiredClaims, [now.toISOString()], 'record'),
            lockPurgeDue: (decidedBefore, disputeBefore, limit) => records(tx, SQL.lockPurgeDue, [decidedBefore, disputeBefore, limit], 'record'),
            saveRequest: async record => void (await save([record])),
            async appendAudit(entry: AuditDraft) {
                const written = await first<AuditEntry>(tx, SQL.appendAudit, [
                    entry.at, entry.actor, entry.action, entry.requestKind ?? '', entry.requestId, entry.toStatus, JSON.stringify(entry.reasons), JSON.stringify(entry),
                ], 'entry');
                return written!;
            },
            createSession: async (token, session) => void (await tx.query(SQL.createSession, [tokenDigest(token), session.userId, session.expiresAt])),
            deleteSession: async token => void (await tx.query(SQL.deleteSession, [tokenDigest(token)])),
            async recordLoginFailure(key, at, pruneBefore) {
                await tx.query(SQL.pruneLoginFailures, [pruneBefore.toISOString()]);
                await tx.query(SQL.recordLoginFailure, [key, at.toISOString()]);
            },
            clearLoginFailures: async key => void (await tx.query(SQL.clearLoginFailures, [key])),
            appendAccountEvent: async event => void (await tx.query(SQL.appendAccountEvent, [event.at, event.actor, event.action, event.username, event.address, event.detail])),
            async samplingPopulation(operatorId, range) {
                const { startMs, endMs } = rangeBounds(range);
                return records(tx, SQL.samplingPopulation, [operatorId, new Date(startMs).toISOString(), new Date(endMs).toISOString()], 'record');
            },
            async createQualitySample(draft, drafts) {
                const id = (await first<string>(tx, SQL.insertQualitySample, [draft.operatorId, draft.createdBy, draft.createdAt, JSON.stringify({ ...draft, reviewIds: [] })], 'id'))!;
                const reviewIds: string[] = [];
                for (const review of drafts) {
                    reviewIds.push((await first<string>(tx, SQL.insertQualityReview, [id, review.operatorId, review.requestId, review.decidedAt, JSON.stringify(review)], 'id'))!);
                }
                return (await first<QualitySample>(tx, SQL.setSampleReviews, [id, JSON.stringify(reviewIds)], 'sample'))!;
            },
            lockIntakeKey: async key => void (await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`intake:${key}`])),
            async insertRequest(draft, submission) {
                await tx.query('SELECT pg_advisory_xact_lock($1)', [INTAKE_NUMBER_LOCK]);
                const next = Number(await first<number>(tx, SQL.nextRequestNumber, [draft.kind], 'next'));
                const record = { ...draft, id: `${draft.kind === 'verification' ? 'V' : 'C'}-${String(next).padStart(6, '0')}` } as ReviewRequest;
                await save([record]);
                if (submission) await tx.query(SQL.insertIntakeSubmission, [submission.idempotencyKey, submission.fingerprint, record.kind, record.id]);
                return record;
            },
            lockVerificationsWithIdNumber: idNumber => records<Verification>(tx, SQL.lockVerificationsWithIdNumber, [idNumber], 'record'),
            appendNotices: async drafts => (drafts.length === 0 ? [] : records<Notice>(tx, SQL.appendNotices, [JSON.stringify(drafts)], 'notice')),
            lockDueNotices: (now, limit) => records<Notice>(tx, SQL.lockDueNotices, [now.toISOString(), limit], 'notice'),
            lockNotices: ids => records<Notice>(tx, SQL.lockNotices, [[...ids]], 'notice'),
            saveNotice: async notice => void (await tx.query(SQL.saveNotice, [notice.id, notice.state, notice.nextAttemptAt, JSON.stringify(notice)])),
            saveQualityReview: async review => void (await tx.query(SQL.saveQualityReview, [review.id, review.verdict, review.reviewedAt, JSON.stringify(review)])),
        };
    }

    /** Failed checks depend on the review team's day (card expiry, age): recomputed once when the day changes. */
    async function refreshDerived(now: Date) {
        const today = reviewDay(now, sla);
        if (today === checkedDay) return;
        const stored = await first<string>(db, SQL.derived, [CHECKS_DAY], 'value');
        if (stored !== today) {
            await db.transaction(async tx => {
                const locked = await first<string>(tx, SQL.lockDerived, [CHECKS_DAY], 'value');
                if (locked === today) return;
                const changed = (await records<Verification>(tx, SQL.verificationsForChecks, [], 'record'))
                    .map(record => ({ record, failedChecks: countFailedChecks(runVerificationChecks(record, { today })) }))
                    .filter(({ record, failedChecks }) => record.failedChecks !== failedChecks)
                    .map(({ record, failedChecks }) => ({ ...record, failedChecks }));
                if (changed.length > 0) await tx.query(SQL.upsertRequests, [JSON.stringify(changed.map(requestRow))]);
                await tx.query(SQL.setDerived, [CHECKS_DAY, today]);
            });
        }
        checkedDay = today;
    }

    return {
        ...readsOn(db),
        transaction: work => db.transaction(tx => work(writesOn(tx))),
        refreshDerived,
        close: () => db.close(),
    };
}
