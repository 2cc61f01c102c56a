import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField, type Breakpoint } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { PURPOSE_MAX } from '../../contract/bodies';
import { useDialogKeys } from '../keyboard/useDialogKeys';
import { DialogFailure } from './DialogFailure';
import { useDialogSubmit } from './useDialogSubmit';

export interface PurposeDialogProps {
    /** The title's element id (it names the dialog), and the test ids of the purpose field and the confirm button. */
    ids: { title: string; purpose: string; confirm: string };
    title: string;
    explained: string;
    purposeLabel: string;
    confirmLabel: string;
    maxWidth: Breakpoint;
    /** Sends the request with the purpose as typed; the dialog closes only when it succeeded (a failure shows in it). */
    onConfirm(purpose: string): Promise<void>;
    onClose(): void;
}

/** A request the server grants and audits with a stated purpose (a reveal, a full export): one required text, the dialog keyboard rule. */
export function PurposeDialog({ ids, title, explained, purposeLabel, confirmLabel, maxWidth, onConfirm, onClose }: PurposeDialogProps) {
    const translate = useTranslate();
    const [purpose, setPurpose] = useState('');
    const { submit, sending, failure } = useDialogSubmit(async () => {
        await onConfirm(purpose);
        onClose();
    });
    const confirmable = !!purpose.trim() && !sending;
    const confirm = () => {
        if (confirmable) void submit();
    };
    const onKeyDown = useDialogKeys({ confirm, cancel: onClose });
    return (
        <Dialog open onClose={onClose} onKeyDown={onKeyDown} fullWidth maxWidth={maxWidth} aria-labelledby={ids.title}>
            <DialogTitle id={ids.title}>{title}</DialogTitle>
            <DialogContent>
                <Stack spacing={2} sx={{ pt: 1 }}>
                    <DialogContentText>{explained}</DialogContentText>
                    <TextField label={purposeLabel} value={purpose} onChange={e => setPurpose(e.target.value)} required multiline minRows={2} autoFocus slotProps={{ htmlInput: { maxLength: PURPOSE_MAX, 'data-testid': ids.purpose } }} />
                    <DialogFailure failure={failure} />
                </Stack>
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
                <Button variant="contained" disabled={!confirmable} onClick={confirm} data-testid={ids.confirm}>{confirmLabel}</Button>
            </DialogActions>
        </Dialog>
    );
}
