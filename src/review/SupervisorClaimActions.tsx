import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetIdentity, useGetList, useNotify, useTranslate } from 'react-admin';
import type { ListedOperator, ReviewRequest } from '../domain/types';
import type { ReviewDataProvider } from '../providers/dataProvider';
import { DialogFailure } from './dialogs/DialogFailure';
import { useDialogKeys } from './keyboard/useDialogKeys';
import { useDialogSubmit } from './dialogs/useDialogSubmit';
import { useReviewActions } from './flow/useReviewActions';

/** A supervisor takes back or reassigns someone else's claim, with a note that the server audits. */
export function SupervisorClaimActions({ resource, record }: { resource: string; record: ReviewRequest }) {
    const translate = useTranslate();
    const notify = useNotify();
    const { identity } = useGetIdentity();
    const dataProvider = useDataProvider<ReviewDataProvider>();
    const actions = useReviewActions(resource);
    const { data: operators = [] } = useGetList<ListedOperator>('operators', { pagination: { page: 1, perPage: 100 } });
    const [dialog, setDialog] = useState<'release' | 'reassign' | null>(null);
    const [note, setNote] = useState('');
    const [to, setTo] = useState('');
    // The same sending guard as the decision dialogs: a double click sends one release or reassign.
    const { submit, sending, failure } = useDialogSubmit(async () => {
        if (dialog === 'release') await actions.release(record.id, note);
        else await actions.claimedBy(() => dataProvider.reassign(resource, { id: record.id, to, note }));
        notify(dialog === 'release' ? 'app.review.released' : 'app.supervision.reassigned', { type: 'success', messageArgs: { id: record.id } });
        setDialog(null);
        setNote('');
    });
    const confirmable = !!note.trim() && (dialog !== 'reassign' || !!to) && !sending;
    const confirm = () => {
        if (confirmable) void submit();
    };
    const onKeyDown = useDialogKeys({ confirm, cancel: () => setDialog(null) });
    const heldByOther = record.status === 'in_review' && record.assignee !== identity?.id;
    if (identity?.role !== 'supervisor' || !(heldByOther || record.status === 'pending')) return null;

    return (
        <Stack direction="row" spacing={1} data-testid="supervisor-claim-actions">
            {heldByOther && <Button size="small" variant="outlined" onClick={() => setDialog('release')} data-testid="take-back">{translate('app.supervision.release_other')}</Button>}
            <Button size="small" variant="outlined" onClick={() => setDialog('reassign')} data-testid="reassign">{translate('app.supervision.reassign')}</Button>
            {dialog && (
                <Dialog open onClose={() => setDialog(null)} onKeyDown={onKeyDown} fullWidth maxWidth="xs" aria-labelledby="supervision-title">
                    <DialogTitle id="supervision-title">{translate(dialog === 'release' ? 'app.supervision.release_title' : 'app.supervision.reassign_title', { id: record.id })}</DialogTitle>
                    <DialogContent>
                        <Stack spacing={2} sx={{ pt: 1 }}>
                            {dialog === 'reassign' && (
                                <TextField select label={translate('app.supervision.to')} value={to} onChange={e => setTo(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'reassign-to' } }}>
                                    {/* A disabled account cannot sign in to work what it is given. */}
                                    {operators.filter(op => op.id !== record.assignee && !op.disabled).map(op => <MenuItem key={op.id} value={op.id}>{op.name}</MenuItem>)}
                                </TextField>
                            )}
                            <TextField label={translate('app.supervision.note')} value={note} onChange={e => setNote(e.target.value)} required multiline minRows={2} slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'supervision-note' } }} />
                            <DialogFailure failure={failure} />
                        </Stack>
                    </DialogContent>
                    <DialogActions>
                        <Button onClick={() => setDialog(null)}>{translate('ra.action.cancel')}</Button>
                        <Button variant="contained" disabled={!confirmable} onClick={confirm} data-testid="confirm-supervision">
                            {translate(dialog === 'release' ? 'app.supervision.release_other' : 'app.supervision.reassign')}
                        </Button>
                    </DialogActions>
                </Dialog>
            )}
        </Stack>
    );
}
