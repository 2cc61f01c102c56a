import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useGetList, useLocale, useTranslate } from 'react-admin';
import type { Reason, Stats } from '../domain/types';

/** Reasons most used in rejections over the range, as numbers. */
export function ReasonsTable({ reasons }: { reasons: Stats['reasons'] }) {
    const translate = useTranslate();
    const locale = useLocale();
    const { data: catalogue = [] } = useGetList<Reason>('reasons', { pagination: { page: 1, perPage: 100 } });
    const label = (id: string) => catalogue.find(r => r.id === id)?.label[locale === 'zh-CN' ? 'zh-CN' : 'en'] ?? id;
    return (
        <Table size="small" data-testid="reasons-table">
            <TableHead>
                <TableRow>
                    <TableCell>{translate('app.audit.reason')}</TableCell>
                    <TableCell>{translate('resources.audit.fields.requestKind')}</TableCell>
                    <TableCell align="right">{translate('app.dashboard.count')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {reasons.map(reason => (
                    <TableRow key={`${reason.kind}-${reason.id}`} data-reason={reason.id}>
                        <TableCell>{label(reason.id)}</TableCell>
                        <TableCell>{translate(`app.audit.kind.${reason.kind}`)}</TableCell>
                        <TableCell align="right">{reason.count}</TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
}
