import type { AuditFilter } from '../../../src/domain/lists/audit';
import type { NoticeFilter } from '../../../src/domain/lists/notices';
import { auditNeedle } from '../../../src/domain/lists/audit';
import { oneOrMany, type Sort } from '../../../src/domain/lists/page';
import type { QualityReviewListQuery, QualitySampleListQuery } from '../../../src/domain/lists/quality';
import type { RequestFilter } from '../../../src/domain/lists/requests';
import type { RequestKind } from '../../../src/domain/types';

// Every statement of the PostgreSQL store, in one place. Values only ever travel as parameters ($n); the only text built
// here is from fixed fragments: column names from the tables below, never from a request.

/** Collects parameters and answers their placeholders. */
export class Params {
    constructor(readonly values: unknown[] = []) {}
    add(value: unknown, cast = ''): string {
        this.values.push(value);
        return `$${this.values.length}${cast}`;
    }
}

export interface Where {
    clauses: string[];
    params: Params;
}

const REQUEST_COLUMNS = `id text, kind text, status text, is_open boolean, assignee text, claim_expires_at timestamptz, submitted_at timestamptz,
    due_at timestamptz, decided_at timestamptz, decided_by text, attempt integer, previous_id text, mobile_number text, holder_name text,
    failed_checks integer, ready_to_approve boolean, search_text text, version integer, record jsonb`;
const REQUEST_NAMES = 'id, kind, status, is_open, assignee, claim_expires_at, submitted_at, due_at, decided_at, decided_by, attempt, previous_id, mobile_number, holder_name, failed_checks, ready_to_approve, search_text, version, record';

