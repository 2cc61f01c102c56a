import type { Page } from 'playwright-core';
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
    resources: { path: string; initiator: string; start: number; end: number }[];
}

const TIMEOUT_MS = 30_000;

async function measureKey(page: Page, previousId: string | null, key: string): Promise<Decision> {
    await page.evaluate(`window.__bench.arm(${JSON.stringify(previousId)}, ${TIMEOUT_MS})`);
    await page.keyboard.press(key);
    return (await page.evaluate('window.__bench.done()')) as Decision;
}

/** Opens the console (signed in by the browser's init script), waits for the queue, presses `n`. */
export async function openFirstRequest(page: Page, app: ServedApp): Promise<Decision> {
    await page.goto(`${app.url}/`, { waitUntil: 'commit', timeout: 60_000 });
    await page.locator('tbody tr').first().waitFor({ state: 'visible', timeout: 60_000 });
    // Auto-advance is the console's default (react-admin store key review.autoAdvance); a fresh profile has no override.
    const stored = await page.evaluate("localStorage.getItem('RaStore.review.autoAdvance')");
    if (stored === 'false') throw new Error('auto-advance is off in this profile');
    return measureKey(page, null, 'n');
}

/** One approval: `a`, wait for the dialog, then Enter, timed from Enter to the next request's documents. */
export async function approveAndAdvance(page: Page, currentId: string): Promise<Decision> {
    await page.keyboard.press('a');
    await page.locator('#approve-title').waitFor({ state: 'visible', timeout: 10_000 });
    const decision = await measureKey(page, currentId, 'Enter');
    if (decision.key !== 'Enter') throw new Error(`expected the measurement to start at Enter, it started at ${decision.key}`);
    return decision;
}

/** Runs `count` approvals in a row from the request on screen; `after(n)` runs after the n-th (1-based). */
export async function runDecisions(page: Page, firstId: string, count: number, after?: (n: number, decision: Decision) => Promise<void>): Promise<Decision[]> {
    const decisions: Decision[] = [];
    let current = firstId;
    for (let n = 1; n <= count; n++) {
        const decision = await approveAndAdvance(page, current);
        decisions.push(decision);
        current = decision.id;
        if (after) await after(n, decision);
    }
    return decisions;
}
