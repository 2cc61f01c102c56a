import { ThemeProvider, type Theme } from '@mui/material';
import { useCallback, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/**
 * Every spinner and progress bar below it is named for screen readers ("Loading", translated): react-admin renders
 * them without a name (its app bar spinner, a reference field loading, the login button).
 */
export function ProgressNames({ children }: { children: ReactNode }) {
    const label = useTranslate()('ra.page.loading');
    const named = useCallback((outer: Theme): Theme => ({
        ...outer,
        components: {
            ...outer.components,
            MuiCircularProgress: { ...outer.components?.MuiCircularProgress, defaultProps: { ...outer.components?.MuiCircularProgress?.defaultProps, 'aria-label': label } },
            MuiLinearProgress: { ...outer.components?.MuiLinearProgress, defaultProps: { ...outer.components?.MuiLinearProgress?.defaultProps, 'aria-label': label } },
        },
    }), [label]);
    return <ThemeProvider theme={named}>{children}</ThemeProvider>;
}
