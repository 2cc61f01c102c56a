import { Alert, Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetIdentity, useGetList, useLocale, useRefresh, useTranslate } from 'react-admin';
import type { QualityReview, QualityVerdict, Reason } from '../domain/types';
import type { ReviewDataProvider } from '../providers/dataProvider';

/** Agree or disagree with the hidden decision; only then is the original outcome shown. */
export function VerdictPanel({ review }: { review: QualityReview }) {
    const translate = useTranslate();
    const locale = useLocale();
    const refresh = useRefresh();
    const { identity } = useGetIdentity();
    const dataProvider = useDataProvider<ReviewDataProvider>();
    const { data: reasons = [] } = useGetList<Reason>('reasons', { pagination: { page: 1, perPage: 100 } });
    const [note, setNote] = useState('');
    const [error, setError] = useState<string | null>(null);
    const [sending, setSending] = useState(false);

    const give = async (verdict: QualityVerdict) => {
        setSending(true);
        setError(null);
        try {
            await dataProvider.giveQualityVerdict({ id: review.id, verdict, note });
            refresh();
        } catch (failure) {
            setError((failure as Error).message);
        } finally {
            setSending(false);
        }
    };

    if (review.verdict) {
        const label = (id: string) => reasons.find(r => r.id === id)?.label[locale === 'zh-CN' ? 'zh-CN' : 'en'] ?? id;
        return (
            <Stack spacing={1} data-testid="verdict-given">
                <Alert severity={review.verdict === 'agree' ? 'success' : 'warning'}>
                    {translate(`app.quality.verdict_${review.verdict}`)}{review.note ? ` — ${review.note}` : ''}
                </Alert>
                <Alert severity="info" data-testid="revealed-outcome">
                    {translate('app.quality.original')}: {review.outcome && translate(`app.status.${review.outcome}`)}
                    {review.reasons && review.reasons.length > 0 && ` (${review.reasons.map(label).join('；')})`}
                </Alert>
            </Stack>
        );
    }
    // Four eyes: one's own decision is re-reviewed by someone else (the server refuses it too).
    if (identity && review.operatorId === identity.id) {
        return <Alert severity="info" data-testid="verdict-panel">{translate('app.quality.own_decision')}</Alert>;
    }
    return (
        <Stack spacing={1} data-testid="verdict-panel">
            <Alert severity="info">{translate('app.quality.blind')}</Alert>
            <TextField label={translate('app.quality.note')} value={note} onChange={e => setNote(e.target.value)} multiline minRows={2} slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'verdict-note' } }} />
            {error && <Alert severity="error">{translate(error)}</Alert>}
            <Stack direction="row" spacing={1}>
                <Button variant="contained" color="success" disabled={sending} onClick={() => void give('agree')} data-testid="agree">{translate('app.quality.agree')}</Button>
                <Button variant="contained" color="warning" disabled={sending || !note.trim()} onClick={() => void give('disagree')} data-testid="disagree">{translate('app.quality.disagree')}</Button>
            </Stack>
        </Stack>
    );
}
