import { idCheckCharacter } from '../../../src/domain/idNumber';
import { normaliseName } from '../../../src/domain/verificationChecks';
import { reviewDay, type SlaCalendar } from '../../../src/domain/sla';
import type { Operator, ReviewRequest } from '../../../src/domain/types';
import { createDb, DEFAULT_SEED } from '../../../mocks/db';
import { OPERATORS } from '../../../mocks/seed/seed';
import type { Executor } from './executor';
import { auditRow, requestRow } from './rows';
import { SEED_GIVEN_CHARACTERS, SEED_SURNAMES } from './seedNames';
import { SQL } from './sql';

// A database of any size for the bench (npm run bench, phase server-scale) and the plan tests, written by SQL: the mock's
// demo seed of TEMPLATE_SIZE requests is the template, and INSERT ... SELECT over generate_series copies it as often as
// needed, each copy with its own ids, mobile numbers, e-mails, ID and account numbers (valid check characters where the
// template's were valid), so that a search finds one customer, not a thousand copies; names drawn from larger pools (seedNames.ts),
// so that they repeat about as often as real names do.
// Claims are released (a copy of the demo's stale claims would lapse by the thousand on the first request).

export const TEMPLATE_SIZE = 1_000;
/** Rows per INSERT: a statement of a bounded size, on the embedded database too. */
const CHUNK = 100_000;

export interface SizedSeedOptions {
    size: number;
    /** Extra operator accounts (bench operators: username benchop01..., their own id each), besides the demo's three. */
    operators?: number;
    now: Date;
    sla: SlaCalendar;
    /** How every account's password is stored (one hash, computed once). */
    passwordHash: string;
}

export interface SizedSeedReport {
    requests: number;
    auditEntries: number;
    accounts: Operator[];
    ms: number;
}

/** The bench's extra operator accounts. */
export const benchOperators = (count: number): Operator[] => Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return { id: `u-benchop${n}`, username: `benchop${n}`, name: `Bench Operator ${n}`, role: 'operator' };
});

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5];

/** An 18-character ID number cut for SQL: the first 14 digits' weighted sum, the 3-digit sequence, whether its check is valid. */
function idParts(idNumber: string | null) {
    if (idNumber === null || !/^\d{17}[\dX]$/.test(idNumber)) return null;
    const head = idNumber.slice(0, 14);
    return { head, sum: WEIGHTS.reduce((acc, w, i) => acc + w * Number(head[i]), 0), seq: Number(idNumber.slice(14, 17)), valid: idCheckCharacter(idNumber.slice(0, 17)) === idNumber[17] };
}

/** The template: the demo seed with its claims released, one row a request, the facts each copy changes cut out. */
function templates(now: Date, sla: SlaCalendar) {
    const demo = createDb({ size: TEMPLATE_SIZE, seed: DEFAULT_SEED, now: () => now, sla });
    const released = new Set<string>();
    const records: ReviewRequest[] = [...demo.state.verifications, ...demo.state.cancellations].map(record => {
        if (record.status !== 'in_review') return record;
        released.add(record.id);
        return { ...record, status: 'pending', version: 1, assignee: null, claimedAt: null, claimExpiresAt: null };
    });
    const index = new Map(records.map((record, i) => [record.id, i]));
    const requests = records.map((record, t) => {
        const id = record.kind === 'verification' ? idParts(record.idNumber) : null;
        const card = record.kind === 'verification' ? idParts(record.card.idNumber) : null;
        const [local, domain] = record.email.split('@');
        return {
            t,
            prefix: record.kind === 'verification' ? 'V' : 'C',
            prev_t: record.previousId === null ? null : (index.get(record.previousId) ?? null),
            dup_t: record.kind === 'verification' ? record.duplicateIds.map(id => index.get(id)).filter(t => t !== undefined) : [],
            cols: { ...requestRow(record), record: undefined, search_text: undefined },
            record,
            traits: demo.state.documentTraits[record.id] ?? null,
            mobile_head: record.mobileNumber.slice(0, -8),
            mobile_tail: Number(record.mobileNumber.slice(-8)),
            email_local: local,
            email_domain: domain ?? '',
            name_state: record.kind === 'cancellation' || record.card.name === null ? 'none' : normaliseName(record.card.name) === normaliseName(record.fullName) ? 'match' : 'mismatch',
            id_head: id?.head ?? null, id_sum: id?.sum ?? null, id_seq: id?.seq ?? null, id_valid: id?.valid ?? null,
            card_head: card?.head ?? null, card_sum: card?.sum ?? null, card_seq: card?.seq ?? null, card_valid: card?.valid ?? null,
            account_number: record.kind === 'cancellation' ? Number(record.account.accountId.replace(/^AX-/, '')) : null,
        };
    });
    const audit = demo.state.audit
        .filter(entry => !released.has(entry.requestId))
        .map((entry, a) => ({ a, t: index.get(entry.requestId)!, cols: { ...auditRow(entry), entry: undefined, seq: undefined, id: undefined }, entry }));
    return { requests, audit, traitsOf: demo.state.documentTraits };
}

