import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Cancellation } from '../domain/types';

export function RefundField(_props: { label?: string }) {
    const record = useRecordContext<Cancellation>();
    const translate = useTranslate();
    if (!record) return null;
    const { refundRequested, refundSettled } = record.account;
    const state = !refundRequested ? 'none' : refundSettled ? 'settled' : 'requested';
    return <Chip size="small" variant="outlined" color={state === 'requested' ? 'warning' : 'default'} label={translate(`resources.cancellations.refund.${state}`)} />;
}
