import { Alert } from '@mui/material';
import { ReferenceField, TextField, useGetIdentity, useLocale, useTranslate } from 'react-admin';
import type { ReviewRequest } from '../domain/types';
import { dateTimeFormat } from '../common/formatters';

/** Who holds the request, or who decided it and when. */
export function ClaimStatus({ record, heldByMe }: { record: ReviewRequest; heldByMe: boolean }) {
    const translate = useTranslate();
    const locale = useLocale();
    const { identity } = useGetIdentity();
    const time = (iso: string | null) => (iso ? dateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)) : '');

    if (record.decidedAt && record.decision) {
        const who = record.decidedBy === identity?.id ? translate('app.assignee.me') : <ReferenceField source="decidedBy" reference="operators" link={false}><TextField source="name" /></ReferenceField>;
        return (
            <Alert severity={record.decision.outcome === 'approved' ? 'success' : 'error'} data-testid="claim-status">
                {translate(`app.status.${record.status}`)} · {who} · {time(record.decidedAt)}
            </Alert>
        );
    }
    if (heldByMe) return <Alert severity="info" data-testid="claim-status">{translate('app.review.claimed_by_me', { time: time(record.claimExpiresAt) })}</Alert>;
    if (record.status === 'in_review') {
        return (
            <Alert severity="warning" data-testid="claim-status">
                <ReferenceField source="assignee" reference="operators" link={false} render={({ referenceRecord }) => translate('app.review.claimed_by_other', { holder: referenceRecord?.name ?? record.assignee })} />
            </Alert>
        );
    }
    return <Alert severity="info" variant="outlined" data-testid="claim-status">{translate('app.review.not_claimed')}</Alert>;
}