/** SQL of a number in [0, 1) drawn for template row t's copy c, the k-th draw: a hash, the same on every run and server. */
const unit = (k: number) => `((hashint8extended(t.t::bigint * 1000003 + c, ${k}) & 4294967295)::float8 / 4294967296)`;

/** SQL of an ID number of copy `c`: the same head, sequence + 2c (the sex digit's parity kept), its check recomputed (kept wrong when it was). */
const copiedIdNumber = (p: string) => `CASE WHEN t.${p}_head IS NULL THEN NULL ELSE (SELECT t.${p}_head || lpad(s::text, 3, '0')
    || substr('10X98765432', ((t.${p}_sum + 8 * (s / 100) + 4 * ((s / 10) % 10) + 2 * (s % 10)) % 11 + CASE WHEN t.${p}_valid THEN 0 ELSE 1 END) % 11 + 1, 1)
    FROM (SELECT (t.${p}_seq + 2 * c) % 1000 AS s) seq) END`;

/** The copy's id of template row `t` (numbered across both kinds: V-0000001, C-0000002, ...). */
const copiedId = (prefix: string, t: string) => `${prefix} || '-' || lpad((c * $1 + ${t} + 1)::text, 7, '0')`;

const INSERT_REQUESTS = `
WITH copies AS (
    SELECT n / $1 AS c, n % $1 AS tn FROM generate_series($2::int, $3::int) AS n
), made AS (
    SELECT t.*, c,
        ${copiedId('t.prefix', 't.t')} AS new_id,
        CASE WHEN t.prev_t IS NULL THEN NULL ELSE ${copiedId('t.prefix', 't.prev_t')} END AS new_prev,
        t.mobile_head || lpad(((t.mobile_tail + c * 7919) % 100000000)::text, 8, '0') AS new_mobile,
        CASE WHEN c = 0 THEN t.email_local ELSE t.email_local || '.' || c END || '@' || t.email_domain AS new_email,
        ${copiedIdNumber('id')} AS new_id_number,
        ${copiedIdNumber('card')} AS new_card_number,
        CASE WHEN t.account_number IS NULL THEN NULL ELSE 'AX-' || (10000000 + (t.account_number - 10000000 + c * 104729) % 90000000)::text END AS new_account,
        CASE WHEN c = 0 THEN NULL ELSE ($4::text[])[1 + floor(cardinality($4::text[]) * ${unit(1)} ^ 2)::int]
            || ($5::text[])[1 + floor(cardinality($5::text[]) * ${unit(2)} ^ 2)::int]
            || CASE WHEN ${unit(3)} < 0.2 THEN '' ELSE ($5::text[])[1 + floor(cardinality($5::text[]) * ${unit(4)} ^ 2)::int] END END AS drawn_name
    FROM copies JOIN bench_template t ON t.t = copies.tn
), named AS (
    -- Copy 0 keeps the template's names; the others draw theirs (seedNames.ts). A typed name that did not match the card
    -- still does not: its last character is another.
    SELECT made.*,
        CASE WHEN drawn_name IS NULL THEN cols->>'holder_name' WHEN name_state = 'mismatch'
            THEN left(drawn_name, -1) || CASE WHEN right(drawn_name, 1) = '玮' THEN '芬' ELSE '玮' END ELSE drawn_name END AS new_name,
        CASE WHEN drawn_name IS NULL OR name_state = 'none' THEN record #> '{card,name}' ELSE to_jsonb(drawn_name) END AS new_card_name
    FROM made
), docs AS (
    SELECT named.*, 'documents/' || new_id || '/' AS doc FROM named
), recs AS (
    SELECT docs.*, record || jsonb_build_object('id', new_id, 'previousId', new_prev, 'mobileNumber', new_mobile, 'email', new_email) || CASE WHEN prefix = 'V' THEN jsonb_build_object(
            'fullName', new_name,
            'idNumber', new_id_number,
            'card', (record -> 'card') || jsonb_build_object('idNumber', new_card_number, 'name', new_card_name),
            'documents', jsonb_build_object(
                'idFront', CASE WHEN record #> '{documents,idFront}' = 'null' THEN NULL ELSE doc || 'id-front.svg' END,
                'idBack', CASE WHEN record #> '{documents,idBack}' = 'null' THEN NULL ELSE doc || 'id-back.svg' END,
                'selfie', CASE WHEN record #> '{documents,selfie}' = 'null' THEN NULL ELSE doc || 'selfie.svg' END),
            -- The same copy's requests with the same ID number (the failed checks count them).
            'duplicateIds', (SELECT coalesce(jsonb_agg('V-' || lpad((c * $1 + d::int + 1)::text, 7, '0') ORDER BY o), '[]'::jsonb)
                FROM jsonb_array_elements_text(dup_t) WITH ORDINALITY AS dup(d, o)))
        ELSE jsonb_build_object(
            'holderName', new_name,
            'account', (record -> 'account') || jsonb_build_object('accountId', new_account),
            'idScan', CASE WHEN record -> 'idScan' = 'null' THEN NULL ELSE doc || 'id-front.svg' END)
        END AS new_record
    FROM docs
)
INSERT INTO requests (id, kind, status, is_open, assignee, claim_expires_at, submitted_at, due_at, decided_at, decided_by, attempt, previous_id,
    mobile_number, holder_name, failed_checks, ready_to_approve, search_text, version, record)
SELECT new_id, cols->>'kind', cols->>'status', (cols->>'is_open')::boolean, cols->>'assignee', (cols->>'claim_expires_at')::timestamptz,
    (cols->>'submitted_at')::timestamptz, (cols->>'due_at')::timestamptz, (cols->>'decided_at')::timestamptz, cols->>'decided_by',
    (cols->>'attempt')::int, new_prev, new_mobile, new_name, (cols->>'failed_checks')::int, (cols->>'ready_to_approve')::boolean,
    replace(lower(concat_ws(E'\\n', new_id, new_mobile, new_email, new_name, coalesce(new_id_number, new_account))), ' ', ''),
    (cols->>'version')::int, new_record
FROM recs`;

