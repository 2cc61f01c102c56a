import simpleRestProvider from 'ra-data-simple-rest';
import { HttpError, type DataProvider } from 'react-admin';
import type { QualityReview, QualitySample, QualityVerdict, RequestKind, ReviewRequest, Stats } from '../domain/types';
import { allowDocumentsFrom } from '../common/documentUrl';
import { fetchCsv, httpClient, MALFORMED_RESPONSE } from './httpClient';
import { checkRecord, checkRecords, checkRequest, checkStats, ShapeProblem, totalFromContentRange } from './responseShape';

// ra-data-simple-rest for the resources, plus the explicit review actions of the contract; every answer the
// console reads is checked against the shapes it relies on (responseShape.ts).

export const RESOURCE_OF: Record<RequestKind, string> = { verification: 'verifications', cancellation: 'cancellations' };

export interface ReviewActions {
    claim(resource: string, params: { id: string }): Promise<{ data: ReviewRequest }>;
    release(resource: string, params: { id: string; note?: string }): Promise<{ data: ReviewRequest }>;
    /** With `next`, the same transaction claims the caller's next request (decide-and-claim-next, docs/api.md §7). */
    approve(resource: string, params: { id: string; version: number; note?: string; next?: NextClaim }): Promise<Decided>;
    reject(resource: string, params: { id: string; version: number; reasons: string[]; note?: string; customerMessage?: string; next?: NextClaim }): Promise<Decided>;
    claimNext(resource: string, params: { exclude: string[] }): Promise<{ data: ReviewRequest }>;
    sendBack(resource: string, params: { id: string; version: number; note: string }): Promise<{ data: ReviewRequest }>;
    /** Without a range, the server's default (its answer's `range` says which). */
    getStats(range?: { from: string; to: string }): Promise<Stats>;
    drawQualitySample(params: { operatorId: string; from: string; to: string; rate: number }): Promise<QualitySample>;
    giveQualityVerdict(params: { id: string; verdict: QualityVerdict; note: string }): Promise<QualityReview>;
    reassign(resource: string, params: { id: string; to: string; note: string }): Promise<{ data: ReviewRequest }>;
    /** "Show identity data" with a purpose (docs/api.md §6.10): the whole record, audited. */
    reveal(resource: string, params: { id: string; purpose: string }): Promise<{ data: ReviewRequest }>;
    resetDemoData(): Promise<void>;
    /** The server's CSV of a whole filtered list (docs/api.md §6.13): masked, or full with a purpose (supervisors); audited. */
    exportCsv(resource: string, params: ExportParams): Promise<{ text: string; filename: string; rows: number }>;
}

export interface ExportParams {
    filter: Record<string, unknown>;
    sort?: { field: string; order: string };
    full?: boolean;
    purpose?: string;
}

export type ReviewDataProvider = DataProvider & ReviewActions;

/** What a decision asks to claim next: claim-next's body. */
export interface NextClaim {
    exclude: string[];
}

/** A decision's answer: the decided request and, when `next` was asked for, the next one claimed (null: queue empty). */
export interface Decided {
    data: ReviewRequest;
    next?: ReviewRequest | null;
}

type Answer = Awaited<ReturnType<typeof httpClient>>;

/** Runs `read` on the answer of one call; a wrong shape (or simple-rest's own complaint) becomes app.errors.malformed_response. */
async function checked<T>(call: (client: typeof httpClient) => Promise<T>, check: (result: T, answer: Answer | undefined) => void): Promise<T> {
    let answer: Answer | undefined;
    const recording: typeof httpClient = async (url, options) => (answer = await httpClient(url, options));
    try {
        const result = await call(recording);
        check(result, answer);
        return result;
    } catch (error) {
        if (error instanceof HttpError) throw error;
        // ShapeProblem, or ra-data-simple-rest's untranslated "The Content-Range header is missing ..." Error.
        if (error instanceof ShapeProblem || answer) throw new HttpError(MALFORMED_RESPONSE, answer?.status ?? 200, { problem: (error as Error).message, body: answer?.body });
        throw error;
    }
}

