// Calendar-day ranges (YYYY-MM-DD, both ends inclusive, UTC days): the periods of GET /stats and of quality samples.

export interface DayRange {
    from: string;
    to: string;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest range the server accepts, in days (a leap year). */
export const MAX_RANGE_DAYS = 366;
/** The default range of GET /stats: this many days, up to and including today. */
export const DEFAULT_RANGE_DAYS = 7;

/** The UTC day of an instant, YYYY-MM-DD. */
export const dayOf = (instant: Date | string | number): string => new Date(instant).toISOString().slice(0, 10);

/** Midnight UTC of a YYYY-MM-DD day in ms, or null when the value is not a real calendar day in that exact form. */
export function parseDay(value: unknown): number | null {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
    const ms = Date.parse(`${value}T00:00:00.000Z`);
    // Date.parse rolls 2026-02-30 over to March: only a day that reads back the same is real.
    return Number.isNaN(ms) || dayOf(ms) !== value ? null : ms;
}

export const addDays = (day: string, days: number): string => dayOf(parseDay(day)! + days * DAY_MS);

/** The instants a range covers: `start` inclusive (its first midnight), `end` exclusive (the midnight after its last day). */
export function rangeBounds(range: DayRange): { startMs: number; endMs: number } {
    return { startMs: parseDay(range.from)!, endMs: parseDay(range.to)! + DAY_MS };
}

/** Every day of a range, in order. */
export function daysOf(range: DayRange): string[] {
    const { startMs, endMs } = rangeBounds(range);
    const days: string[] = [];
    for (let ms = startMs; ms < endMs; ms += DAY_MS) days.push(dayOf(ms));
    return days;
}

export type RangeResult = { ok: true; range: DayRange } | { ok: false; fields: Record<string, string>; message: string };

/**
 * Checks a range as the API receives it. `undefined` (or '') ends take defaults when `defaults` is given:
 * `to` = today (UTC), `from` = `to` minus DEFAULT_RANGE_DAYS - 1. Problems: `required`, `invalid` (not a real
 * YYYY-MM-DD day), `after_to` (from > to), `too_large` (more than MAX_RANGE_DAYS days).
 */
export function checkRange(from: unknown, to: unknown, defaults?: { now: Date }): RangeResult {
    const absent = (value: unknown) => value === undefined || value === null || value === '';
    const fields: Record<string, string> = {};
    let toDay = to;
    if (absent(to)) {
        if (defaults) toDay = dayOf(defaults.now);
        else fields.to = 'required';
    } else if (parseDay(to) === null) fields.to = 'invalid';
    let fromDay = from;
    if (absent(from)) {
        if (defaults && !fields.to) fromDay = addDays(toDay as string, -(DEFAULT_RANGE_DAYS - 1));
        else if (!defaults) fields.from = 'required';
    } else if (parseDay(from) === null) fields.from = 'invalid';
    if (Object.keys(fields).length > 0) return { ok: false, fields, message: '"from" and "to" must be days as YYYY-MM-DD' };
    const range = { from: fromDay as string, to: toDay as string };
    const { startMs, endMs } = rangeBounds(range);
    if (startMs >= endMs) return { ok: false, fields: { from: 'after_to' }, message: '"from" is after "to"' };
    if ((endMs - startMs) / DAY_MS > MAX_RANGE_DAYS) return { ok: false, fields: { to: 'too_large' }, message: `a range covers at most ${MAX_RANGE_DAYS} days` };
    return { ok: true, range };
}
