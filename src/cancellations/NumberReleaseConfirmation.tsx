import { Alert, Stack, TextField } from '@mui/material';
import { useEffect, useRef } from 'react';
import { useTranslate } from 'react-admin';
import type { Cancellation } from '../domain/types';
import type { NumberReleaseGuard } from './useNumberReleaseGuard';
import { useIdr } from './useIdr';

/** The approve dialog's cancellation part: the four-eyes notice, or the irreversible warning and the typed digits. */
export function NumberReleaseConfirmation({ record, guard }: { record: Cancellation; guard: NumberReleaseGuard }) {
    const translate = useTranslate();
    const idr = useIdr();
    // autoFocus alone is lost when the lazily loaded dialog is revealed after rendering hidden: focus once shown.
    const digits = useRef<HTMLInputElement>(null);
    useEffect(() => digits.current?.focus(), []);
    if (guard.firstOfTwo) return <Alert severity="info" data-testid="four-eyes-notice">{translate('app.cancellation.four_eyes_notice', { amount: idr(record.account.balance) })}</Alert>;
    const mismatch = guard.complete && !guard.confirmable;
    return (
        <Stack spacing={2}>
            <Alert severity="warning" data-testid="irreversible">{translate('app.cancellation.irreversible', { mobile: record.mobileNumber })}</Alert>
            <TextField
                label={translate('app.cancellation.type_digits')}
                value={guard.digits}
                onChange={event => guard.type(event.target.value)}
                error={mismatch}
                helperText={mismatch ? translate('app.cancellation.digits_mismatch') : ' '}
                autoFocus
                inputRef={digits}
                slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', 'data-testid': 'release-digits' } }}
            />
        </Stack>
    );
}
