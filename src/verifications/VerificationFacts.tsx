import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import type { Verification } from '../domain/types';
import { CustomerTextBlock } from '../common/CustomerText';
import { dateTimeFormat } from '../common/formatters';

/** What the customer typed and what the card says, as plain text (never markup). */
export function VerificationFacts({ record }: { record: Verification }) {
    const translate = useTranslate();
    const locale = useLocale();
    const date = (iso: string) => dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    const validity = record.card.validUntil === 'long_term' ? translate('app.fields.long_term') : record.card.validUntil;
    const rows: [string, string | null][] = [
        ['fullName', record.fullName],
        ['cardName', record.card.name],
        ['idNumber', record.idNumber],
        ['cardNumber', record.card.idNumber],
        ['cardValidity', record.card.validFrom ? `${record.card.validFrom} – ${validity ?? '?'}` : validity],
        ['sex', record.sex && translate(`app.fields.${record.sex}`)],
        ['mobileNumber', record.mobileNumber],
        ['contactPhone', record.contactPhone],
        ['email', record.email],
        ['address', record.address],
        ['customerLanguage', translate(`app.language.${record.customerLanguage}`)],
        ['submittedAt', date(record.submittedAt)],
        ['dueAt', date(record.dueAt)],
        ['attempt', String(record.attempt)],
    ];
    return (
        <Table size="small" data-testid="facts" sx={{ tableLayout: 'fixed' }}>
            <TableBody>
                {rows.map(([field, value]) => (
                    <TableRow key={field}>
                        <TableCell component="th" scope="row" sx={{ color: 'text.secondary', width: '38%', border: 0, py: 0.5 }}>{translate(`app.fields.${field}`)}</TableCell>
                        <TableCell sx={{ border: 0, py: 0.5 }}><CustomerTextBlock field={field} value={value ?? '—'} /></TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
}
