import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from '../support/chromium';

// A fresh Chromium profile per context, like a new operator's machine; screenshots go to a git-ignored folder.

export const ARTIFACTS = resolve(import.meta.dirname, 'artifacts');

export interface E2eBrowser {
    context: BrowserContext;
    page: Page;
    /** Content-Security-Policy violations Chromium reported. */
    cspViolations: string[];
    /** Uncaught errors, and everything the console's own code (or React) wrote to console.error. */
    consoleErrors: string[];
    close: () => Promise<void>;
}

/**
 * Chromium's own report of an answer with an error status ("Failed to load resource: ... 409"): the API saying no,
 * which the tests provoke on purpose and check on screen. Not the console's code failing.
 */
const isNetworkReport = (message: ConsoleMessage) => message.text().startsWith('Failed to load resource:');
/** react-admin's development build logs every refused data provider call (an HttpError with the API's error code). */
const isApiRefusalLog = (message: ConsoleMessage) => /^\w+: app\.errors\.[a-z_]+\n/.test(message.text());

export async function openBrowser(options: { locale?: string; viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {}): Promise<E2eBrowser> {
    const profile = mkdtempSync(join(tmpdir(), 'review-console-e2e-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: inject('chromiumPath'),
        headless: true,
        locale: options.locale ?? 'en-US',
        viewport: options.viewport ?? { width: 1440, height: 900 },
        colorScheme: options.colorScheme ?? 'light',
        args: CHROMIUM_ARGS,
    });
    const cspViolations: string[] = [];
    const consoleErrors: string[] = [];
    const watch = (page: Page) => {
        page.on('console', message => {
            // Chromium reports every Content-Security-Policy violation on the console.
            if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
            else if (message.type() === 'error' && !isNetworkReport(message) && !isApiRefusalLog(message)) consoleErrors.push(message.text());
        });
        page.on('pageerror', error => consoleErrors.push(`uncaught: ${error.stack ?? error.message}`));
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    const page = context.pages()[0] ?? (await context.newPage());
    return {
        context,
        page,
        cspViolations,
        consoleErrors,
        // Every test that opens a browser fails on a CSP violation, an uncaught error or a console error (React's
        // warnings among them, in the development build), whatever it checks itself.
        close: async () => {
            await context.close();
            rmSync(profile, { recursive: true, force: true });
            const problems = [
                ...cspViolations.map(text => `Content-Security-Policy violation: ${text}`),
                ...consoleErrors.map(text => `console error: ${text}`),
            ];
            if (problems.length > 0) throw new Error(`The browser console was not clean:\n${problems.join('\n')}`);
        },
    };
}

export async function screenshot(page: Page, name: string) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

export async function signIn(page: Page, username: string, password = 'demo') {
    await page.getByLabel(/username|用户名/i).fill(username);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('button[type="submit"]').click();
}
