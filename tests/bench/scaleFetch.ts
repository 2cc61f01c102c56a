import type { Page } from 'playwright-core';
import type { ApiServer } from './apiServer';
import { timedFetchesScript } from './probes';

// API calls timed from inside the page (CORS, parsing and all), alternating between servers to cancel drift.

export interface FetchTiming {
    server: string;
    query: string;
    url: string;
    times: number[];
    status: number;
    contentRange: string | null;
    rows: number | null;
}

/** The queue's first page exactly as the console asks for it (open requests, queue order, 25 rows). */
export const firstPageQuery = () => `filter=${encodeURIComponent('{"open":true}')}&range=${encodeURIComponent('[0,24]')}&sort=${encodeURIComponent('["queue","ASC"]')}`;
/** A search, as the queue's search box sends it (without the open-only default, to search the whole store). */
export const searchQuery = (needle: string) => `filter=${encodeURIComponent(JSON.stringify({ q: needle }))}&range=${encodeURIComponent('[0,24]')}`;

export async function timeFetches(page: Page, servers: { label: string; api: ApiServer }[], queries: { label: string; query: string }[], runs: number): Promise<FetchTiming[]> {
    const targets = servers.flatMap(s => queries.map(q => ({ server: s.label, query: q.label, url: `${s.api.url}/verifications?${q.query}`, token: s.api.session.token })));
    const results = (await page.evaluate(timedFetchesScript(targets.map(t => ({ url: t.url, token: t.token })), runs))) as Omit<FetchTiming, 'server' | 'query' | 'url'>[];
    return targets.map((t, i) => ({ server: t.server, query: t.query, url: t.url, ...results[i]! }));
}
