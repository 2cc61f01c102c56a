import { ApiError, badRequest } from './respond';

// The ra-data-simple-rest list dialect: sort=["field","ASC"], range=[start,end] (inclusive), filter={...}.

export interface ListQuery {
    sort: { field: string; order: 'ASC' | 'DESC' } | null;
    range: [number, number];
    filter: Record<string, unknown>;
}

function parseJsonParam(url: URL, name: string): unknown {
    const raw = url.searchParams.get(name);
    if (raw === null) return undefined;
    try {
        return JSON.parse(raw);
    } catch {
        throw badRequest(`"${name}" is not valid JSON`, { [name]: 'invalid_json' });
    }
}

export function parseListQuery(url: URL, options: { sortable: readonly string[]; filterable: readonly string[]; maxPage?: number }): ListQuery {
    const maxPage = options.maxPage ?? 1000;
    const sortParam = parseJsonParam(url, 'sort');
    let sort: ListQuery['sort'] = null;
    if (sortParam !== undefined) {
        if (!Array.isArray(sortParam) || sortParam.length !== 2 || !['ASC', 'DESC'].includes(String(sortParam[1]).toUpperCase())) {
            throw badRequest('"sort" must be ["field","ASC"|"DESC"]', { sort: 'invalid' });
        }
        const field = String(sortParam[0]);
        if (!options.sortable.includes(field)) throw badRequest(`cannot sort by "${field}"`, { sort: 'unsupported_field' });
        sort = { field, order: String(sortParam[1]).toUpperCase() as 'ASC' | 'DESC' };
    }

    const rangeParam = parseJsonParam(url, 'range');
    let range: [number, number] = [0, 24];
    if (rangeParam !== undefined) {
        const valid = Array.isArray(rangeParam) && rangeParam.length === 2 && rangeParam.every(n => Number.isInteger(n) && n >= 0) && rangeParam[1] >= rangeParam[0];
        if (!valid) throw badRequest('"range" must be [start,end] with 0 <= start <= end', { range: 'invalid' });
        if (rangeParam[1] - rangeParam[0] + 1 > maxPage) throw badRequest(`a page holds at most ${maxPage} records`, { range: 'too_large' });
        range = [rangeParam[0], rangeParam[1]];
    }

    const filterParam = parseJsonParam(url, 'filter') ?? {};
    if (typeof filterParam !== 'object' || filterParam === null || Array.isArray(filterParam)) {
        throw badRequest('"filter" must be a JSON object', { filter: 'invalid' });
    }
    // getMany sends ids without a range: answer all of them, not a default page.
    const ids = (filterParam as Record<string, unknown>).id;
    if (rangeParam === undefined && Array.isArray(ids)) range = [0, Math.max(0, Math.min(ids.length, maxPage) - 1)];
    const unknown = Object.keys(filterParam).filter(key => !options.filterable.includes(key));
    if (unknown.length > 0) throw badRequest(`cannot filter by ${unknown.map(k => `"${k}"`).join(', ')}`, { filter: 'unsupported_field' });
    return { sort, range, filter: filterParam as Record<string, unknown> };
}

// `String.prototype.localeCompare` with no arguments, without building the collation for every call.
const collator = new Intl.Collator();

function compare(a: unknown, b: unknown): number {
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

/** `Content-Range` of a page of `count` rows from `start`, out of `total` (the range is a star when the page is empty). */
export const contentRange = (resource: string, start: number, count: number, total: number) =>
    (count === 0 ? `${resource} */${total}` : `${resource} ${start}-${start + count - 1}/${total}`);

/**
 * Sorts (stable, id as tie-breaker), pages, and answers with the Content-Range simple-rest needs.
 * `comparators` define sort fields that are not a record field (an order of their own); DESC reverses their whole order.
 */
export function page<T extends { id: string }>(resource: string, rows: T[], query: ListQuery, defaultSort: NonNullable<ListQuery['sort']>, comparators: Record<string, (a: T, b: T) => number> = {}) {
    const { field, order } = query.sort ?? defaultSort;
    const direction = order === 'ASC' ? 1 : -1;
    const custom = Object.hasOwn(comparators, field) ? comparators[field] : undefined;
    const comparator = custom ? (a: T, b: T) => custom(a, b) * direction : (a: T, b: T) => {
        const byField = compare((a as Record<string, unknown>)[field], (b as Record<string, unknown>)[field]);
        return byField !== 0 ? byField * direction : collator.compare(a.id, b.id);
    };
    const [start, end] = query.range;
    const slice = firstInOrder(rows, end + 1, comparator).slice(start, end + 1);
    return { slice, contentRange: contentRange(resource, start, slice.length, rows.length) };
}

/** Filter values may be one value or a list of values (getMany sends {"id":[...]}). */
export const oneOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value)]);

export const assertBoolean = (name: string, value: unknown): boolean => {
    if (typeof value !== 'boolean') throw new ApiError(400, 'bad_request', `filter "${name}" must be true or false`, { fields: { [name]: 'not_boolean' } });
    return value;
};
