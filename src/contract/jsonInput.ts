import type { FieldProblem } from './errors';

// Limits on the JSON a client sends (bodies and the list dialect's query parameters), checked before any rule reads it:
// nesting deep enough to overflow a recursive reader, and U+0000, which PostgreSQL cannot store in text.

/** The deepest the contract reads is 3 levels (a decision's `next.exclude[i]`); deeper JSON is refused. */
export const MAX_JSON_DEPTH = 8;

export interface JsonInputProblem {
    /** Where: keys and indexes from the top ([] for the value itself). */
    path: (string | number)[];
    problem: Extract<FieldProblem, 'too_deep' | 'invalid_character'>;
}

/** The first problem found in a parsed JSON value, or null; walks without recursion, so any depth is safe to check. */
export function jsonInputProblem(value: unknown): JsonInputProblem | null {
    const pending: [unknown, (string | number)[]][] = [[value, []]];
    while (pending.length > 0) {
        const [current, path] = pending.pop()!;
        if (typeof current === 'string') {
            if (current.includes('\u0000')) return { path, problem: 'invalid_character' };
            continue;
        }
        if (typeof current !== 'object' || current === null) continue;
        if (path.length >= MAX_JSON_DEPTH) return { path, problem: 'too_deep' };
        const isArray = Array.isArray(current);
        for (const [key, item] of Object.entries(current)) {
            if (key.includes('\u0000')) return { path: [...path, key], problem: 'invalid_character' };
            pending.push([item, [...path, isArray ? Number(key) : key]]);
        }
    }
    return null;
}
