import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DialogFailure } from '../review/dialogs/DialogFailure';
import { useDialogKeys } from '../review/keyboard/useDialogKeys';
import { useDialogSubmit } from '../review/dialogs/useDialogSubmit';
import type { Cancellation } from '../domain/types';

/** Sends an approved-once cancellation back to the queue; the reason is required and audited. */
export function SendBackDialog({ record, note, onNoteChange, onConfirm, onClose }: { record: Cancellation; note: string; onNoteChange(note: string): void; onConfirm(): Promise<void>; onClose(): void }) {
    const translate = useTranslate();
    const { submit, sending, failure } = useDialogSubmit(onConfirm);
    const confirm = () => {
        if (note.trim()) void submit();
    };
    const onKeyDown = useDialogKeys({ confirm, cancel: onClose });
    return (
        <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="send-back-title" onKeyDown={onKeyDown}>
            <DialogTitle id="send-back-title">{translate('app.cancellation.send_back_title', { id: record.id })}</DialogTitle>
            <DialogContent>
                <Stack spacing={2} sx={{ pt: 1 }}>
                    <TextField label={translate('app.cancellation.send_back_note')} value={note} onChange={e => onNoteChange(e.target.value)} multiline minRows={3} required autoFocus slotProps={{ htmlInput: { maxLength: 2000 } }} />
                    <DialogFailure failure={failure} />
                </Stack>
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
                <Button variant="contained" disabled={!note.trim() || sending} onClick={confirm} data-testid="confirm-send-back">{translate('app.cancellation.send_back')}</Button>
            </DialogActions>
        </Dialog>
    );
}
