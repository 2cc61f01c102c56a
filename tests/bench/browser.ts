import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../support/chromium';
import { sessionScript } from './probes';

// A fresh headless Chromium with a throw-away profile (cold cache, empty storage), like tests/e2e/browser.ts.

export interface FreshBrowser {
    context: BrowserContext;
    page: Page;
    cdp(): Promise<CDPSession>;
    close(): Promise<void>;
}

/**
 * Launches Chromium with a new profile. `session` is written to localStorage before any page script runs
 * (the console's signed-in state), and `initScripts` run before the app's own scripts on every navigation.
 */
export async function openFreshBrowser(chromiumPath: string, options: { session?: unknown; initScripts?: string[] } = {}): Promise<FreshBrowser> {
    const profile = mkdtempSync(join(tmpdir(), 'review-console-bench-'));
    let context: BrowserContext;
    try {
        context = await chromium.launchPersistentContext(profile, {
            executablePath: chromiumPath,
            headless: true,
            locale: 'en-US',
            viewport: { width: 1440, height: 900 },
            args: CHROMIUM_ARGS,
        });
    } catch (error) {
        rmSync(profile, { recursive: true, force: true });
        throw error;
    }
    if (options.session !== undefined) await context.addInitScript({ content: sessionScript(options.session) });
    for (const script of options.initScripts ?? []) await context.addInitScript({ content: script });
    const page = context.pages()[0] ?? (await context.newPage());
    let session: CDPSession | undefined;
    return {
        context,
        page,
        cdp: async () => (session ??= await context.newCDPSession(page)),
        close: async () => {
            await context.close().catch(() => undefined);
            rmSync(profile, { recursive: true, force: true });
        },
    };
}

/**
 * Polls a JavaScript expression until it is truthy. Not page.waitForFunction: that evaluates its predicate
 * with eval() inside the page, which the console's Content-Security-Policy (script-src 'self') forbids.
 * The polling interval does not enter any figure: the probes take their times in the page.
 */
export async function waitForExpression(page: Page, expression: string, timeoutMs: number, description = expression): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await page.evaluate(expression))) {
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
        await new Promise(done => setTimeout(done, 50));
    }
}

/** Opens a fresh browser, runs `work`, and always closes it. */
export async function withFreshBrowser<T>(chromiumPath: string, options: Parameters<typeof openFreshBrowser>[1], work: (browser: FreshBrowser) => Promise<T>): Promise<T> {
    const browser = await openFreshBrowser(chromiumPath, options);
    try {
        return await work(browser);
    } finally {
        await browser.close();
    }
}
