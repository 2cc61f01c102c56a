import { fetchUtils, HttpError } from 'react-admin';
import { ERROR_CODES } from '../contract/primitives';
import type { ApiErrorBody } from '../domain/types';
import { apiReady } from './apiReady';
import { serverClock } from './serverClock';
import { session } from './session';

// fetch with the bearer token, and the API's error body turned into a translatable HttpError.

const KNOWN_CODES = new Set<string>(ERROR_CODES);

const isApiError = (body: unknown): body is ApiErrorBody =>
    typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).error?.code === 'string';

/** The translation key for a failed call: app.errors.<code>, or a generic one by status. */
export function errorMessageKey(status: number, body: unknown): string {
    if (isApiError(body) && KNOWN_CODES.has(body.error.code)) return `app.errors.${body.error.code}`;
    if (status === 0) return 'app.errors.network';
    if (status >= 500) return 'app.errors.internal';
    // A 4xx without our error body: a proxy, gateway or firewall answered instead of the API.
    if (status >= 400) return 'app.errors.refused';
    return 'app.errors.unexpected';
}

export const MALFORMED_RESPONSE = 'app.errors.malformed_response';

export async function httpClient(url: string, options: fetchUtils.Options = {}) {
    await apiReady.wait();
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    const token = session.get()?.token;
    if (token) headers.set('Authorization', `Bearer ${token}`);
    let response: Awaited<ReturnType<typeof fetchUtils.fetchJson>>;
    try {
        response = await fetchUtils.fetchJson(url, { ...options, headers });
    } catch (error) {
        if (error instanceof HttpError) throw new HttpError(errorMessageKey(error.status, error.body), error.status, error.body);
        // fetch itself failed: offline, DNS, CORS, dropped connection.
        throw new HttpError('app.errors.network', 0, null);
    }
    serverClock.observe(response.headers.get('Date'));
    // fetchJson leaves `json` undefined when a 2xx body is not JSON: an HTML page, an empty or a truncated answer.
    if (response.status !== 204 && response.json === undefined) throw new HttpError(MALFORMED_RESPONSE, response.status, response.body);
    return response;
}

/** A CSV export's file (docs/api.md §6.13): not JSON, so not through fetchJson; a refusal's JSON body is still translated. */
export async function fetchCsv(url: string): Promise<{ text: string; filename: string; rows: number }> {
    await apiReady.wait();
    const headers = new Headers({ Accept: 'text/csv, application/json' });
    const token = session.get()?.token;
    if (token) headers.set('Authorization', `Bearer ${token}`);
    let response: Response;
    try {
        response = await fetch(url, { headers });
    } catch {
        throw new HttpError('app.errors.network', 0, null);
    }
    serverClock.observe(response.headers.get('Date'));
    const text = await response.text();
    if (!response.ok) {
        let body: unknown = text;
        try { body = JSON.parse(text); } catch { /* not JSON: a proxy's page */ }
        throw new HttpError(errorMessageKey(response.status, body), response.status, body);
    }
    if (!(response.headers.get('Content-Type') ?? '').startsWith('text/csv')) throw new HttpError(MALFORMED_RESPONSE, response.status, text);
    const filename = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'export.csv';
    return { text, filename, rows: Number(response.headers.get('Export-Rows') ?? NaN) };
}
