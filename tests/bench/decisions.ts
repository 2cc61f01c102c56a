import type { CDPSession, Page } from 'playwright-core';
import { serialRequests, watchCacheHits, type TimedRequest } from './criticalPath';
import { FIRST_ROW_PROBE, REVIEW_PROBE } from './probes';
import type { ServedApp } from './preview';

// The operator's loop, keyboard only: `n` on the queue, then `a` + Enter (approve) with auto-advance on.

export const REVIEW_INIT_SCRIPTS = [FIRST_ROW_PROBE, REVIEW_PROBE];

export interface Decision {
    id: string;
    previousId: string | null;
    /** The key that started the measurement. */
    key: string;
    /** Key (Enter) to the next request's record on screen (data-request changed), ms. */
    recordMs: number;
    /** Key (Enter) to the next request's document image loaded, ms: the decision latency. */
    docsMs: number;
    /** The document image the probe saw loaded. */
    imageUrl: string;
    resources: (TimedRequest & { initiator: string })[];
    /** Requests that waited for one another between the key and the documents (criticalPath.ts): 1 is one round trip. */
    serial: { count: number; chain: string[]; endMs: number };
}

/** The page's network, as the decision measurements need it: which answers came from the browser's cache. */
export type NetworkWatch = Awaited<ReturnType<typeof watchCacheHits>>;

/** Starts watching the page's cache hits; call once per page, before the first measurement. */
export const watchNetwork = (cdp: CDPSession): Promise<NetworkWatch> => watchCacheHits(cdp);

const TIMEOUT_MS = 30_000;

async function measureKey(page: Page, network: NetworkWatch, previousId: string | null, key: string): Promise<Decision> {
    await page.evaluate(`window.__bench.arm(${JSON.stringify(previousId)}, ${TIMEOUT_MS})`);
    network.take();
    await page.keyboard.press(key);
    const measured = (await page.evaluate('window.__bench.done()')) as Omit<Decision, 'serial'>;
    const cached = network.take();
    const resources = measured.resources.map(r => ({ ...r, cached: cached.has(r.url) }));
    return { ...measured, resources, serial: serialRequests(resources, measured.imageUrl, measured.recordMs) };
}

/** Opens the console (signed in by the browser's init script), waits for the queue, presses `n`. */
export async function openFirstRequest(page: Page, network: NetworkWatch, app: ServedApp): Promise<Decision> {
    await page.goto(`${app.url}/`, { waitUntil: 'commit', timeout: 60_000 });
    await page.locator('tbody tr').first().waitFor({ state: 'visible', timeout: 60_000 });
    // Auto-advance is the console's default (react-admin store key review.autoAdvance); a fresh profile has no override.
    const stored = await page.evaluate("localStorage.getItem('RaStore.review.autoAdvance')");
    if (stored === 'false') throw new Error('auto-advance is off in this profile');
    return measureKey(page, network, null, 'n');
}

/**
 * How long the page must have had no request under way before the operator decides: an operator reads a request
 * for seconds; this only makes sure the screen's own follow-up requests (its timeline, the claim ahead, which start
 * a moment after it renders) have had their turn, not a lull between two of them.
 */
const LOOKED_AT_MS = 300;

/** Polls until the page has had no request under way for LOOKED_AT_MS (the polling interval enters no figure). */
async function networkQuiet(network: NetworkWatch, timeoutMs = TIMEOUT_MS) {
    const deadline = Date.now() + timeoutMs;
    let quietSince = Date.now();
    while (network.busy || Date.now() - quietSince < LOOKED_AT_MS) {
        if (Date.now() > deadline) throw new Error(`the page still had requests under way after ${timeoutMs} ms`);
        if (network.busy) quietSince = Date.now();
        await new Promise(done => setTimeout(done, 20));
    }
}

/**
 * One approval: the operator has looked at the request (the page's requests, its preloads among them, have answered),
 * then `a`, wait for the dialog, then Enter, timed from Enter to the next request's documents.
 */
export async function approveAndAdvance(page: Page, network: NetworkWatch, currentId: string): Promise<Decision> {
    await networkQuiet(network);
    await page.keyboard.press('a');
    await page.locator('#approve-title').waitFor({ state: 'visible', timeout: 10_000 });
    const decision = await measureKey(page, network, currentId, 'Enter');
    if (decision.key !== 'Enter') throw new Error(`expected the measurement to start at Enter, it started at ${decision.key}`);
    return decision;
}

/** Runs `count` approvals in a row from the request on screen; `after(n)` runs after the n-th (1-based). */
export async function runDecisions(page: Page, network: NetworkWatch, firstId: string, count: number, after?: (n: number, decision: Decision) => Promise<void>): Promise<Decision[]> {
    const decisions: Decision[] = [];
    let current = firstId;
    for (let n = 1; n <= count; n++) {
        const decision = await approveAndAdvance(page, network, current);
        decisions.push(decision);
        current = decision.id;
        if (after) await after(n, decision);
    }
    return decisions;
}
