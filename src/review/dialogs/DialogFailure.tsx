import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Failure } from '../flow/failure';

/** What went wrong with the last attempt, inside the dialog that keeps the operator's text. */
export function DialogFailure({ failure, canDecide = true }: { failure: Failure | null; canDecide?: boolean }) {
    const translate = useTranslate();
    // No failure to show, but the request is no longer the operator's to decide (it changed hands, or was decided).
    if (!failure && !canDecide) return <Alert severity="info" data-testid="dialog-failure">{translate('app.review.not_decidable_now')}</Alert>;
    if (!failure) return null;
    const text = failure.kind === 'conflict' || failure.kind === 'unauthenticated'
        ? translate(failure.messageKey, failure.messageArgs)
        : translate('app.review.failed_kept', { error: translate(failure.messageKey, failure.messageArgs) });
    return <Alert severity={failure.kind === 'conflict' ? 'warning' : 'error'} role="alert" data-testid="dialog-failure">{text}</Alert>;
}