export const SQL = {
    /** $1: a JSON array of rows.ts requestRow(); inserts new requests and rewrites known ones. */
    upsertRequests: `INSERT INTO requests (${REQUEST_NAMES})
        SELECT ${REQUEST_NAMES} FROM jsonb_to_recordset($1::jsonb) AS r(${REQUEST_COLUMNS})
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, is_open = excluded.is_open, assignee = excluded.assignee,
            claim_expires_at = excluded.claim_expires_at, decided_at = excluded.decided_at, decided_by = excluded.decided_by,
            failed_checks = excluded.failed_checks, ready_to_approve = excluded.ready_to_approve, version = excluded.version, record = excluded.record,
            -- A purge (retention) empties the mobile number and the searched identity values: the columns follow the record.
            mobile_number = excluded.mobile_number, search_text = excluded.search_text`,
    request: 'SELECT record FROM requests WHERE kind = $1 AND id = $2',
    requestById: 'SELECT record FROM requests WHERE id = $1',
    intakeSubmission: `SELECT idempotency_key AS "idempotencyKey", fingerprint, request_kind AS "requestKind", request_id AS "requestId"
        FROM intake_submissions WHERE idempotency_key = $1`,
    insertIntakeSubmission: 'INSERT INTO intake_submissions (idempotency_key, fingerprint, request_kind, request_id) VALUES ($1, $2, $3, $4)',
    /** The next number of a kind's ids (V-000301): max + 1, under intakeNumberLock. */
    nextRequestNumber: "SELECT coalesce(max(substring(id from 3)::integer), 0) + 1 AS next FROM requests WHERE kind = $1 AND id ~ '^[VC]-[0-9]+$'",
    lockVerificationsWithIdNumber: `SELECT record FROM requests WHERE kind = 'verification' AND upper(record->>'idNumber') = upper($1) ORDER BY id FOR UPDATE`,
    lockRequest: 'SELECT record FROM requests WHERE kind = $1 AND id = $2 FOR UPDATE',
    requestsByIds: 'SELECT record FROM requests WHERE id = ANY($1::text[])',
    /** claim-next, first: a request the viewer already holds. */
    lockHeldCandidate: `SELECT record FROM requests WHERE kind = $1 AND status = 'in_review' AND assignee = $2 AND NOT (id = ANY($3::text[]))
        ORDER BY due_at, id LIMIT 1 FOR UPDATE`,
    /** claim-next, then: the oldest due pending request; one another transaction is locking is passed over, not waited for. */
    lockPendingCandidate: `SELECT record FROM requests WHERE kind = $1 AND status = 'pending' AND NOT (id = ANY($2::text[]))
        ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    hasExpiredClaims: `SELECT EXISTS (SELECT 1 FROM requests WHERE status = 'in_review' AND claim_expires_at <= $1::timestamptz) AS expired`,
    /** Claims another transaction is lapsing or deciding are its own: skipped, so that two lapses never wait on each other. */
    // Retention (src/domain/retention.ts): a rejection is under dispute when some request has it as previous_id.
    lockPurgeDue: `SELECT record FROM requests r WHERE decided_at < $1::timestamptz AND status IN ('approved', 'rejected')
        AND (record->>'identityPurgedAt') IS NULL
        AND (decided_at < $2::timestamptz OR status <> 'rejected' OR NOT EXISTS (SELECT 1 FROM requests s WHERE s.previous_id = r.id))
        ORDER BY decided_at, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
    lockExpiredClaims: `SELECT record FROM requests WHERE status = 'in_review' AND claim_expires_at <= $1::timestamptz ORDER BY id FOR UPDATE SKIP LOCKED`,
    samplingPopulation: `SELECT record FROM requests r WHERE decided_by = $1 AND decided_at >= $2::timestamptz AND decided_at < $3::timestamptz
        AND NOT EXISTS (SELECT 1 FROM quality_reviews q WHERE q.request_id = r.id)`,
    openRequestFacts: `SELECT record->>'kind' AS kind, status, record->>'submittedAt' AS "submittedAt", record->>'dueAt' AS "dueAt" FROM requests WHERE is_open`,
    verificationsForChecks: `SELECT record FROM requests WHERE kind = 'verification'`,

    accounts: 'SELECT id, username, name, role, disabled_at IS NOT NULL AS disabled FROM accounts ORDER BY ordinal',
    credentials: 'SELECT id, username, name, role, password_hash FROM accounts WHERE username = $1 AND disabled_at IS NULL',
    insertAccount: `INSERT INTO accounts (id, username, name, role, password_hash, ordinal)
        VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(ordinal), 0) + 1 FROM accounts))`,
    accountCount: 'SELECT count(*)::int AS count FROM accounts',
    requestCount: 'SELECT count(*)::int AS count FROM requests',

    /** A disabled account's tokens stop working at once, even before they are revoked. */
    session: `SELECT s.user_id AS "userId", to_char(s.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "expiresAt"
        FROM sessions s JOIN accounts a ON a.id = s.user_id WHERE s.token_sha256 = $1 AND a.disabled_at IS NULL`,
    createSession: 'INSERT INTO sessions (token_sha256, user_id, expires_at) VALUES ($1, $2, $3::timestamptz)',
    deleteSession: 'DELETE FROM sessions WHERE token_sha256 = $1',
    revokeSessionsCounted: 'DELETE FROM sessions WHERE user_id = $1 RETURNING 1 AS n',

    /** The accounts command (server/accounts/accountsCommand.ts). */
    accountList: `SELECT id, username, name, role, disabled_at IS NOT NULL AS disabled FROM accounts ORDER BY ordinal`,
    accountByUsername: 'SELECT id, username, name, role, disabled_at IS NOT NULL AS disabled FROM accounts WHERE username = $1 FOR UPDATE',
    setAccountDisabled: 'UPDATE accounts SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END WHERE id = $1',
    setAccountRole: 'UPDATE accounts SET role = $2 WHERE id = $1',
    setAccountPassword: 'UPDATE accounts SET password_hash = $2 WHERE id = $1',

    loginFailures: `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM login_failures WHERE key = $1 AND at >= $2::timestamptz ORDER BY at`,
    pruneLoginFailures: 'DELETE FROM login_failures WHERE at < $1::timestamptz',
    recordLoginFailure: 'INSERT INTO login_failures (key, at) VALUES ($1, $2::timestamptz)',
    clearLoginFailures: 'DELETE FROM login_failures WHERE key = $1',
    appendAccountEvent: 'INSERT INTO account_events (at, actor, action, username, address, detail) VALUES ($1::timestamptz, $2, $3, $4, $5, $6)',
    accountEvents: `SELECT seq::int AS seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor, action, username, address, detail
        FROM account_events WHERE $1::text IS NULL OR username = $1 ORDER BY seq`,

    /** $1..$8: at, actor, action, request kind, request id, to-status, reasons (JSON), the entry without its id (JSON). */
    /** $1: a JSON array of notices without ids; numbered in the order given. */
    appendNotices: `WITH d AS (SELECT value AS notice, ordinality FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY),
            i AS (SELECT nextval('notice_seq') AS seq, notice, ordinality FROM (SELECT * FROM d ORDER BY ordinality) o),
            n AS (SELECT seq, 'N-' || lpad(seq::text, greatest(6, length(seq::text)), '0') AS id, notice, ordinality FROM i)
        INSERT INTO notices (seq, id, request_id, channel, state, next_attempt_at, created_at, notice)
        SELECT seq, id, notice->>'requestId', notice->>'channel', notice->>'state', (notice->>'nextAttemptAt')::timestamptz, notice->>'createdAt',
            jsonb_build_object('id', id) || notice FROM n ORDER BY ordinality
        RETURNING notice`,
    /** A sender's due notices: queued and due, or sending with the claim run out; one another sender is locking is skipped. */
    lockDueNotices: `SELECT notice FROM notices WHERE state IN ('queued', 'sending') AND next_attempt_at <= $1::timestamptz
        ORDER BY next_attempt_at, seq LIMIT $2 FOR UPDATE SKIP LOCKED`,
    dueNumberReleases: `SELECT record FROM requests WHERE kind = 'cancellation' AND status = 'approved' AND jsonb_typeof(record->'numberRelease') = 'object'
        AND (record->'numberRelease'->>'nextAttemptAt')::timestamptz <= $1::timestamptz ORDER BY (record->'numberRelease'->>'nextAttemptAt')::timestamptz, id LIMIT $2`,
    lockNotices: 'SELECT notice FROM notices WHERE id = ANY($1::text[]) ORDER BY seq FOR UPDATE',
    saveNotice: `UPDATE notices SET state = $2, next_attempt_at = $3::timestamptz, notice = $4::jsonb WHERE id = $1`,
    appendAudit: `WITH n AS (SELECT nextval('audit_seq') AS seq),
            i AS (SELECT seq, 'A-' || lpad(seq::text, greatest(7, length(seq::text)), '0') AS id FROM n)
        INSERT INTO audit (seq, id, at, actor, action, request_kind, request_id, to_status, reasons, entry)
        SELECT seq, id, $1, $2, $3, $4, $5, $6, $7::jsonb, jsonb_build_object('id', id) || $8::jsonb FROM i
        RETURNING entry`,
    /** The seed's history: $1 a JSON array of rows.ts auditRow(). */
    insertAudit: `INSERT INTO audit (seq, id, at, actor, action, request_kind, request_id, to_status, reasons, entry)
        SELECT seq, id, at, actor, action, request_kind, request_id, to_status, reasons, entry
        FROM jsonb_to_recordset($1::jsonb) AS r(seq bigint, id text, at text, actor text, action text, request_kind text, request_id text, to_status text, reasons jsonb, entry jsonb)`,
    syncAuditSequence: `SELECT setval('audit_seq', greatest((SELECT max(seq) FROM audit), 1), (SELECT max(seq) FROM audit) IS NOT NULL)`,
    auditEntry: 'SELECT entry FROM audit WHERE id = $1',
    lastAuditEntry: 'SELECT entry FROM audit WHERE request_id = $1 ORDER BY seq DESC LIMIT 1',
    /** GET /stats: every entry of the requests decided in the range (their decisions and the claims they were made on). */
    statsAudit: `SELECT entry FROM audit WHERE request_id IN (
            SELECT request_id FROM audit WHERE action IN ('approve', 'reject', 'second_approve') AND at >= $1 AND at < $2
        ) AND at < $2 ORDER BY seq`,
    statsQualityReviews: `SELECT operator_id AS "operatorId", verdict FROM quality_reviews`,

    insertDocuments: `INSERT INTO demo_documents (request_id, traits) SELECT key, value FROM jsonb_each($1::jsonb)`,
    documentTraits: 'SELECT traits FROM demo_documents WHERE request_id = $1',
    purgeDocumentTraits: 'DELETE FROM demo_documents WHERE request_id = $1',

    insertQualitySample: `WITH n AS (SELECT nextval('quality_sample_seq') AS seq),
            i AS (SELECT seq, 'QS-' || lpad(seq::text, greatest(6, length(seq::text)), '0') AS id FROM n)
        INSERT INTO quality_samples (seq, id, operator_id, created_by, created_at, sample)
        SELECT seq, id, $1, $2, $3, jsonb_build_object('id', id) || $4::jsonb FROM i RETURNING id`,
    setSampleReviews: `UPDATE quality_samples SET sample = jsonb_set(sample, '{reviewIds}', $2::jsonb) WHERE id = $1 RETURNING sample`,
    insertQualityReview: `WITH n AS (SELECT nextval('quality_review_seq') AS seq),
            i AS (SELECT seq, 'QR-' || lpad(seq::text, greatest(6, length(seq::text)), '0') AS id FROM n)
        INSERT INTO quality_reviews (seq, id, sample_id, operator_id, request_id, verdict, decided_at, reviewed_at, review)
        SELECT seq, id, $1, $2, $3, NULL, $4, NULL, jsonb_build_object('id', id, 'sampleId', $1::text) || $5::jsonb FROM i RETURNING id`,
    saveQualityReview: 'UPDATE quality_reviews SET verdict = $2, reviewed_at = $3, review = $4::jsonb WHERE id = $1',
    qualitySample: 'SELECT sample FROM quality_samples WHERE id = $1',
    qualityReview: 'SELECT review FROM quality_reviews WHERE id = $1',

    derived: 'SELECT value FROM derived WHERE name = $1',
    lockDerived: 'SELECT value FROM derived WHERE name = $1 FOR UPDATE',
    setDerived: 'INSERT INTO derived (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
} as const;

