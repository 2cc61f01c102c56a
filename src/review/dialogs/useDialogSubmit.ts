import { useRef, useState } from 'react';
import type { Failure } from '../flow/failure';

/**
 * Sends a dialog's action once at a time: a second Enter or click while the first is on its way sends nothing (the
 * guard is a ref, not state, so that two keys in one frame see it too). A failure stays shown until the next try.
 */
export function useDialogSubmit(onConfirm: () => Promise<void>) {
    const [failure, setFailure] = useState<Failure | null>(null);
    const [sending, setSending] = useState(false);
    const inFlight = useRef(false);
    const submit = async () => {
        if (inFlight.current) return;
        inFlight.current = true;
        setSending(true);
        setFailure(null);
        try {
            await onConfirm();
        } catch (error) {
            setFailure(error as Failure);
        } finally {
            inFlight.current = false;
            setSending(false);
        }
    };
    return { submit, sending, failure };
}
