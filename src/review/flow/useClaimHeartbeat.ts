import { useEffect, useRef } from 'react';

const HEARTBEAT_MS = 60_000;
const ACTIVE_WINDOW_MS = 5 * 60_000;

/** Keeps my claim alive while I am working on the screen; an idle claim is left to lapse on the server. */
export function useClaimHeartbeat(heldByMe: boolean, onHeartbeat: () => void) {
    const lastActivity = useRef(Date.now());
    // The latest callback, so that re-renders do not restart the interval (it would then never fire).
    const beat = useRef(onHeartbeat);
    beat.current = onHeartbeat;
    useEffect(() => {
        if (!heldByMe) return;
        const touch = () => { lastActivity.current = Date.now(); };
        const events = ['keydown', 'pointerdown', 'wheel'] as const;
        events.forEach(event => window.addEventListener(event, touch, { passive: true }));
        const timer = setInterval(() => {
            if (Date.now() - lastActivity.current < ACTIVE_WINDOW_MS) beat.current();
        }, HEARTBEAT_MS);
        return () => {
            clearInterval(timer);
            events.forEach(event => window.removeEventListener(event, touch));
        };
    }, [heldByMe]);
}