/** The indexed search expression (migration 003): search_text with each character outside ASCII written twice. */
export const SEARCH_PAIRS = `regexp_replace(search_text, '([^\\x01-\\x7f])', '\\1\\1', 'g')`;

/** The indexed digit grams of the search text (migration 016): every six digits in a row. */
export const SEARCH_DIGIT_GRAMS = 'search_digit_grams(search_text)';
const GRAM = 6;

/** The six-digit grams of a needle, as search_digit_grams writes them: a text that contains the needle has every one of them. */
export function digitGrams(needle: string): string[] {
    const grams = new Set<string>();
    for (const [run] of needle.matchAll(/[0-9]{6,}/g)) for (let i = 0; i + GRAM <= run.length; i++) grams.add(run.slice(i, i + GRAM));
    return [...grams];
}

/** A needle as SEARCH_PAIRS writes it. */
export const pairCharacters = (needle: string) => [...needle].map(c => (c.codePointAt(0)! > 0x7f ? c + c : c)).join('');

/** LIKE pattern of "contains `needle`" (its %, _ and \ taken literally). */
const containing = (needle: string) => `%${needle.replace(/[\\%_]/g, m => `\\${m}`)}%`;

const anyOf = (column: string, value: unknown, params: Params) => `${column} = ANY(${params.add(oneOrMany(value), '::text[]')})`;

