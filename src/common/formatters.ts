// Intl formatters, made once per language and options and reused: a queue page formats a date and a number in every
// row, and each `toLocaleString(locale, options)` call builds a new formatter (a cost the first queue page paid 50 times).

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: 'date' | 'number', locale: string, options: object, make: () => T): T {
    const key = `${kind} ${locale} ${JSON.stringify(options)}`;
    let formatter = formatters.get(key) as T | undefined;
    if (!formatter) formatters.set(key, (formatter = make()));
    return formatter;
}

/** The date and time as `Date.toLocaleString(locale)` writes it (e.g. 11/24/2026, 9:05:00 AM / 2026/11/24 09:05:00). */
export const DATE_TIME = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' } as const satisfies Intl.DateTimeFormatOptions;

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions = DATE_TIME) =>
    cached('date', locale, options, () => new Intl.DateTimeFormat(locale, options));

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
    cached('number', locale, options, () => new Intl.NumberFormat(locale, options));
