import { maskPhone } from '../../src/domain/identityMasking';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { HostileReport } from '../../mocks/seed/hostile';
import { openBrowser, screenshot, signIn } from './browser';

// The real-api build in real Chromium against a server whose every customer-supplied field holds hostile text
// (POST /__control/hostile): nothing runs, nothing loads from where it should not, the text shows as typed, the
// layout holds. The server is re-seeded afterwards (the other e2e files share it).

const apiUrl = inject('apiUrl');
const control = (path: string) => fetch(`${new URL(apiUrl).origin}/__control/${path}`, { method: 'POST' });

let report: HostileReport;
let browser: Awaited<ReturnType<typeof openBrowser>>;
const requests: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
    const answer = await control('hostile');
    expect(answer.status).toBe(200);
    report = (await answer.json()) as HostileReport;
    browser = await openBrowser();
    browser.page.on('request', (request: Request) => requests.push(request.url()));
    browser.page.on('dialog', dialog => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
    });
    await sendDocumentAddressesAsStored(browser.page);
});

afterAll(async () => {
    await browser?.close();
    expect((await control('reset')).status).toBe(204);
});

/** What the server stored for a request's field (the hostile value makeHostile wrote). */
const stored = (requestId: string, field: string) => report.assignments.find(a => a.requestId === requestId && a.field === field)?.value;
const idsInOrder = (kind: 'verification' | 'cancellation', field: string) => report.assignments.filter(a => a.kind === kind && a.field === field).map(a => a.requestId);

/**
 * The mock serves document paths as URLs on its own origin; a real backend may send anything. The records' answers
 * get the stored hostile addresses back, so Chromium meets javascript:, data:text/html, foreign hosts and the rest.
 */
async function sendDocumentAddressesAsStored(page: Page) {
    const api = new URL(apiUrl);
    const isRecordRead = (url: URL) => url.host === api.host && /\/(verifications|cancellations)(\/[^/]+)?$/.test(url.pathname);
    // Lists too: react-admin fills its record cache from them, and a review screen opened soon after reads that.
    await page.route(isRecordRead, async route => {
        if (route.request().method() !== 'GET') return route.continue();
        const response = await route.fetch();
        const body = await response.json();
        const patch = (record: Record<string, unknown> & { id: string; documents?: Record<string, string | null> }) => {
            if (record.documents) for (const key of ['idFront', 'idBack', 'selfie']) record.documents[key] = stored(record.id, `documents.${key}`) ?? record.documents[key]!;
            if ('idScan' in record) record.idScan = stored(record.id, 'idScan') ?? record.idScan;
        };
        if (Array.isArray(body)) body.forEach(patch);
        else if (body && typeof body === 'object' && 'id' in body) patch(body);
        await route.fulfill({ response, json: body });
    });
}

const textOf = (page: Page, selector: string) => page.locator(selector).first().evaluate(element => element.textContent);
const hacked = (page: Page) => page.evaluate(() => (window as unknown as Record<string, unknown>).__hacked);

/** The page is no wider than the window: no customer text pushes the layout sideways (wide tables scroll inside). */
async function expectNoHorizontalOverflow(page: Page) {
    const { scrollWidth, innerWidth, offenders } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        offenders: [...document.querySelectorAll('body *')]
            .filter(element => element.getBoundingClientRect().right > window.innerWidth + 1)
            .map(element => `${element.tagName.toLowerCase()}.${String(element.className).slice(0, 40)}`)
            .slice(0, 5),
    }));
    expect(scrollWidth, offenders.join(', ')).toBeLessThanOrEqual(innerWidth);
}

