import { existsSync, readFileSync } from 'node:fs';

// API_HOLIDAYS: the review team's public holidays, as a comma-separated list of YYYY-MM-DD days or the path of a file
// with one day a line (blank lines and # comments ignored). Every day must be a real calendar day.

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(day: string): boolean {
    const date = new Date(`${day}T00:00:00Z`);
    return DAY.test(day) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** The holidays, or the problem (for a ConfigError naming API_HOLIDAYS). */
export function parseHolidays(raw: string): { holidays: Set<string> } | { problem: string } {
    let days: string[];
    if (/^\d{4}-/.test(raw)) {
        days = raw.split(',').map(day => day.trim()).filter(Boolean);
    } else {
        if (!existsSync(raw)) return { problem: `must be YYYY-MM-DD days separated by commas, or a file of them: "${raw}" is neither` };
        days = readFileSync(raw, 'utf8').split('\n').map(line => line.replace(/#.*/, '').trim()).filter(Boolean);
    }
    const wrong = days.find(day => !isRealDay(day));
    if (wrong !== undefined) return { problem: `must list real days as YYYY-MM-DD, not "${wrong}"` };
    return { holidays: new Set(days) };
}
