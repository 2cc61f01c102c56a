import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, AlertTitle, Button } from '@mui/material';
import type { ReactNode } from 'react';
import { useListContext, useShowContext, useTranslate } from 'react-admin';

// A failed load shown in the page itself (the notification goes away; this stays), translated, with a way to try again.

/** The translated message of a failed call: its app.errors.* key, or the generic one for anything else. */
export function useErrorMessage() {
    const translate = useTranslate();
    return (error: unknown) => {
        const key = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
        return key.startsWith('app.errors.') ? translate(key, { _: translate('app.errors.unexpected') }) : translate('app.errors.unexpected');
    };
}

/** `detailKey` replaces the message derived from `error`. */
export function ErrorState({ titleKey, error, detailKey, onRetry, children }: { titleKey: string; error?: unknown; detailKey?: string; onRetry?: () => void; children?: ReactNode }) {
    const translate = useTranslate();
    const message = useErrorMessage();
    return (
        <Alert
            severity="error"
            data-testid="error-state"
            sx={{ m: 2 }}
            action={onRetry && (
                <Button color="inherit" size="small" startIcon={<RefreshIcon />} onClick={onRetry} data-testid="error-retry">
                    {translate('app.error_state.retry')}
                </Button>
            )}
        >
            <AlertTitle>{translate(titleKey)}</AlertTitle>
            {detailKey ? translate(detailKey) : message(error)}
            {children}
        </Alert>
    );
}

/** For `<List error>`: the list's own error, and a retry that refetches it. */
export function ListErrorState() {
    const { error, refetch } = useListContext();
    return <ErrorState titleKey="app.error_state.list" error={error} onRetry={() => void refetch()} />;
}

/** For `<ShowBase error>`: the record's own error, and a retry that refetches it. */
export function RecordErrorState() {
    const { error, refetch } = useShowContext();
    return <ErrorState titleKey="app.error_state.record" error={error} onRetry={() => void refetch()} />;
}
