import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { downloadCSV, useDataProvider, useListContext, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { PURPOSE_MAX } from '../contract/bodies';
import type { ReviewDataProvider } from '../providers/dataProvider';
import { DialogFailure } from '../review/dialogs/DialogFailure';
import { useDialogSubmit } from '../review/dialogs/useDialogSubmit';
import { useDialogKeys } from '../review/keyboard/useDialogKeys';

/** Downloads the server's CSV of the list as filtered (docs/api.md §6.13): the server masks it, audits it, and caps it. */
function useServerExport(resource: string) {
    const dataProvider = useDataProvider<ReviewDataProvider>();
    const { filterValues, sort } = useListContext();
    const notify = useNotify();
    return async (options: { full?: boolean; purpose?: string } = {}) => {
        const file = await dataProvider.exportCsv(resource, { filter: filterValues, sort, ...options });
        downloadCSV(file.text.replace(/^\ufeff/, ''), file.filename.replace(/\.csv$/, ''));
        notify('app.export.done', { type: 'info', messageArgs: { rows: file.rows } });
    };
}

function FullExportDialog({ resource, close, exportFull }: { resource: string; close: () => void; exportFull: (purpose: string) => Promise<void> }) {
    const translate = useTranslate();
    const [purpose, setPurpose] = useState('');
    const { submit, sending, failure } = useDialogSubmit(async () => {
        await exportFull(purpose.trim());
        close();
    });
    const confirmable = !!purpose.trim() && !sending;
    const confirm = () => {
        if (confirmable) void submit();
    };
    const onKeyDown = useDialogKeys({ confirm, cancel: close });
    return (
        <Dialog open onClose={close} onKeyDown={onKeyDown} fullWidth maxWidth="sm" aria-labelledby="full-export-title">
            <DialogTitle id="full-export-title">{translate('app.export.full_title', { resource: translate(`resources.${resource}.name`, { smart_count: 2 }) })}</DialogTitle>
            <DialogContent>
                <Stack spacing={2} sx={{ pt: 1 }}>
                    <DialogContentText>{translate('app.export.full_explained')}</DialogContentText>
                    <TextField label={translate('app.export.purpose')} value={purpose} onChange={e => setPurpose(e.target.value)} required multiline minRows={2} autoFocus slotProps={{ htmlInput: { maxLength: PURPOSE_MAX, 'data-testid': 'export-purpose' } }} />
                    <DialogFailure failure={failure} />
                </Stack>
            </DialogContent>
            <DialogActions>
                <Button onClick={close}>{translate('ra.action.cancel')}</Button>
                <Button variant="contained" disabled={!confirmable} onClick={confirm} data-testid="confirm-full-export">{translate('app.export.full')}</Button>
            </DialogActions>
        </Dialog>
    );
}

/** The export buttons of a list: masked for everyone; full data, with a purpose, for supervisors where `offerFull`. */
export function ServerExportButton({ resource, offerFull = false }: { resource: string; offerFull?: boolean }) {
    const translate = useTranslate();
    const notify = useNotify();
    const { identity } = useGetIdentity();
    const { total, isPending } = useListContext();
    const exportList = useServerExport(resource);
    const [busy, setBusy] = useState(false);
    const [dialog, setDialog] = useState(false);
    const masked = async () => {
        setBusy(true);
        try {
            await exportList();
        } catch (error) {
            notify((error as Error).message || 'app.errors.unexpected', { type: 'error' });
        } finally {
            setBusy(false);
        }
    };
    const disabled = busy || isPending || total === 0;
    return (
        <>
            <Button size="small" startIcon={<DownloadIcon />} onClick={() => void masked()} disabled={disabled} data-testid="export-masked">{translate('app.export.masked')}</Button>
            {offerFull && identity?.role === 'supervisor' && (
                <Button size="small" startIcon={<DownloadIcon />} onClick={() => setDialog(true)} disabled={disabled} data-testid="export-full">{translate('app.export.full')}</Button>
            )}
            {dialog && <FullExportDialog resource={resource} close={() => setDialog(false)} exportFull={purpose => exportList({ full: true, purpose })} />}
        </>
    );
}
