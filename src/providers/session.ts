import type { LoginResponse } from '../domain/types';

// The signed-in operator's token and identity, kept across reloads and tabs.

const KEY = 'axis-review-session';

export type Session = LoginResponse;

const listeners = new Set<() => void>();
const changed = () => listeners.forEach(listener => listener());

export const session = {
    get(): Session | null {
        try {
            const raw = localStorage.getItem(KEY);
            return raw ? (JSON.parse(raw) as Session) : null;
        } catch {
            return null;
        }
    },
    set(value: Session) {
        localStorage.setItem(KEY, JSON.stringify(value));
        changed();
    },
    clear() {
        localStorage.removeItem(KEY);
        changed();
    },
    /** Calls `listener` whenever this tab signs in or out (useSyncExternalStore's subscribe); returns the unsubscribe. */
    subscribe(listener: () => void) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
    },
};
