import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DialogFailure } from './DialogFailure';
import { useDialogKeys } from '../keyboard/useDialogKeys';
import { useDialogSubmit } from './useDialogSubmit';

export interface ApproveDialogProps {
    requestId: string;
    note: string;
    onNoteChange(note: string): void;
    onConfirm(): Promise<void>;
    onClose(): void;
    canDecide: boolean;
    /** Extra content between the title and the note, e.g. a cancellation's irreversible-release warning. */
    children?: React.ReactNode;
    /** False while the kind-specific confirmation (typed digits) is incomplete. */
    confirmable?: boolean;
}

/** Approve with an optional internal note; the dialog keyboard rule (useDialogKeys): Enter, or Ctrl/Cmd+Enter in the note, confirms. */
export function ApproveDialog({ requestId, note, onNoteChange, onConfirm, onClose, canDecide, children, confirmable = true }: ApproveDialogProps) {
    const translate = useTranslate();
    const { submit, sending, failure } = useDialogSubmit(onConfirm);
    const enabled = canDecide && confirmable && !sending;
    const confirm = async () => {
        if (enabled) await submit();
    };
    const onKeyDown = useDialogKeys({ confirm: () => void confirm(), cancel: onClose });

    return (
        <Dialog open onClose={onClose} onKeyDown={onKeyDown} fullWidth maxWidth="sm" aria-labelledby="approve-title">
            <DialogTitle id="approve-title">{translate('app.review.approve_title', { id: requestId })}</DialogTitle>
            <DialogContent>
                <Stack spacing={2} sx={{ pt: 1 }}>
                    {children}
                    <TextField label={translate('app.review.internal_note')} value={note} onChange={e => onNoteChange(e.target.value)} multiline minRows={2} fullWidth slotProps={{ htmlInput: { maxLength: 2000 } }} />
                    <DialogFailure failure={failure} canDecide={canDecide} />
                    <Typography variant="caption" color="text.secondary">{translate('app.review.approve_hint')}</Typography>
                </Stack>
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
                <Button variant="contained" color="success" onClick={() => void confirm()} disabled={!enabled} autoFocus={confirmable} data-testid="confirm-approve">
                    {translate('app.review.confirm_approve')}
                </Button>
            </DialogActions>
        </Dialog>
    );
}
