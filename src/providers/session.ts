import type { LoginResponse } from '../domain/types';

// The signed-in operator's token and identity, kept across reloads and tabs.

const KEY = 'axis-review-session';

export type Session = LoginResponse;

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
    },
    clear() {
        localStorage.removeItem(KEY);
    },
};
