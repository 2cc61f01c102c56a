import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useGetList, useLocale, useTranslate } from 'react-admin';
import type { AuditEntry, Operator } from '../domain/types';
import { CustomerTextBlock } from '../common/CustomerText';

/** Access entries: when, who, what (viewed, revealed, exported), which request or export, and why (a reveal's or full export's purpose). */
export function AccessTable({ entries, label }: { entries: AuditEntry[]; label: string }) {
    const translate = useTranslate();
    const locale = useLocale();
    const { data: operators = [] } = useGetList<Operator>('operators', { pagination: { page: 1, perPage: 100 } });
    const nameOf = (id: string) => operators.find(op => op.id === id)?.name ?? id;
    if (entries.length === 0) return <Typography color="text.secondary" data-testid="access-none">{translate('app.access.none')}</Typography>;
    return (
        <Table size="small" aria-label={label} data-testid="access-table">
            <TableHead>
                <TableRow>
                    {['when', 'who', 'what', 'request', 'why'].map(column => <TableCell key={column}>{translate(`app.access.${column}`)}</TableCell>)}
                </TableRow>
            </TableHead>
            <TableBody>
                {entries.map(entry => (
                    <TableRow key={entry.id}>
                        <TableCell>{new Date(entry.at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}</TableCell>
                        <TableCell>{nameOf(entry.actor)}</TableCell>
                        <TableCell>{translate(`app.audit.action.${entry.action}`)}</TableCell>
                        <TableCell>{entry.export
                            ? translate('app.export.entry', { resource: translate(`resources.${entry.export.resource}.name`, { smart_count: 2 }), rows: entry.export.rows, masked: translate(entry.export.full ? 'app.export.entry_full' : 'app.export.entry_masked') })
                            : <Link to={`/${entry.requestKind}s/${encodeURIComponent(entry.requestId)}/show`}>{entry.requestId}</Link>}</TableCell>
                        <TableCell><CustomerTextBlock value={entry.note ?? '—'} maxHeight="4em" /></TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
}
