import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetIdentity, useTranslate } from 'react-admin';
import { PURPOSE_MAX } from '../contract/bodies';
import { mayReveal } from '../domain/identityMasking';
import type { ReviewRequest, Role } from '../domain/types';
import type { ReviewDataProvider } from '../providers/dataProvider';
import { DialogFailure } from './dialogs/DialogFailure';
import { useDialogSubmit } from './dialogs/useDialogSubmit';
import { useReviewActions } from './flow/useReviewActions';
import { useDialogKeys } from './keyboard/useDialogKeys';

/** "Show identity data": asks the server with a purpose (it grants it for a while, and audits it); offered to whom it may grant it. */
export function RevealIdentityButton({ resource, record }: { resource: string; record: ReviewRequest }) {
    const translate = useTranslate();
    const { identity } = useGetIdentity();
    const dataProvider = useDataProvider<ReviewDataProvider>();
    const actions = useReviewActions(resource);
    const [open, setOpen] = useState(false);
    const [purpose, setPurpose] = useState('');
    const { submit, sending, failure } = useDialogSubmit(async () => {
        await actions.claimedBy(() => dataProvider.reveal(resource, { id: record.id, purpose }));
        setOpen(false);
        setPurpose('');
    });
    const confirmable = !!purpose.trim() && !sending;
    const confirm = () => {
        if (confirmable) void submit();
    };
    const onKeyDown = useDialogKeys({ confirm, cancel: () => setOpen(false) });
    if (!identity || !mayReveal(record, { id: String(identity.id), role: identity.role as Role })) return null;

    return (
        <>
            <Button size="small" color="inherit" onClick={() => setOpen(true)} data-testid="reveal-identity">{translate('app.identity.reveal')}</Button>
            {open && (
                <Dialog open onClose={() => setOpen(false)} onKeyDown={onKeyDown} fullWidth maxWidth="xs" aria-labelledby="reveal-title">
                    <DialogTitle id="reveal-title">{translate('app.identity.reveal_title', { id: record.id })}</DialogTitle>
                    <DialogContent>
                        <Stack spacing={2} sx={{ pt: 1 }}>
                            <DialogContentText>{translate('app.identity.reveal_explained')}</DialogContentText>
                            <TextField label={translate('app.identity.purpose')} value={purpose} onChange={e => setPurpose(e.target.value)} required multiline minRows={2} autoFocus slotProps={{ htmlInput: { maxLength: PURPOSE_MAX, 'data-testid': 'reveal-purpose' } }} />
                            <DialogFailure failure={failure} />
                        </Stack>
                    </DialogContent>
                    <DialogActions>
                        <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
                        <Button variant="contained" disabled={!confirmable} onClick={confirm} data-testid="confirm-reveal">{translate('app.identity.reveal')}</Button>
                    </DialogActions>
                </Dialog>
            )}
        </>
    );
}
