import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { composeCustomerMessage, isFinalRejection } from '../../domain/reasonCatalogue';
import type { CustomerLanguage, Reason, RequestKind } from '../../domain/types';
import type { DecisionDraft } from '../flow/decisionDraft';
import { DialogFailure } from './DialogFailure';
import { useDialogKeys } from '../keyboard/useDialogKeys';
import { useDialogSubmit } from './useDialogSubmit';
import { ReasonPicker } from './ReasonPicker';
import { ErrorState } from '../../common/errors/ErrorState';

type RejectDraft = Pick<DecisionDraft, 'reasons' | 'note' | 'customerMessage' | 'messageEdited'>;

export interface RejectDialogProps {
    requestId: string;
    kind: RequestKind;
    customerName: string;
    customerLanguage: CustomerLanguage;
    draft: RejectDraft;
    onDraftChange(draft: RejectDraft): void;
    onConfirm(): Promise<void>;
    onClose(): void;
    canDecide: boolean;
}

/** Reject with reasons from the catalogue (number keys pick them), the customer message and an internal note. */
export function RejectDialog({ requestId, kind, customerName, customerLanguage, draft, onDraftChange, onConfirm, onClose, canDecide }: RejectDialogProps) {
    const translate = useTranslate();
    const { data: reasons = [], isPending: cataloguePending, error: catalogueError, refetch: refetchCatalogue } = useGetList<Reason>('reasons', { filter: { kind }, sort: { field: 'order', order: 'ASC' }, pagination: { page: 1, perPage: 50 } });
    const { submit, sending, failure } = useDialogSubmit(onConfirm);
    const [triedEmpty, setTriedEmpty] = useState(false);

    const composed = (ids: string[]) => (ids.length === 0 ? '' : composeCustomerMessage(ids, customerLanguage, customerName));
    const toggle = (id: string) => {
        const ids = draft.reasons.includes(id) ? draft.reasons.filter(r => r !== id) : [...draft.reasons, id];
        // Keep the catalogue's order, whatever order they were picked in.
        const ordered = reasons.map(r => r.id).filter(r => ids.includes(r));
        onDraftChange({ ...draft, reasons: ordered, customerMessage: draft.messageEdited ? draft.customerMessage : composed(ordered) });
    };
    useEffect(() => {
        if (draft.reasons.length > 0) setTriedEmpty(false);
    }, [draft.reasons.length]);

    const confirm = async () => {
        if (draft.reasons.length === 0) return setTriedEmpty(true);
        if (canDecide) await submit();
    };
    // Digits typed ahead wait for the catalogue: they pick its reasons.
    const onKeyDown = useDialogKeys({
        confirm: () => void confirm(),
        cancel: onClose,
        pick: digit => {
            const reason = reasons[digit - 1];
            if (reason) toggle(reason.id);
            return !!reason;
        },
    }, !cataloguePending);

    const languageName = translate(`app.language.${customerLanguage}`);
    return (
        <Dialog open onClose={onClose} onKeyDown={onKeyDown} fullWidth maxWidth="md" aria-labelledby="reject-title">
            <DialogTitle id="reject-title">{translate('app.review.reject_title', { id: requestId })}</DialogTitle>
            <DialogContent>
                <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ pt: 1 }}>
                    <Stack sx={{ flex: 1 }} spacing={1}>
                        <ReasonPicker reasons={reasons} selected={draft.reasons} onToggle={toggle} />
                        {catalogueError && <ErrorState titleKey="app.error_state.catalogue" error={catalogueError} onRetry={() => void refetchCatalogue()} />}
                        {triedEmpty && <Alert severity="error" role="alert">{translate('app.review.reasons_required')}</Alert>}
                        {draft.reasons.length > 0 && (
                            <Alert severity={isFinalRejection(draft.reasons) ? 'error' : 'info'} data-testid="retry-or-final">
                                {translate(isFinalRejection(draft.reasons) ? 'app.review.final' : 'app.review.retry_allowed')}
                            </Alert>
                        )}
                    </Stack>
                    <Stack sx={{ flex: 1.2 }} spacing={2}>
                        <TextField
                            label={translate('app.review.customer_message', { language: languageName })}
                            value={draft.customerMessage}
                            onChange={e => onDraftChange({ ...draft, customerMessage: e.target.value, messageEdited: true })}
                            multiline minRows={6} fullWidth
                            slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'customer-message' } }}
                        />
                        {draft.messageEdited && (
                            <Button size="small" sx={{ alignSelf: 'flex-start' }} onClick={() => onDraftChange({ ...draft, messageEdited: false, customerMessage: composed(draft.reasons) })}>
                                {translate('app.review.regenerate')}
                            </Button>
                        )}
                        <TextField
                            label={translate('app.review.internal_note')}
                            value={draft.note}
                            onChange={e => onDraftChange({ ...draft, note: e.target.value })}
                            multiline minRows={2} fullWidth
                            slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'internal-note' } }}
                        />
                    </Stack>
                </Stack>
                <Stack spacing={1} sx={{ mt: 2 }}>
                    <DialogFailure failure={failure} canDecide={canDecide} />
                    <Typography variant="caption" color="text.secondary">{translate('app.review.confirm_hint')}</Typography>
                </Stack>
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
                <Button variant="contained" color="error" onClick={() => void confirm()} disabled={!canDecide || sending} data-testid="confirm-reject">
                    {translate('app.review.confirm_reject')}
                </Button>
            </DialogActions>
        </Dialog>
    );
}
