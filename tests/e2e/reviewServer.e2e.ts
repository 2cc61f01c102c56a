import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, signIn } from './browser';

// The console built against the review server (npm run server: the contract on embedded PostgreSQL, demo data), in real
// Chromium: a newcomer's first decision goes all the way to the database and its audit trail.

let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
    browser = await openBrowser();
});
afterEach(() => browser.close());

/** Calls the review server from inside the page, with the operator's token, as the console itself does. */
const api = (path: string) => browser.page.evaluate(async url => {
    const { token } = JSON.parse(localStorage.getItem('axis-review-session')!);
    return (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).json();
}, `${inject('reviewServerUrl')}${path}`);

describe('the console on the review server (VITE_API_URL)', () => {
    it('an operator signs in, sees the queue, reviews the next request, approves it, and the server records it', async () => {
        const { page } = browser;
        const serverCalls: string[] = [];
        page.on('request', request => {
            if (request.url().startsWith(inject('reviewServerUrl'))) serverCalls.push(`${request.method()} ${new URL(request.url()).pathname}`);
        });
        await page.goto(inject('reviewServerConsoleUrl'));
        await page.getByLabel(/username/i).waitFor();
        expect(await page.getByTestId('demo-accounts').count()).toBe(0);
        await signIn(page, 'operator2');
        await page.locator('tbody tr').first().waitFor();
        expect(await page.getByText(/^1-25 of \d+$/).count()).toBe(1);
        expect(serverCalls).toEqual(expect.arrayContaining(['POST /api/auth/login', 'GET /api/verifications']));

        await page.keyboard.press('n');
        await page.getByText(/You hold this request/).waitFor();
        const id = (await page.getByTestId('review-screen').getAttribute('data-request'))!;
        await page.getByRole('img', { name: 'ID card front' }).waitFor();
        expect(serverCalls).toContain('POST /api/verifications/claim-next');

        await page.keyboard.press('a');
        await page.getByRole('dialog', { name: `Approve ${id}?` }).waitFor();
        await page.keyboard.press('Enter');
        await expect.poll(async () => (await api(`/verifications/${id}`)).status).toBe('approved');
        expect(await api(`/verifications/${id}`)).toMatchObject({ decidedBy: 'u-operator2', decision: { outcome: 'approved' } });
        const trail = await api(`/audit?filter=${encodeURIComponent(JSON.stringify({ requestId: id }))}&sort=${encodeURIComponent('["id","ASC"]')}`);
        expect(trail.map((entry: { action: string; actor: string }) => `${entry.action} by ${entry.actor}`)).toEqual(['claim by u-operator2', 'approve by u-operator2']);
        expect(browser.cspViolations).toEqual([]);
    });
});
