// Service level: a request is due a number of business days (Mon-Fri, minus holidays) after submission,
// counted on the review team's local calendar (a fixed UTC offset; Jakarta, UTC+7, by default).

export interface SlaCalendar {
    businessDays: number;
    /** Holidays as YYYY-MM-DD on the local calendar. */
    holidays: ReadonlySet<string>;
    utcOffsetMinutes: number;
}

export const DEFAULT_SLA: SlaCalendar = { businessDays: 3, holidays: new Set(), utcOffsetMinutes: 7 * 60 };

const DAY_MS = 24 * 60 * 60 * 1000;

const toLocal = (instant: Date, calendar: SlaCalendar) => new Date(instant.getTime() + calendar.utcOffsetMinutes * 60_000);
const fromLocal = (local: Date, calendar: SlaCalendar) => new Date(local.getTime() - calendar.utcOffsetMinutes * 60_000);
const localDay = (local: Date) => local.toISOString().slice(0, 10);

/**
 * The review team's calendar day of an instant, YYYY-MM-DD: the day the automatic checks are run for (card expiry,
 * age), by the server and the console alike.
 */
export const reviewDay = (instant: Date, calendar: SlaCalendar = DEFAULT_SLA): string => localDay(toLocal(instant, calendar));

export function isBusinessDay(localDate: Date, calendar: SlaCalendar = DEFAULT_SLA): boolean {
    const weekday = localDate.getUTCDay();
    return weekday !== 0 && weekday !== 6 && !calendar.holidays.has(localDay(localDate));
}

/**
 * The due instant: the submission time plus N business days. A request that arrives on a weekend or
 * holiday starts its clock at the beginning of the next business day.
 */
export function dueAt(submittedAt: Date, calendar: SlaCalendar = DEFAULT_SLA): Date {
    let local = toLocal(submittedAt, calendar);
    if (!isBusinessDay(local, calendar)) {
        const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
        local = new Date(midnight);
        while (!isBusinessDay(local, calendar)) local = new Date(local.getTime() + DAY_MS);
    }
    let remaining = calendar.businessDays;
    while (remaining > 0) {
        local = new Date(local.getTime() + DAY_MS);
        if (isBusinessDay(local, calendar)) remaining -= 1;
    }
    return fromLocal(local, calendar);
}

export type SlaState = 'overdue' | 'due_today' | 'on_time';

export interface SlaStanding {
    state: SlaState;
    /** Positive: time left; negative: how late. */
    msLeft: number;
}

/** Where a request stands against its due time, as the queues show it. */
export function slaStanding(due: Date, now: Date, calendar: SlaCalendar = DEFAULT_SLA): SlaStanding {
    const msLeft = due.getTime() - now.getTime();
    if (msLeft < 0) return { state: 'overdue', msLeft };
    const sameLocalDay = localDay(toLocal(due, calendar)) === localDay(toLocal(now, calendar));
    return { state: sameLocalDay ? 'due_today' : 'on_time', msLeft };
}
