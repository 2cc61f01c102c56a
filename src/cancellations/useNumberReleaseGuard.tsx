import { Alert, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { Cancellation } from '../domain/types';
import { useIdr } from './useIdr';

/** Approval releases the number for good: the operator types its last four digits, having read that it cannot be undone. */
export function useNumberReleaseGuard(record: Cancellation, { firstOfTwo }: { firstOfTwo: boolean }) {
    const translate = useTranslate();
    const idr = useIdr();
    const [digits, setDigits] = useState('');
    const expected = record.mobileNumber.replace(/\D/g, '').slice(-4);
    const complete = digits.length === 4;
    const matches = digits === expected;
    // The first of two approvals releases nothing yet: the digits are asked of whoever gives the releasing approval.
    if (firstOfTwo) {
        const notice = <Alert severity="info" data-testid="four-eyes-notice">{translate('app.cancellation.four_eyes_notice', { amount: idr(record.account.balance) })}</Alert>;
        return { content: notice, confirmable: true, reset: () => setDigits('') };
    }
    const content = (
        <Stack spacing={2}>
            <Alert severity="warning" data-testid="irreversible">{translate('app.cancellation.irreversible', { mobile: record.mobileNumber })}</Alert>
            <TextField
                label={translate('app.cancellation.type_digits')}
                value={digits}
                onChange={event => setDigits(event.target.value.replace(/\D/g, '').slice(0, 4))}
                error={complete && !matches}
                helperText={complete && !matches ? translate('app.cancellation.digits_mismatch') : ' '}
                autoFocus
                slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', 'data-testid': 'release-digits' } }}
            />
        </Stack>
    );
    return { content, confirmable: matches, reset: () => setDigits('') };
}
