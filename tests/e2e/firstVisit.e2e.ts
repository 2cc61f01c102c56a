import { afterEach, describe, expect, inject, it } from 'vitest';
import { FIRST_VISIT_PROBE, FIRST_VISIT_REPORT, type FirstVisitReport } from '../support/firstVisitProbe';
import { openBrowser, signIn } from './browser';

// A newcomer's first visit to the demo build (its MSW service worker), signed out, in a fresh Chromium profile.

let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;
afterEach(async () => {
    await browser?.close();
    browser = undefined;
});

describe('a signed-out first visit (demo build)', () => {
    it.each(['/', '/#/verifications', '/#/cancellations/C-000001/show'])('to %s lands on the login page in a handful of navigations, and the form takes typing', async path => {
        browser = await openBrowser();
        const { page, context } = browser;
        await context.addInitScript({ content: FIRST_VISIT_PROBE });
        await page.goto(`${inject('demoUrl')}${path}`);
        const username = page.locator('input[name="username"]');
        await username.pressSequentially('operator1');
        // A console still redirecting under the field would have replaced it (and its text) meanwhile.
        expect(await username.inputValue()).toBe('operator1');
        const report = (await page.evaluate(FIRST_VISIT_REPORT)) as FirstVisitReport;
        expect(new URL(report.href).hash).toMatch(/^#\/login/);
        expect(report.navigations).toBeLessThanOrEqual(5);
        console.log(`first visit to ${path}: ${report.navigations} navigations, ${report.storageReads} localStorage reads, login form painted at ${report.formPaintedAt?.toFixed(0)} ms`);
    });

    it('shows the login form without the demo backend, which starts when the operator signs in', async () => {
        browser = await openBrowser();
        const { page } = browser;
        // The mock backend's chunk is held back until the test lets it go: a console that waited for it would show nothing.
        let release = () => {};
        const held = new Promise<void>(resolve => { release = resolve; });
        let requested = false;
        await page.route(/\/assets\/browser-[\w-]+\.js$/, async route => {
            requested = true;
            await held;
            await route.continue();
        });
        await page.goto(inject('demoUrl'));
        // Typing a name needs no backend: none is loaded (or seeded on the main thread under the operator's keys).
        await page.getByLabel(/username/i).pressSequentially('operator1');
        await expect.poll(() => page.getByLabel(/username/i).inputValue()).toBe('operator1');
        expect(requested).toBe(false);
        await signIn(page, 'operator1');
        await expect.poll(() => requested).toBe(true);
        release();
        await page.locator('tbody tr').first().waitFor();
        expect(page.url()).toMatch(/#\/verifications/);
    });
});
