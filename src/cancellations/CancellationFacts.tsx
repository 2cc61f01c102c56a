import { List, ListItem, ListItemText, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import type { Cancellation } from '../domain/types';
import { CUSTOMER_TEXT_SX, CustomerTextBlock } from '../common/CustomerText';
import { useIdr } from './useIdr';

/** The account facts from the record: money in IDR, refund state, devices and unpaid items, as plain text. */
export function CancellationFacts({ record }: { record: Cancellation }) {
    const translate = useTranslate();
    const locale = useLocale();
    const idr = useIdr();
    const { account } = record;
    const date = (iso: string) => new Date(iso).toLocaleDateString(locale);
    const refund = !account.refundRequested ? 'refund_none' : account.refundSettled ? 'refund_settled' : 'refund_requested';
    const rows: [string, string][] = [
        ['holderName', record.holderName],
        ['mobileNumber', record.mobileNumber],
        ['accountId', account.accountId],
        ['email', record.email],
        ['balance', idr(account.balance)],
        ['refund', translate(`app.cancellation.${refund}`, { reference: account.refundReference ?? '' })],
        ['verificationStatus', translate(`app.cancellation.verification_${account.verificationStatus}`)],
        ['leavingReason', record.leavingReason],
    ];
    return (
        <>
            <Table size="small" data-testid="facts" sx={{ tableLayout: 'fixed' }}>
                <TableBody>
                    {rows.map(([field, value]) => (
                        <TableRow key={field}>
                            <TableCell component="th" scope="row" sx={{ color: 'text.secondary', width: '38%', border: 0, py: 0.5 }}>{translate(`app.cancellation.${field}`)}</TableCell>
                            <TableCell sx={{ border: 0, py: 0.5 }}><CustomerTextBlock field={field} value={value} /></TableCell>
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
            <Typography variant="subtitle2" sx={{ mt: 2 }}>{translate('app.cancellation.devices')}</Typography>
            <List dense disablePadding data-testid="devices" sx={{ '& .MuiListItemText-root': CUSTOMER_TEXT_SX, '& .MuiListItemText-primary, & .MuiListItemText-secondary': { maxHeight: '6em', overflowY: 'auto' } }}>
                {account.boundDevices.length === 0 && <ListItem disableGutters><ListItemText secondary={translate('app.cancellation.no_devices')} /></ListItem>}
                {account.boundDevices.map(device => (
                    <ListItem key={device.id} disableGutters>
                        <ListItemText primary={device.name} secondary={translate('app.cancellation.bound_since', { date: date(device.boundAt) })} />
                    </ListItem>
                ))}
            </List>
            <Typography variant="subtitle2" sx={{ mt: 1 }}>{translate('app.cancellation.open_items')}</Typography>
            <List dense disablePadding data-testid="open-items" sx={{ '& .MuiListItemText-root': CUSTOMER_TEXT_SX, '& .MuiListItemText-primary, & .MuiListItemText-secondary': { maxHeight: '6em', overflowY: 'auto' } }}>
                {account.openItems.length === 0 && <ListItem disableGutters><ListItemText secondary={translate('app.cancellation.no_open_items')} /></ListItem>}
                {account.openItems.map(item => (
                    <ListItem key={item.id} disableGutters secondaryAction={<Typography variant="body2">{idr(item.amount)}</Typography>}>
                        <ListItemText primary={`${translate(`app.cancellation.item_${item.type}`)} ${item.id}`} secondary={item.description} />
                    </ListItem>
                ))}
            </List>
        </>
    );
}