const INSERT_AUDIT = `
INSERT INTO audit (seq, id, at, actor, action, request_kind, request_id, to_status, reasons, entry)
SELECT seq, id, cols->>'at', cols->>'actor', cols->>'action', cols->>'request_kind', request_id, cols->>'to_status', cols->'reasons',
    entry || jsonb_build_object('id', id, 'requestId', request_id)
FROM (
    SELECT a.*, c * $1 + a.a + 1 AS seq, 'A-' || lpad((c * $1 + a.a + 1)::text, 7, '0') AS id,
        (CASE WHEN a.cols->>'request_kind' = 'verification' THEN 'V' ELSE 'C' END) || '-' || lpad((c * $2 + a.t + 1)::text, 7, '0') AS request_id
    FROM generate_series($3::int, $4::int) AS c CROSS JOIN bench_audit_template a
    WHERE c * $2 + a.t < $5
) numbered`;

const INSERT_DOCUMENTS = `
INSERT INTO demo_documents (request_id, traits)
SELECT t.prefix || '-' || lpad((n + 1)::text, 7, '0'), t.traits
FROM generate_series($2::int, $3::int) AS n JOIN bench_template t ON t.t = n % $1 WHERE t.traits IS NOT NULL`;

/** The secondary indexes of the tables the seed fills (names and definitions come from the catalogue, not from a request). */
const DEFERRED_INDEXES = `SELECT quote_ident(indexname) AS name, indexdef AS definition FROM pg_indexes i
    WHERE schemaname = current_schema() AND tablename IN ('requests', 'audit', 'demo_documents')
    AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`;

