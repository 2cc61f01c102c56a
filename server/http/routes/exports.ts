import type { Hono } from 'hono';
import { PURPOSE_MAX } from '../../../src/contract/bodies';
import { maskIdentity } from '../../../src/domain/identityMasking';
import { AUDIT_LIST } from '../../../src/domain/lists/audit';
import { MAX_PAGE, parseListQuery } from '../../../src/domain/lists/parse';
import { parseRequestListQuery } from '../../../src/domain/lists/requests';
import { badField } from '../../../src/domain/refusal';
import { AUDIT_COLUMNS, CANCELLATION_COLUMNS, csvHeader, csvRow, EXPORT_MAX_ROWS, VERIFICATION_COLUMNS } from '../../../src/domain/exportCsv';
import type { AuditEntry, Operator, RequestKind, ReviewRequest } from '../../../src/domain/types';
import type { Page } from '../../../src/domain/lists/page';
import type { AppDeps } from '../deps';
import { endpoint, type AuthedCall } from '../endpoint';
import { present, redactForList } from '../present';
import { HttpError } from '../respond';

// Server-side CSV exports (docs/api.md §6.13): a whole filtered list, masked for everyone unless a supervisor asks for full
// identity data with a purpose; every export is an `export` audit entry (filter, rows, full). At most EXPORT_MAX_ROWS rows
// (API_EXPORT_MAX_ROWS): a larger export is refused before anything is built.

type Resource = 'verifications' | 'cancellations' | 'audit';
const RESOURCE: Record<RequestKind, 'verifications' | 'cancellations'> = { verification: 'verifications', cancellation: 'cancellations' };

interface ExportOptions {
    full: boolean;
    purpose: string | null;
}

/** `full` (true/false, absent = false) and `purpose` (required with full, at most PURPOSE_MAX characters). */
function exportOptions(params: URLSearchParams): ExportOptions {
    const fullText = params.get('full');
    if (fullText !== null && fullText !== 'true' && fullText !== 'false' && fullText !== '') badField('full', 'not_boolean', '"full" must be true or false');
    const full = fullText === 'true';
    const purpose = params.get('purpose')?.trim() ?? '';
    if (purpose.length > PURPOSE_MAX) badField('purpose', 'too_long', `"purpose" holds at most ${PURPOSE_MAX} characters`);
    if (full && purpose === '') badField('purpose', 'required', 'a full export needs a purpose');
    return { full, purpose: purpose === '' ? null : purpose };
}

/** Every row of a filtered list, a page at a time, refused (400) past `max` rows. */
async function readAll<T>(read: (range: [number, number]) => Promise<Page<T>>, max: number): Promise<T[]> {
    const rows: T[] = [];
    for (let start = 0; ; start += MAX_PAGE) {
        const page = await read([start, start + MAX_PAGE - 1]);
        rows.push(...page.rows);
        if (rows.length > max) badField('filter', 'too_large', `an export holds at most ${max} rows: narrow the filter`);
        if (page.rows.length < MAX_PAGE) return rows;
    }
}

async function answerCsv(call: AuthedCall, resource: Resource, kind: RequestKind | null, lines: string[], rows: number, options: ExportOptions) {
    const now = call.deps.now();
    await call.deps.store.transaction(tx => tx.appendAudit({
        at: now.toISOString(), actor: call.user.id, action: 'export', requestKind: kind, requestId: resource,
        fromStatus: null, toStatus: null, reasons: [], note: options.purpose,
        export: { resource, filter: call.url.searchParams.get('filter') ?? '{}', rows, full: options.full },
    }));
    // A byte-order mark: spreadsheets then read the file as UTF-8 (Chinese names).
    return new Response(`\ufeff${lines.join('')}`, {
        status: 200,
        headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="${resource}-${now.toISOString().slice(0, 10)}${options.full ? '-full' : ''}.csv"`,
            'Export-Rows': String(rows),
            'Cache-Control': 'no-store',
        },
    });
}

const shownRow = (record: ReviewRequest, call: AuthedCall, viewer: Operator, full: boolean) =>
    (full ? present(record, call.view) : maskIdentity(redactForList(present(record, call.view), viewer)));

export function exports(app: Hono, deps: AppDeps) {
    const max = deps.config.exportMaxRows ?? EXPORT_MAX_ROWS;
    for (const kind of ['verification', 'cancellation'] as const) {
        const resource = RESOURCE[kind];
        const columns = kind === 'verification' ? VERIFICATION_COLUMNS : CANCELLATION_COLUMNS;
        app.get(`${deps.config.base}/${resource}/export`, endpoint(deps, async call => {
            const query = parseRequestListQuery(call.url.searchParams, kind, call.user.id, deps.now());
            const options = exportOptions(call.url.searchParams);
            if (options.full && call.user.role !== 'supervisor') throw new HttpError('forbidden', 'a full export is for supervisors');
            const records = await readAll(range => deps.store.requests({ ...query, range }), max);
            const lines = [csvHeader(columns), ...records.map(record => csvRow(columns, shownRow(record, call, call.user, options.full)))];
            return answerCsv(call, resource, kind, lines, records.length, options);
        }));
    }
    app.get(`${deps.config.base}/audit/export`, endpoint(deps, async call => {
        const query = parseListQuery(call.url.searchParams, AUDIT_LIST);
        if (call.url.searchParams.get('full') === 'true') badField('full', 'unsupported_field', 'the audit trail holds no identity data: its export is always whole');
        const options = exportOptions(call.url.searchParams);
        const entries: AuditEntry[] = await readAll(range => deps.store.auditEntries({ ...query, range }), max);
        return answerCsv(call, 'audit', null, [csvHeader(AUDIT_COLUMNS), ...entries.map(entry => csvRow(AUDIT_COLUMNS, entry))], entries.length, options);
    }, { supervisorOnly: true }));
}
