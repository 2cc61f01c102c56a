import jsonExport from 'jsonexport/dist';
import { neutralizeFormula } from '../common/csvExport';
import type { AuditEntry, Operator } from '../domain/types';

// The CSV of exactly the filtered audit rows, with headers and values in the operator's language.

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export const AUDIT_COLUMNS = ['id', 'at', 'actor', 'action', 'requestKind', 'requestId', 'fromStatus', 'toStatus', 'reasons', 'note'] as const;

export function auditRows(entries: AuditEntry[], operators: Record<string, Pick<Operator, 'name'>>, translate: Translate) {
    const header = (column: string) => translate(`resources.audit.fields.${column}`);
    return entries.map(entry => ({
        [header('id')]: entry.id,
        [header('at')]: entry.at,
        [header('actor')]: entry.actor === 'system' ? translate('app.audit.system') : operators[entry.actor]?.name ?? entry.actor,
        [header('action')]: translate(`app.audit.action.${entry.action}`),
        [header('requestKind')]: translate(`app.audit.kind.${entry.requestKind}`),
        [header('requestId')]: entry.requestId,
        [header('fromStatus')]: translate(`app.status.${entry.fromStatus}`),
        [header('toStatus')]: translate(`app.status.${entry.toStatus}`),
        [header('reasons')]: entry.reasons.join(' '),
        // A note is free text: one starting like a formula (=, +, -, @) stays text in a spreadsheet.
        [header('note')]: neutralizeFormula(entry.note ?? ''),
    }));
}

export function auditCsv(entries: AuditEntry[], operators: Record<string, Pick<Operator, 'name'>>, translate: Translate): Promise<string> {
    return new Promise((resolve, reject) => {
        jsonExport(auditRows(entries, operators, translate), { headers: AUDIT_COLUMNS.map(column => translate(`resources.audit.fields.${column}`)) }, (error: Error | null, csv: string) => (error ? reject(error) : resolve(csv)));
    });
}
