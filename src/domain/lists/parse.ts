import * as z from 'zod/mini';
import { jsonInputProblem } from '../../contract/jsonInput';
import { rangeParam } from '../../contract/listQuery';
import { badField, refuse } from '../refusal';
import type { Sort } from './page';

// The ra-data-simple-rest list dialect (docs/api.md §5): sort=["field","ASC"], range=[start,end] (inclusive), filter={...},
// each URL-encoded JSON, checked in that order; then the filter's values, by the resource's rules (src/contract/listQuery.ts).

/** A page holds at most this many records (react-admin's export asks for 1000 rows at once). */
export const MAX_PAGE = 1000;

export interface ListSpec<F extends z.ZodMiniObject = z.ZodMiniObject> {
    sortable: readonly string[];
    defaultSort: Sort;
    /** The filters and their value rules; its keys are the filters there are. */
    filter: F;
    /** Whether a "" value means "no filter" (requests, audit, quality) or is a value like any other (reasons, operators). */
    emptyIsAbsent: boolean;
}

export interface ListQuery<F = Record<string, unknown>> {
    sort: Sort;
    range: [number, number];
    filter: F;
}

function jsonParam(params: URLSearchParams, name: string): unknown {
    const raw = params.get(name);
    if (raw === null) return undefined;
    let value: unknown;
    try {
        value = JSON.parse(raw);
    } catch {
        return badField(name, 'invalid_json');
    }
    // Nesting is refused before anything reads the value (a filter 7,000 levels deep overflowed the stack); U+0000 is
    // named by its filter key, like the filter's other value problems.
    const problem = jsonInputProblem(value);
    if (problem) badField(problem.problem === 'invalid_character' && name === 'filter' && typeof problem.path[0] === 'string' ? problem.path[0] : name, problem.problem);
    return value;
}

function parseSort(value: unknown, spec: ListSpec): Sort {
    if (value === undefined) return spec.defaultSort;
    const order = Array.isArray(value) && value.length === 2 ? String(value[1]).toUpperCase() : '';
    if (order !== 'ASC' && order !== 'DESC') return badField('sort', 'invalid', '"sort" must be ["field","ASC"|"DESC"]');
    const field = String((value as unknown[])[0]);
    if (!spec.sortable.includes(field)) return badField('sort', 'unsupported_field', `cannot sort by "${field}"`);
    return { field, order };
}

function parseRange(value: unknown): [number, number] | undefined {
    if (value === undefined) return undefined;
    const parsed = rangeParam.safeParse(value);
    if (!parsed.success || parsed.data[1] < parsed.data[0]) return badField('range', 'invalid', '"range" must be [start,end] with 0 <= start <= end');
    const [start, end] = parsed.data;
    if (end - start + 1 > MAX_PAGE) return badField('range', 'too_large', `a page holds at most ${MAX_PAGE} records`);
    return [start, end];
}

/** The filter's values by the resource's rules; the first problem is the answer. */
function checkFilterValues<F extends z.ZodMiniObject>(filter: Record<string, unknown>, schema: F): z.infer<F> {
    const checked = schema.safeParse(filter);
    if (checked.success) return checked.data;
    const issue = checked.error.issues[0]!;
    const field = String(issue.path[0] ?? 'filter');
    return badField(field, issue.message as 'invalid', `filter "${field}": ${issue.message.replace(/_/g, ' ')}`);
}

export function parseListQuery<F extends z.ZodMiniObject>(params: URLSearchParams, spec: ListSpec<F>): ListQuery<z.infer<F>> {
    const sort = parseSort(jsonParam(params, 'sort'), spec);
    const range = parseRange(jsonParam(params, 'range'));
    // Absent is no filter; `null` is a filter that is not an object (400).
    const sent = jsonParam(params, 'filter');
    const filter = sent === undefined ? {} : sent;
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) return badField('filter', 'invalid', '"filter" must be a JSON object');
    const given = filter as Record<string, unknown>;
    const unknown = Object.keys(given).filter(key => !Object.hasOwn(spec.filter.shape, key));
    if (unknown.length > 0) refuse('bad_request', `cannot filter by ${unknown.map(key => `"${key}"`).join(', ')}`, { fields: { filter: 'unsupported_field' } });
    // getMany sends ids without a range: answer all of them (up to a page), not a default page.
    const ids = given.id;
    const pageRange = range ?? (Array.isArray(ids) ? [0, Math.max(0, Math.min(ids.length, MAX_PAGE) - 1)] as [number, number] : [0, 24] as [number, number]);
    const values = spec.emptyIsAbsent ? Object.fromEntries(Object.entries(given).filter(([, value]) => value !== '' && value !== undefined)) : given;
    return { sort, range: pageRange, filter: checkFilterValues(values, spec.filter) };
}
