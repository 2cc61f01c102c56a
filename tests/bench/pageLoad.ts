import { waitForExpression, withFreshBrowser } from './browser';
import { jsSet, type JsSet } from './bundle';
import type { ServedApp } from './preview';
import { FIRST_ROW_PROBE, LOAD_REPORT } from './probes';

// One cold page load: fresh profile, signed in beforehand, from navigation to the first queue row on screen.

export interface LoadRun {
    app: string;
    /** Navigation start to the frame that paints the first row, ms. */
    firstRowMs: number;
    /** Navigation start to the first row being in the DOM and laid out, ms. */
    firstRowDomMs: number;
    /** Navigation start to the queue's list request leaving the page, and to its answer, ms (null if not seen). */
    listRequestStartMs: number | null;
    listRequestEndMs: number | null;
    firstRowText: string;
    landedOn: string;
    /** Every JS file of the app the page requested before the first row was on screen. */
    initialJs: JsSet;
    /** Requests before the first row (ms after navigation start), for reading the waterfall. */
    waterfall: { path: string; initiator: string; start: number; end: number }[];
}

interface LoadReport {
    href: string;
    firstRow: { at: number; frameAt: number | null; text: string } | null;
    resources: { url: string; sameOrigin: boolean; path: string; initiator: string; start: number; end: number }[];
}

export async function measurePageLoad(chromiumPath: string, app: ServedApp, session: unknown, label: string, path = '/'): Promise<LoadRun> {
    return withFreshBrowser(chromiumPath, { session, initScripts: [FIRST_ROW_PROBE] }, async ({ page }) => {
        await page.goto(`${app.url}${path}`, { waitUntil: 'commit', timeout: 60_000 });
        await waitForExpression(page, '!!(window.__bench && window.__bench.firstRow && window.__bench.firstRow.frameAt !== null)', 60_000, `the first queue row of ${label}`);
        // The probe's idea of "a row" must agree with what a user (and the e2e suite) would wait for.
        await page.locator('tbody tr').first().waitFor({ state: 'visible', timeout: 10_000 });
        const report = (await page.evaluate(LOAD_REPORT)) as LoadReport;
        const firstRow = report.firstRow!;
        const before = report.resources.filter(r => r.start < firstRow.frameAt!);
        const scripts = before.filter(r => r.sameOrigin && r.path.endsWith('.js')).map(r => r.path.replace(/^\//, ''));
        const list = before.find(r => !r.sameOrigin && r.initiator === 'fetch' && /\/verifications\?/.test(r.url));
        return {
            app: label,
            firstRowMs: firstRow.frameAt!,
            firstRowDomMs: firstRow.at,
            listRequestStartMs: list ? round(list.start) : null,
            listRequestEndMs: list ? round(list.end) : null,
            firstRowText: firstRow.text,
            landedOn: report.href.replace(app.url, ''),
            initialJs: jsSet(app.app.outDir, scripts),
            waterfall: before.map(r => ({ path: r.sameOrigin ? r.path : r.url.replace(/^https?:\/\/[^/]+/, ''), initiator: r.initiator, start: round(r.start), end: round(r.end) })),
        };
    });
}

const round = (ms: number) => Math.round(ms * 10) / 10;
