// The console's one idea of "now": the API's clock, learned from the `Date` header of its answers (docs/api.md 1).
// Due tags, the review day of the checks and default date ranges all read it, so the console and the server never
// disagree about today, whichever clock the server runs on (a test's fixed one included).

let offsetMs = 0;

export const serverClock = {
    now: (): Date => new Date(Date.now() + offsetMs),
    /** Takes the server's time from an answer's `Date` header (absent or unreadable: the last known offset stays). */
    observe(dateHeader: string | null, receivedAtMs = Date.now()) {
        const serverMs = dateHeader ? Date.parse(dateHeader) : Number.NaN;
        if (!Number.isNaN(serverMs)) offsetMs = serverMs - receivedAtMs;
    },
};