/** The WHERE of a request list (src/domain/lists/requests.ts requestPredicate, on the stored columns). */
export function requestWhere(kind: RequestKind, filter: RequestFilter, now: Date): Where {
    const params = new Params();
    const clauses = [`kind = ${params.add(kind)}`];
    const { ids, search, open, statuses, assignee, overdue, resubmission, previousId, decidedBy, hasFailedChecks, readyToApprove, noticeFailed, releasePending } = filter;
    if (ids) clauses.push(anyOf('id', ids, params));
    // The trigram index is on the text with every non-ASCII character doubled (SEARCH_PAIRS): a two-character Chinese name
    // then has trigrams. The second test is the contract's own "contains" on the text as it is.
    // A needle with six digits in a row (an ID or mobile number) finds its candidates by their digit grams (migration 016).
    if (search) {
        const grams = digitGrams(search);
        const candidates = grams.length > 0 ? `${SEARCH_DIGIT_GRAMS} @> ${params.add(grams, '::text[]')}` : `${SEARCH_PAIRS} LIKE ${params.add(containing(pairCharacters(search)))}`;
        clauses.push(candidates, `search_text LIKE ${params.add(containing(search))}`);
    }
    if (open !== undefined) clauses.push(`is_open = ${params.add(open)}`);
    if (statuses) clauses.push(anyOf('status', statuses, params));
    if (assignee !== undefined) clauses.push(assignee === null ? 'assignee IS NULL' : `assignee = ${params.add(assignee)}`);
    // Each test written as the index can use it (a column compared with a value), not as "(test) = flag".
    if (overdue !== undefined) {
        const late = `due_at < ${params.add(now.toISOString(), '::timestamptz')} AND decided_at IS NULL`;
        clauses.push(overdue ? late : `NOT (${late})`);
    }
    if (resubmission !== undefined) clauses.push(resubmission ? 'attempt > 1' : 'attempt <= 1');
    if (previousId !== undefined) clauses.push(`previous_id IS NOT DISTINCT FROM ${params.add(previousId)}`);
    if (decidedBy !== undefined) clauses.push(`decided_by IS NOT DISTINCT FROM ${params.add(decidedBy)}`);
    if (hasFailedChecks !== undefined) clauses.push(`(kind <> 'verification' OR ${hasFailedChecks ? 'failed_checks > 0' : 'failed_checks <= 0'})`);
    if (readyToApprove !== undefined) clauses.push(`(kind <> 'cancellation' OR ready_to_approve = ${params.add(readyToApprove)})`);
    if (releasePending !== undefined) clauses.push(`(kind <> 'cancellation' OR ${releasePending ? '' : 'NOT '}(status = 'approved' AND jsonb_typeof(record->'numberRelease') = 'object'))`);
    if (noticeFailed !== undefined) clauses.push(`${noticeFailed ? '' : 'NOT '}EXISTS (SELECT 1 FROM notices n WHERE n.request_id = requests.id AND n.state = 'failed')`);
    return { clauses, params };
}