/** ra-data-simple-rest's reads, each with its answer checked. */
function checkedReads(apiUrl: string): Pick<DataProvider, 'getList' | 'getOne' | 'getMany' | 'getManyReference'> {
    const rest = (client: typeof httpClient) => simpleRestProvider(apiUrl, client);
    const listChecked = (resource: string) => (result: { data: unknown }, answer: Answer | undefined) => {
        checkRecords(resource, result.data);
        totalFromContentRange(answer?.headers.get('Content-Range') ?? null);
    };
    return {
        getList: (resource, params) => checked(client => rest(client).getList(resource, params), listChecked(resource)),
        getManyReference: (resource, params) => checked(client => rest(client).getManyReference(resource, params), listChecked(resource)),
        getMany: (resource, params) => checked(client => rest(client).getMany(resource, params), result => checkRecords(resource, result.data)),
        getOne: (resource, params) => checked(client => rest(client).getOne(resource, params), result => checkRecord(resource, result.data)),
    };
}

export function createDataProvider(apiUrl: string): ReviewDataProvider {
    allowDocumentsFrom(apiUrl);
    const base = simpleRestProvider(apiUrl, httpClient);
    const postJson = (path: string, body: object) => httpClient(`${apiUrl}/${path}`, { method: 'POST', body: JSON.stringify(body) });
    const post = (resource: string, path: string, body: object) =>
        checked(async client => ({ data: (await client(`${apiUrl}/${path}`, { method: 'POST', body: JSON.stringify(body) })).json as ReviewRequest }), result => checkRequest(resource, result.data));
    const action = (name: string) => (resource: string, { id, ...body }: { id: string }) => post(resource, `${resource}/${encodeURIComponent(id)}/${name}`, body);
    // With `next` the answer is {decided, next}: both are checked, next may be null (nothing left to review).
    const decision = (name: string) => (resource: string, { id, ...body }: { id: string; next?: NextClaim }): Promise<Decided> => {
        const path = `${resource}/${encodeURIComponent(id)}/${name}`;
        if (!body.next) return post(resource, path, body);
        return checked(async client => {
            const json = (await client(`${apiUrl}/${path}`, { method: 'POST', body: JSON.stringify(body) })).json as { decided?: ReviewRequest; next?: ReviewRequest | null } | null;
            return { data: json?.decided as ReviewRequest, next: json?.next };
        }, result => {
            checkRequest(resource, result.data);
            if (result.next !== null) checkRequest(resource, result.next);
        });
    };
    return {
        ...base,
        ...checkedReads(apiUrl),
        claim: action('claim'),
        release: action('release'),
        approve: decision('approve'),
        reject: decision('reject'),
        claimNext: (resource, body) => post(resource, `${resource}/claim-next`, body),
        sendBack: action('send-back'),
        getStats: range => checked(async client => (await client(`${apiUrl}/stats${range ? `?${new URLSearchParams({ from: range.from, to: range.to })}` : ''}`)).json as Stats, checkStats),
        drawQualitySample: async params => (await postJson('quality-samples', params)).json as QualitySample,
        giveQualityVerdict: async ({ id, ...body }) => (await postJson(`quality-reviews/${encodeURIComponent(id)}/verdict`, body)).json as QualityReview,
        reassign: action('reassign'),
        reveal: action('reveal'),
        exportCsv: (resource, { filter, sort, full, purpose }) => {
            const query = new URLSearchParams({ filter: JSON.stringify(filter) });
            if (sort?.field) query.set('sort', JSON.stringify([sort.field, sort.order]));
            if (full) query.set('full', 'true');
            if (purpose) query.set('purpose', purpose);
            return fetchCsv(`${apiUrl}/${resource}/export?${query}`);
        },
        resetDemoData: async () => {
            await httpClient(`${apiUrl}/demo/reset`, { method: 'POST', body: '{}' });
        },
    };
}
