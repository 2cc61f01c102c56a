// Sorting and paging a list held in memory (the mock's store, the reason catalogue, the accounts), as the list dialect says
// (docs/api.md §5): nulls last in ASC, ties by id ascending, strings by locale collation.

export interface Sort {
    field: string;
    order: 'ASC' | 'DESC';
}

export interface Page<T> {
    rows: T[];
    /** How many rows match the filter, whatever the range. */
    total: number;
    /** The total is the database's estimate (the review server, above EXACT_TOTAL_CAP matches; docs/api.md §5). */
    estimated?: boolean;
}

// `String.prototype.localeCompare` with no arguments, without building the collation for every call.
const collator = new Intl.Collator();

export function compareValues(a: unknown, b: unknown): number {
    if (a === b) return 0;
    if (a === null || a === undefined) return 1;
    if (b === null || b === undefined) return -1;
    return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
}

/**
 * The first `count` rows in the order of `comparator` (a total order), as a full sort would give them. A short page of a
 * long list keeps a sorted buffer instead of sorting everything: one comparison for most rows.
 */
export function firstInOrder<T>(rows: readonly T[], count: number, comparator: (a: T, b: T) => number): T[] {
    if (count <= 0) return [];
    if (count * 8 >= rows.length) return [...rows].sort(comparator).slice(0, count);
    const best: T[] = [];
    for (const row of rows) {
        if (best.length === count && comparator(row, best[count - 1]!) >= 0) continue;
        let low = 0;
        let high = best.length;
        while (low < high) {
            const middle = (low + high) >>> 1;
            if (comparator(row, best[middle]!) < 0) high = middle;
            else low = middle + 1;
        }
        best.splice(low, 0, row);
        if (best.length > count) best.pop();
    }
    return best;
}

/**
 * Sorts (id as tie-breaker) and takes the rows of `range` (inclusive). `orders` are sort fields that are not a record field
 * (an order of their own, e.g. the queue); DESC reverses their whole order.
 */
export function pageOf<T extends { id: string }>(rows: readonly T[], sort: Sort, range: readonly [number, number], orders: Record<string, (a: T, b: T) => number> = {}): Page<T> {
    const direction = sort.order === 'ASC' ? 1 : -1;
    const custom = Object.hasOwn(orders, sort.field) ? orders[sort.field] : undefined;
    const comparator = custom ? (a: T, b: T) => custom(a, b) * direction : (a: T, b: T) => {
        const byField = compareValues((a as Record<string, unknown>)[sort.field], (b as Record<string, unknown>)[sort.field]);
        return byField !== 0 ? byField * direction : collator.compare(a.id, b.id);
    };
    const [start, end] = range;
    return { rows: firstInOrder(rows, end + 1, comparator).slice(start, end + 1), total: rows.length };
}

/** Filter values may be one value or a list of values (getMany sends {"id":[...]}); compared as text. */
export const oneOrMany = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value)]);
