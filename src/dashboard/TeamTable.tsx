import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import type { OperatorStats } from '../domain/types';
import { numberFormat } from '../common/formatters';

const percent = (rate: number | null, locale: string) => (rate === null ? '—' : numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate));
const minutes = (ms: number | null, locale: string) => (ms === null ? '—' : numberFormat(locale, { maximumFractionDigits: 1 }).format(ms / 60_000));

/** The team's figures for the range, one row per person: the numbers behind the charts. */
export function TeamTable({ team }: { team: OperatorStats[] }) {
    const translate = useTranslate();
    const locale = useLocale();
    const columns = ['decisions', 'approved', 'rejected', 'approvalRate', 'medianHandling', 'reviewed', 'disagreementRate'];
    return (
        // A narrow window scrolls the table inside its card (never cuts a column off); figures never wrap.
        <TableContainer sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="team-table" sx={{ '& td': { whiteSpace: 'nowrap' }, '& th': { wordBreak: 'keep-all' } }}>
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('app.dashboard.operator')}</TableCell>
                        {columns.map(column => <TableCell key={column} align="right">{translate(`app.dashboard.${column}`)}</TableCell>)}
                    </TableRow>
                </TableHead>
                <TableBody>
                    {team.map(row => (
                        <TableRow key={row.operatorId} data-operator={row.operatorId}>
                            <TableCell>{row.name}</TableCell>
                            <TableCell align="right" data-column="decisions">{row.decisions}</TableCell>
                            <TableCell align="right" data-column="approved">{row.approved}</TableCell>
                            <TableCell align="right" data-column="rejected">{row.rejected}</TableCell>
                            <TableCell align="right" data-column="approvalRate">{percent(row.approvalRate, locale)}</TableCell>
                            <TableCell align="right" data-column="medianHandling">{minutes(row.medianHandlingMs, locale)}</TableCell>
                            <TableCell align="right" data-column="reviewed">{row.reviewed}</TableCell>
                            <TableCell align="right" data-column="disagreementRate">{percent(row.disagreementRate, locale)}</TableCell>
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
        </TableContainer>
    );
}
