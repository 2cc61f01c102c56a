import RestartAltIcon from '@mui/icons-material/RestartAlt';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { useState } from 'react';
import { Confirm, useDataProvider, useNotify, useRefresh, useTranslate, useUserMenu } from 'react-admin';
import type { ReviewDataProvider } from '../providers/dataProvider';

/** Demo mode only: discards this browser's decisions and seeds the queues afresh. */
export function ResetDemoDataMenuItem() {
    const [open, setOpen] = useState(false);
    const dataProvider = useDataProvider<ReviewDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const userMenu = useUserMenu();

    const reset = async () => {
        setOpen(false);
        userMenu?.onClose();
        try {
            await dataProvider.resetDemoData();
            notify('app.demo.reset_done', { type: 'success' });
            refresh();
        } catch (error) {
            notify((error as Error).message, { type: 'error' });
        }
    };

    return (
        <>
            <MenuItem onClick={() => setOpen(true)}>
                <ListItemIcon><RestartAltIcon fontSize="small" /></ListItemIcon>
                <ListItemText>{translate('app.demo.reset')}</ListItemText>
            </MenuItem>
            <Confirm
                isOpen={open}
                title="app.demo.reset_confirm_title"
                content="app.demo.reset_confirm_content"
                onConfirm={reset}
                onClose={() => setOpen(false)}
            />
        </>
    );
}
