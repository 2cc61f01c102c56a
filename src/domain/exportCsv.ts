import type { AuditEntry, ReviewRequest } from './types';

// The server's CSV exports (docs/api.md §6.13): columns per resource, RFC 4180 quoting, and a text cell a spreadsheet would
// run as a formula (=HYPERLINK(...), +cmd|..., @SUM, -2+3) prefixed with ' so that it stays text.

/** The most rows one export may hold: a larger one is refused (400), never built in memory. */
export const EXPORT_MAX_ROWS = 10_000;

const FORMULA_START = /^[=+\-@\t\r]/;

export const neutralizeFormula = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

/** One CSV cell: null and undefined are empty; text is neutralised, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: unknown): string {
    if (value === null || value === undefined) return '';
    const text = typeof value === 'string' ? neutralizeFormula(value) : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (values: readonly unknown[]) => `${values.map(csvCell).join(',')}\r\n`;

type Column<T> = readonly [header: string, value: (row: T) => unknown];

const REQUEST_COMMON: Column<ReviewRequest>[] = [
    ['id', r => r.id], ['status', r => r.status], ['submittedAt', r => r.submittedAt], ['dueAt', r => r.dueAt],
    ['attempt', r => r.attempt], ['previousId', r => r.previousId], ['assignee', r => r.assignee],
    ['decidedAt', r => r.decidedAt], ['decidedBy', r => r.decidedBy], ['outcome', r => r.decision?.outcome],
    ['reasons', r => r.decision?.reasons.join(' ')], ['customerLanguage', r => r.customerLanguage],
    ['mobileNumber', r => r.mobileNumber], ['email', r => r.email],
];

/** Columns of a verification export. No document URL is ever exported, masked or not. */
export const VERIFICATION_COLUMNS: Column<ReviewRequest>[] = [
    ...REQUEST_COMMON,
    ['fullName', r => (r.kind === 'verification' ? r.fullName : '')], ['idNumber', r => (r.kind === 'verification' ? r.idNumber : '')],
    ['sex', r => (r.kind === 'verification' ? r.sex : '')], ['contactPhone', r => (r.kind === 'verification' ? r.contactPhone : '')],
    ['address', r => (r.kind === 'verification' ? r.address : '')], ['failedChecks', r => (r.kind === 'verification' ? r.failedChecks : '')],
    ['identityMasked', r => r.identityMasked === true],
];

export const CANCELLATION_COLUMNS: Column<ReviewRequest>[] = [
    ...REQUEST_COMMON,
    ['holderName', r => (r.kind === 'cancellation' ? r.holderName : '')], ['accountId', r => (r.kind === 'cancellation' ? r.account.accountId : '')],
    ['balance', r => (r.kind === 'cancellation' ? r.account.balance : '')], ['refundRequested', r => (r.kind === 'cancellation' ? r.account.refundRequested : '')],
    ['leavingReason', r => (r.kind === 'cancellation' ? r.leavingReason : '')], ['numberReleasedAt', r => (r.kind === 'cancellation' ? r.numberReleasedAt : '')],
    ['identityMasked', r => r.identityMasked === true],
];

export const AUDIT_COLUMNS: Column<AuditEntry>[] = [
    ['id', e => e.id], ['at', e => e.at], ['actor', e => e.actor], ['action', e => e.action], ['requestKind', e => e.requestKind],
    ['requestId', e => e.requestId], ['fromStatus', e => e.fromStatus], ['toStatus', e => e.toStatus], ['reasons', e => e.reasons.join(' ')],
    ['note', e => e.note], ['assignee', e => e.assignee],
];

export const csvHeader = <T>(columns: readonly Column<T>[]) => csvLine(columns.map(([header]) => header));
export const csvRow = <T>(columns: readonly Column<T>[], row: T) => csvLine(columns.map(([, value]) => value(row)));
