import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { RequestStatus, ReviewRequest } from '../domain/types';

const COLOR: Record<RequestStatus, 'default' | 'info' | 'warning' | 'success' | 'error'> = {
    pending: 'default',
    in_review: 'info',
    awaiting_second_approval: 'warning',
    approved: 'success',
    rejected: 'error',
};

export function StatusChip(_props: { label?: string }) {
    const record = useRecordContext<ReviewRequest>();
    const translate = useTranslate();
    if (!record) return null;
    return <Chip size="small" color={COLOR[record.status]} label={translate(`app.status.${record.status}`)} data-status={record.status} />;
}

export const statusChoices = (Object.keys(COLOR) as RequestStatus[]).map(id => ({ id, name: `app.status.${id}` }));
