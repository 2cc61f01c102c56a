import { FIRST_VISIT_PROBE, FIRST_VISIT_REPORT, type FirstVisitReport } from '../support/firstVisitProbe';
import { waitForExpression, withFreshBrowser } from './browser';
import type { ServedApp } from './preview';
import { FIRST_ROW_PROBE } from './probes';

// A newcomer's first visit: the demo build (MSW service worker), a fresh profile, signed out, opened at its root.
// Times come from the page's clock (0 = navigation start); the bare app's first paint is the baseline.

/** How long the counters keep counting after the login form answered a key: a redirect loop shows here. */
export const SETTLE_MS = 2_000;

export interface FirstVisitRun {
    /** Navigation start to the frame that paints the username field. */
    formPaintedMs: number;
    /** Navigation start to the frame that paints the first character typed into it: the form is usable. */
    usableMs: number;
    /** The typed key's time stamp to the frame that paints it: how long the page kept the operator waiting. */
    keyToPaintMs: number;
    navigationsWhenUsable: number;
    storageReadsWhenUsable: number;
    /** The same counters SETTLE_MS after the form was usable. */
    navigationsSettled: number;
    storageReadsSettled: number;
    landedOn: string;
    firstContentfulPaintMs: number | null;
}

export async function measureFirstVisit(chromiumPath: string, app: ServedApp): Promise<FirstVisitRun> {
    return withFreshBrowser(chromiumPath, { initScripts: [FIRST_VISIT_PROBE] }, async ({ page }) => {
        await page.goto(`${app.url}/`, { waitUntil: 'commit', timeout: 60_000 });
        const field = page.locator('input[name="username"]');
        await field.waitFor({ state: 'visible', timeout: 60_000 });
        // As soon as the bench sees the field: a newcomer starts typing their name at once.
        await field.press('o');
        await waitForExpression(page, 'window.__firstVisit.inputPaintedAt !== null', 60_000, 'the typed key painted in the username field');
        const usable = (await page.evaluate(FIRST_VISIT_REPORT)) as FirstVisitReport;
        await page.waitForTimeout(SETTLE_MS);
        const settled = (await page.evaluate(FIRST_VISIT_REPORT)) as FirstVisitReport;
        return {
            formPaintedMs: usable.formPaintedAt!,
            usableMs: usable.inputPaintedAt!,
            keyToPaintMs: usable.inputPaintedAt! - usable.keyAt!,
            navigationsWhenUsable: usable.navigations,
            storageReadsWhenUsable: usable.storageReads,
            navigationsSettled: settled.navigations,
            storageReadsSettled: settled.storageReads,
            landedOn: settled.href.replace(app.url, ''),
            firstContentfulPaintMs: usable.firstContentfulPaint,
        };
    });
}

export interface BarePaintRun {
    firstContentfulPaintMs: number;
    firstRowMs: number;
}

/** The bare react-admin app, cold: its first contentful paint (the baseline) and its first queue row. */
export async function measureBareFirstPaint(chromiumPath: string, app: ServedApp, session: unknown): Promise<BarePaintRun> {
    return withFreshBrowser(chromiumPath, { session, initScripts: [FIRST_VISIT_PROBE, FIRST_ROW_PROBE] }, async ({ page }) => {
        await page.goto(`${app.url}/`, { waitUntil: 'commit', timeout: 60_000 });
        await waitForExpression(page, '!!(window.__bench && window.__bench.firstRow && window.__bench.firstRow.frameAt !== null && window.__firstVisit.fcp !== null)', 60_000, 'the bare app\'s first paint and first row');
        const { firstContentfulPaint } = (await page.evaluate(FIRST_VISIT_REPORT)) as FirstVisitReport;
        const firstRowMs = (await page.evaluate('window.__bench.firstRow.frameAt')) as number;
        return { firstContentfulPaintMs: firstContentfulPaint!, firstRowMs };
    });
}