describe('the console against hostile customer data', () => {
    it('shows both queues with the text as typed and the layout intact', async () => {
        const { page } = browser;
        await page.goto(inject('realApiUrl'));
        await signIn(page, 'operator1');
        await page.locator('tbody tr').nth(5).waitFor();
        for (let row = 0; row < 10; row++) {
            const id = await textOf(page, `tbody tr:nth-child(${row + 1}) td:nth-child(1)`);
            expect(await textOf(page, `tbody tr:nth-child(${row + 1}) td:nth-child(2)`)).toBe(stored(id!, 'fullName'));
            // Queues show identity data masked (docs/api.md §6.10), hostile text included.
            expect(await textOf(page, `tbody tr:nth-child(${row + 1}) td:nth-child(3) [data-customer-text]`)).toBe(maskPhone(stored(id!, 'mobileNumber') as string));
        }
        await screenshot(page, 'hostile-queue-en');
        await expectNoHorizontalOverflow(page);

        await page.getByRole('menuitem', { name: /cancellations/i }).click();
        await page.waitForURL(/#\/cancellations/);
        await expect.poll(() => textOf(page, 'tbody tr:nth-child(1) td:nth-child(1)')).toMatch(/^C-/);
        const id = await textOf(page, 'tbody tr:nth-child(1) td:nth-child(1)');
        expect(await textOf(page, 'tbody tr:nth-child(1) td:nth-child(2)')).toBe(stored(id!, 'holderName'));
        await screenshot(page, 'hostile-cancellation-queue-en');
        await expectNoHorizontalOverflow(page);
        expect(await hacked(page)).toBeUndefined();
    });

    it('opens review screens with every document refused, every field verbatim, and nothing run', async () => {
        const { page } = browser;
        // A supervisor sees every request whole (an operator sees those they do not hold masked, without documents).
        await page.evaluate(() => localStorage.removeItem('axis-review-session'));
        await page.goto(inject('realApiUrl'));
        await signIn(page, 'supervisor1');
        await page.getByTestId('dashboard').waitFor();
        const verifications = idsInOrder('verification', 'fullName');
        const longName = report.assignments.find(a => a.kind === 'verification' && a.field === 'fullName' && a.name === 'long-unbroken')!.requestId;
        for (const id of [verifications[0]!, verifications[10]!, verifications[20]!, longName]) {
            await page.goto(`${inject('realApiUrl')}/#/verifications/${id}/show`);
            await page.getByTestId('facts').waitFor();
            for (const [dataField, field] of [['fullName', 'fullName'], ['address', 'address'], ['email', 'email'], ['cardName', 'card.name'], ['idNumber', 'idNumber']]) {
                expect(await textOf(page, `[data-testid="facts"] [data-field="${dataField}"]`), dataField).toBe(stored(id, field!));
            }
            // Every document in the viewer: the unsafe ones say so instead of loading.
            for (let document = 0; document < 3; document++) {
                await page.getByTestId('document-viewer').waitFor();
                await page.locator('[data-testid="document-viewer"] [role="tabpanel"] > *').first().waitFor();
                await page.keyboard.press(']');
            }
            if (id === verifications[0]) await screenshot(page, 'hostile-review-first-en');
            await expect.poll(() => page.getByText('Not shown: the document address is not a safe image URL.').count()).toBeGreaterThan(0);
            await expectNoHorizontalOverflow(page);
            if (id === longName) await screenshot(page, 'hostile-review-long-name-en');
        }
        await screenshot(page, 'hostile-review-en');

        const cancellations = idsInOrder('cancellation', 'holderName');
        for (const id of [cancellations[0]!, cancellations[6]!]) {
            await page.goto(`${inject('realApiUrl')}/#/cancellations/${id}/show`);
            await page.getByTestId('facts').waitFor();
            expect(await textOf(page, '[data-testid="facts"] [data-field="holderName"]')).toBe(stored(id, 'holderName'));
            expect(await textOf(page, '[data-testid="facts"] [data-field="leavingReason"]')).toBe(stored(id, 'leavingReason'));
            await page.getByTestId('document-viewer').waitFor();
            await expectNoHorizontalOverflow(page);
        }
        await screenshot(page, 'hostile-cancellation-review-en');
        expect(await hacked(page)).toBeUndefined();
    });

    it('made no request to an unsafe scheme or a foreign host, opened no dialog and broke no CSP rule', async () => {
        const allowedHosts = new Set([new URL(inject('realApiUrl')).host, new URL(apiUrl).host]);
        const unsafe = requests.filter(url => /^(javascript|vbscript|data:text|file):/i.test(url) || (/^https?:/i.test(url) && !allowedHosts.has(new URL(url).host)));
        expect(unsafe).toEqual([]);
        expect(requests.some(url => url.includes('evil.example'))).toBe(false);
        expect(dialogs).toEqual([]);
        expect(browser.cspViolations).toEqual([]);
        expect(await hacked(browser.page)).toBeUndefined();
    });
});
