import { useState } from 'react';
import type { Failure } from './failure';

/** Sends a dialog's decision once at a time; a failure stays shown (and the dialog open) until the next try. */
export function useDialogSubmit(onConfirm: () => Promise<void>) {
    const [failure, setFailure] = useState<Failure | null>(null);
    const [sending, setSending] = useState(false);
    const submit = async () => {
        if (sending) return;
        setSending(true);
        setFailure(null);
        try {
            await onConfirm();
        } catch (error) {
            setFailure(error as Failure);
        } finally {
            setSending(false);
        }
    };
    return { submit, sending, failure };
}