/** The request fields lists sort on in SQL; the others (names) follow the API's locale collation, sorted by the store. */
export const REQUEST_SORT_COLUMNS: Record<string, string> = {
    id: 'id', mobileNumber: 'mobile_number', submittedAt: 'submitted_at', dueAt: 'due_at', status: 'status', attempt: 'attempt',
    assignee: 'assignee', decidedAt: 'decided_at', failedChecks: 'failed_checks',
};

/** Queue order (src/domain/queueOrder.ts): the viewer's own in-review requests first, then by due time, then id. */
export function queueOrder(viewerId: string, order: Sort['order'], params: Params): string {
    const held = `(status = 'in_review' AND assignee IS NOT DISTINCT FROM ${params.add(viewerId)})`;
    return order === 'ASC' ? `${held} DESC, due_at ASC, id ASC` : `${held} ASC, due_at DESC, id DESC`;
}

/** ORDER BY a column as the list dialect says: nulls last in ASC (first in DESC, PostgreSQL's defaults), ties by id ascending. */
export const columnOrder = (column: string, order: Sort['order'], tieBreak = 'id') => `${column} ${order}, ${tieBreak} ASC`;

export const AUDIT_SORT_COLUMNS: Record<string, string> = { id: 'seq', at: 'at', actor: 'actor', action: 'action', requestId: 'request_id' };

export const NOTICE_SORT_COLUMNS: Record<string, string> = { id: 'seq', createdAt: 'created_at', requestId: 'request_id', channel: 'channel', state: 'state' };

export function noticeWhere(filter: NoticeFilter): Where {
    const params = new Params();
    const clauses: string[] = [];
    if (filter.id !== undefined) clauses.push(anyOf('id', filter.id, params));
    if (filter.requestId !== undefined) clauses.push(anyOf('request_id', filter.requestId, params));
    if (filter.channel !== undefined) clauses.push(anyOf('channel', filter.channel, params));
    if (filter.state !== undefined) clauses.push(anyOf('state', filter.state, params));
    return { clauses, params };
}

export function auditWhere(filter: AuditFilter): Where {
    const params = new Params();
    const clauses: string[] = [];
    if (filter.id !== undefined) clauses.push(anyOf('id', filter.id, params));
    if (filter.toStatus !== undefined) clauses.push(anyOf('to_status', filter.toStatus, params));
    if (filter.requestId !== undefined) clauses.push(anyOf('request_id', filter.requestId, params));
    if (filter.actor !== undefined) clauses.push(anyOf('actor', filter.actor, params));
    if (filter.action !== undefined) clauses.push(anyOf('action', filter.action, params));
    const needle = auditNeedle(filter);
    if (needle) clauses.push(`lower(request_id) LIKE ${params.add(containing(needle))}`);
    // Compared as the memory store does: a value that is not text never equals a kind.
    if (filter.requestKind !== undefined) clauses.push(typeof filter.requestKind === 'string' ? `request_kind = ${params.add(filter.requestKind)}` : 'false');
    if (filter.reason !== undefined) clauses.push(`reasons @> jsonb_build_array(${params.add(String(filter.reason), '::text')})`);
    if (filter.at_gte !== undefined) clauses.push(`at >= ${params.add(String(filter.at_gte), '::text')}`);
    if (filter.at_lte !== undefined) clauses.push(`at <= ${params.add(String(filter.at_lte), '::text')}`);
    return { clauses, params };
}