/** Index columns given a statistics target of their own (ALTER INDEX ... SET STATISTICS), of the deferred indexes' tables. */
const INDEX_STATISTICS_TARGETS = `SELECT quote_ident(c.relname) AS name, a.attnum AS column, a.attstattarget AS target
    FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_attribute a ON a.attrelid = c.oid
    WHERE t.relnamespace = current_schema()::regnamespace AND t.relname IN ('requests', 'audit', 'demo_documents') AND a.attstattarget > 0`;

/** Seeds an empty, migrated database with `size` requests and their history; answers what it wrote. */
export async function seedAtSize(db: Executor, options: SizedSeedOptions): Promise<SizedSeedReport> {
    const started = performance.now();
    const { requests, audit } = templates(options.now, options.sla);
    const perCopy = requests.length;
    const accounts = [...OPERATORS, ...benchOperators(options.operators ?? 0)];
    await db.transaction(async tx => {
        const [existing] = await tx.query<{ count: number }>(SQL.requestCount);
        if (Number(existing!.count) > 0) throw new Error('seedAtSize: the database already holds requests');
        for (const account of accounts) await tx.query(SQL.insertAccount, [account.id, account.username, account.name, account.role, options.passwordHash]);
        await tx.exec(`CREATE TEMP TABLE bench_template (t int PRIMARY KEY, prefix text, prev_t int, dup_t jsonb, cols jsonb, record jsonb, traits jsonb, mobile_head text, mobile_tail bigint,
            email_local text, email_domain text, name_state text, id_head text, id_sum int, id_seq int, id_valid boolean, card_head text, card_sum int, card_seq int, card_valid boolean,
            account_number bigint) ON COMMIT DROP;
            CREATE TEMP TABLE bench_audit_template (a int PRIMARY KEY, t int, cols jsonb, entry jsonb) ON COMMIT DROP`);
        await tx.query(`INSERT INTO bench_template SELECT * FROM jsonb_populate_recordset(NULL::bench_template, $1::jsonb)`, [JSON.stringify(requests)]);
        await tx.query(`INSERT INTO bench_audit_template SELECT * FROM jsonb_populate_recordset(NULL::bench_audit_template, $1::jsonb)`, [JSON.stringify(audit)]);
        // Indexes are built once after the rows are in (much faster than growing them a row at a time, the trigram one above all).
        const indexes = await tx.query<{ name: string; definition: string }>(DEFERRED_INDEXES);
        // A migration's per-column statistics target on an index (017: the name search's) goes with DROP INDEX: set it again.
        const targets = await tx.query<{ name: string; column: number; target: number }>(INDEX_STATISTICS_TARGETS);
        for (const { name } of indexes) await tx.exec(`DROP INDEX ${name}`);
        for (let from = 0; from < options.size; from += CHUNK) {
            const to = Math.min(options.size, from + CHUNK) - 1;
            await tx.query(INSERT_REQUESTS, [perCopy, from, to, SEED_SURNAMES, SEED_GIVEN_CHARACTERS]);
            await tx.query(INSERT_DOCUMENTS, [perCopy, from, to]);
        }
        for (const { definition } of indexes) await tx.exec(definition);
        for (const { name, column, target } of targets) await tx.exec(`ALTER INDEX ${name} ALTER COLUMN ${Number(column)} SET STATISTICS ${Number(target)}`);
        const copies = Math.ceil(options.size / perCopy);
        await tx.query(INSERT_AUDIT, [audit.length, perCopy, 0, copies - 1, options.size]);
        await tx.query(SQL.syncAuditSequence);
        await tx.query(SQL.setDerived, ['checks_day', reviewDay(options.now, options.sla)]);
    });
    // Fresh statistics (the planner's estimates, and the estimated totals of long lists, come from them) and visibility map.
    await db.exec('VACUUM ANALYZE');
    const [counted] = await db.query<{ requests: number; audit: number }>('SELECT (SELECT count(*) FROM requests)::int AS requests, (SELECT count(*) FROM audit)::int AS audit');
    return { requests: Number(counted!.requests), auditEntries: Number(counted!.audit), accounts, ms: performance.now() - started };
}

