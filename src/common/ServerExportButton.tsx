import DownloadIcon from '@mui/icons-material/GetApp';
import { Button } from '@mui/material';
import { useState } from 'react';
import { downloadCSV, useDataProvider, useListContext, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import type { ReviewDataProvider } from '../providers/dataProvider';
import { PurposeDialog } from '../review/dialogs/PurposeDialog';

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
            {dialog && (
                <PurposeDialog
                    ids={{ title: 'full-export-title', purpose: 'export-purpose', confirm: 'confirm-full-export' }}
                    title={translate('app.export.full_title', { resource: translate(`resources.${resource}.name`, { smart_count: 2 }) })}
                    explained={translate('app.export.full_explained')}
                    purposeLabel={translate('app.export.purpose')}
                    confirmLabel={translate('app.export.full')}
                    maxWidth="sm"
                    onConfirm={purpose => exportList({ full: true, purpose: purpose.trim() })}
                    onClose={() => setDialog(false)}
                />
            )}
        </>
    );
}