export const QUALITY_SAMPLE_SORT_COLUMNS: Record<string, string> = { id: 'seq', createdAt: 'created_at', operatorId: 'operator_id' };
export const QUALITY_REVIEW_SORT_COLUMNS: Record<string, string> = { id: 'seq', decidedAt: 'decided_at', reviewedAt: 'reviewed_at' };

export function qualitySampleWhere(filter: QualitySampleListQuery['filter']): Where {
    const params = new Params();
    const clauses: string[] = [];
    if (filter.id !== undefined) clauses.push(anyOf('id', filter.id, params));
    if (filter.operatorId !== undefined) clauses.push(anyOf('operator_id', filter.operatorId, params));
    if (filter.createdBy !== undefined) clauses.push(anyOf('created_by', filter.createdBy, params));
    return { clauses, params };
}

export function qualityReviewWhere(filter: QualityReviewListQuery['filter']): Where {
    const params = new Params();
    const clauses: string[] = [];
    if (filter.id !== undefined) clauses.push(anyOf('id', filter.id, params));
    if (filter.sampleId !== undefined) clauses.push(anyOf('sample_id', filter.sampleId, params));
    if (filter.operatorId !== undefined) clauses.push(anyOf('operator_id', filter.operatorId, params));
    if (filter.verdict !== undefined) clauses.push(anyOf(`coalesce(verdict, 'pending')`, filter.verdict, params));
    return { clauses, params };
}

const whereText = (where: Where) => (where.clauses.length > 0 ? `WHERE ${where.clauses.join(' AND ')}` : '');

/** One page of `table` in `orderBy`, and how many rows match. */
/** Tables whose rows are wide (a whole record): a page of them is chosen by key first, then read (see pageStatements). */
const WIDE_ROW_KEYS: Record<string, string> = { requests: 'id' };

export function pageStatements(table: string, select: string, where: Where, order: (params: Params) => string, range: readonly [number, number]) {
    const countParams = [...where.params.values];
    const orderBy = order(where.params);
    // The capped count walks the page's own order (its index) when that order takes no parameter of its own.
    const countOrder = where.params.values.length === countParams.length ? orderBy : undefined;
    const limit = where.params.add(range[1] - range[0] + 1);
    const offset = where.params.add(range[0]);
    return {
        rows: { sql: pageSql(table, select, whereText(where), orderBy, `LIMIT ${limit} OFFSET ${offset}`), params: where.params.values },
        count: countStatements(table, { clauses: where.clauses, params: new Params(countParams) }, countOrder),
    };
}

/**
 * The page's rows. Wide rows are sorted by their key and read afterwards: sorting 2,853 matches of a name search with their
 * records took 400-560 ms on PostgreSQL at a million requests, sorting their ids then reading 25 records 18-36 ms.
 */
function pageSql(table: string, select: string, where: string, orderBy: string, limits: string): string {
    const key = WIDE_ROW_KEYS[table];
    if (!key) return `SELECT ${select} FROM ${table} ${where} ORDER BY ${orderBy} ${limits}`;
    return `SELECT ${select} FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} ${where} ORDER BY ${orderBy} ${limits}) ORDER BY ${orderBy}`;
}

/**
 * Above this many matching rows a list's total is PostgreSQL's estimate, not a count (docs/api.md §5, `Total-Estimated`):
 * counting 650,000 open requests costs as much as the rest of the answer many times over.
 */
export const EXACT_TOTAL_CAP = 1_000;

/** How many rows match, counted up to one past the cap; and the planner's estimate of the full count (for totals above it). */
export function countStatements(table: string, where: Where, orderBy?: string) {
    const params = new Params([...where.params.values]);
    const limit = params.add(EXACT_TOTAL_CAP + 1);
    const order = orderBy ? ` ORDER BY ${orderBy}` : '';
    return {
        capped: { sql: `SELECT count(*)::int AS total FROM (SELECT 1 FROM ${table} ${whereText(where)}${order} LIMIT ${limit}) capped`, params: params.values },
        estimate: { sql: `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${table} ${whereText(where)}`, params: where.params.values },
    };
}

/** Every matching row's id and one column (a sort the store does itself). */
export const keyStatement = (table: string, column: string, where: Where) => ({ sql: `SELECT id, ${column} AS key FROM ${table} ${whereText(where)}`, params: where.params.values });
