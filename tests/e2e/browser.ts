import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

// A fresh Chromium profile per context, like a new operator's machine; screenshots go to a git-ignored folder.

export const ARTIFACTS = resolve(import.meta.dirname, 'artifacts');

export async function openBrowser(options: { locale?: string } = {}): Promise<{ context: BrowserContext; page: Page; cspViolations: string[]; close: () => Promise<void> }> {
    const profile = mkdtempSync(join(tmpdir(), 'review-console-e2e-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: inject('chromiumPath'),
        headless: true,
        locale: options.locale ?? 'en-US',
        viewport: { width: 1440, height: 900 },
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    // Chromium reports every Content-Security-Policy violation on the console.
    const cspViolations: string[] = [];
    page.on('console', message => {
        if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    return {
        context,
        page,
        cspViolations,
        // Every test that opens a browser fails on a Content-Security-Policy violation, whatever it checks itself.
        close: async () => {
            await context.close();
            rmSync(profile, { recursive: true, force: true });
            if (cspViolations.length > 0) throw new Error(`Content-Security-Policy violations:\n${cspViolations.join('\n')}`);
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
