// Failed logins are throttled per account and per client address (docs/api.md §2 "Throttling"): once `limit` failures
// of one key fall within the window, further logins on that key answer 429 until the oldest of them leaves the window.
// A pure rule: the store keeps the failures, the login route (mock and review server alike) asks this module.

export interface LoginThrottleSettings {
    /** How long a failed login counts, in ms. */
    windowMs: number;
    /** Failed logins of one username within the window before that username is locked. */
    perAccount: number;
    /** Failed logins from one client address within the window before that address is locked. */
    perAddress: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleSettings = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 50 };

/** The store's key of a username's failures (trimmed, lower case, as login looks it up). */
export const accountKey = (username: string) => `account:${username}`;
export const addressKey = (address: string) => `address:${address}`;

/** The instant from which failures still count. */
export const windowStart = (now: Date, settings: LoginThrottleSettings) => new Date(now.getTime() - settings.windowMs);

/**
 * Whole seconds until a key with these failures (instants within the window, any order) may try again; null when it may
 * try now.
 */
export function lockedForSeconds(failures: readonly string[], limit: number, now: Date, windowMs: number): number | null {
    if (failures.length < limit) return null;
    const times = failures.map(at => Date.parse(at)).sort((a, b) => a - b);
    // The lock ends when the failure that brought the count to the limit (counting from the newest) leaves the window.
    const unlockAt = times[times.length - limit]! + windowMs;
    const ms = unlockAt - now.getTime();
    return ms <= 0 ? null : Math.ceil(ms / 1000);
}
