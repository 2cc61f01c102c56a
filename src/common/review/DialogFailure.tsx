import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Failure } from './failure';

/** What went wrong with the last attempt, inside the dialog that keeps the operator's text. */
export function DialogFailure({ failure }: { failure: Failure | null }) {
    const translate = useTranslate();
    if (!failure) return null;
    const text = failure.kind === 'conflict' || failure.kind === 'unauthenticated'
        ? translate(failure.messageKey, failure.messageArgs)
        : translate('app.review.failed_kept', { error: translate(failure.messageKey, failure.messageArgs) });
    return <Alert severity={failure.kind === 'conflict' ? 'warning' : 'error'} role="alert" data-testid="dialog-failure">{text}</Alert>;
}
