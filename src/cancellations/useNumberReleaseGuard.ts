import { useState } from 'react';
import type { Cancellation } from '../domain/types';

/**
 * Approval releases the number for good: the operator types its last four digits first. The first of two approvals
 * releases nothing yet, so nothing is asked then (NumberReleaseConfirmation shows what is).
 */
export function useNumberReleaseGuard(record: Cancellation, { firstOfTwo }: { firstOfTwo: boolean }) {
    const [digits, setDigits] = useState('');
    const expected = record.mobileNumber.replace(/\D/g, '').slice(-4);
    return {
        firstOfTwo,
        digits,
        type: (text: string) => setDigits(text.replace(/\D/g, '').slice(0, 4)),
        complete: digits.length === 4,
        confirmable: firstOfTwo || digits === expected,
        reset: () => setDigits(''),
    };
}

export type NumberReleaseGuard = ReturnType<typeof useNumberReleaseGuard>;
