import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, signIn } from './browser';

// A newcomer's first minutes with the built console, in real Chromium.

let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
    browser = await openBrowser();
});
afterEach(() => browser.close());

const queueRows = (page: typeof browser.page) => page.locator('tbody tr');

describe('the console on its embedded mock backend (demo build)', () => {
    it('an operator logs in, sees the verification queue, switches to Chinese and logs out', async () => {
        const { page } = browser;
        await page.goto(inject('demoUrl'));
        await expect.poll(() => page.getByTestId('demo-accounts').textContent()).toContain('operator1, operator2');
        await screenshot(page, 'login-en');

        await signIn(page, 'operator1');
        await queueRows(page).first().waitFor();
        expect(await queueRows(page).count()).toBe(25);
        expect(await page.getByRole('columnheader', { name: 'Request' }).count()).toBe(1);
        expect(await queueRows(page).first().textContent()).toMatch(/^V-\d{6}/);
        expect(await page.getByText(/^1-25 of \d+$/).count()).toBe(1);
        await screenshot(page, 'queue-en');

        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('menuitem', { name: '简体中文' }).click();
        await page.getByRole('columnheader', { name: '申请编号' }).waitFor();
        expect(await page.getByRole('columnheader', { name: '截止时间' }).count()).toBe(1);
        expect(await page.getByRole('menuitem', { name: '实名认证' }).count()).toBe(1);
        expect(await queueRows(page).getByText(/^(待审核|审核中)$/).count()).toBeGreaterThan(0);
        await screenshot(page, 'queue-zh');

        // The language choice survives a reload.
        await page.reload();
        await page.getByRole('columnheader', { name: '申请编号' }).waitFor();

        await page.getByRole('button', { name: '个人资料' }).click();
        await page.getByRole('menuitem', { name: '退出登录' }).click();
        await page.getByLabel('用户名').waitFor();
        expect(await page.getByRole('button', { name: '登录' }).count()).toBe(1);
        await screenshot(page, 'login-zh');

        // The built app runs under a Content-Security-Policy without inline scripts, and nothing violated it.
        const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        expect(policy).toMatch(/script-src 'self'(;|$)/);
        expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
        expect(browser.cspViolations).toEqual([]);
    });

    it('filters and search run on the server and live in the URL', async () => {
        const { page } = browser;
        await page.goto(inject('demoUrl'));
        await signIn(page, 'operator2');
        await queueRows(page).first().waitFor();
        const firstId = (await queueRows(page).first().locator('td').first().textContent())!;
        await page.getByPlaceholder('Name, mobile, ID number or request id').fill(firstId);
        await expect.poll(() => queueRows(page).count()).toBe(1);
        expect(page.url()).toContain(encodeURIComponent(firstId));
        await page.reload();
        await expect.poll(() => queueRows(page).count()).toBe(1);
        expect(await queueRows(page).first().textContent()).toContain(firstId);
    });

    it('an expired session returns the operator to the same page after signing in again', async () => {
        const { page } = browser;
        await page.goto(inject('demoUrl'));
        await signIn(page, 'operator1');
        await queueRows(page).first().waitFor();
        await page.getByRole('menuitem', { name: 'Cancellations' }).click();
        await page.getByRole('columnheader', { name: 'Account holder' }).waitFor();
        // The server forgets the token, as it does when a session expires.
        await page.evaluate(() => {
            const saved = JSON.parse(localStorage.getItem('axis-review-session')!);
            localStorage.setItem('axis-review-session', JSON.stringify({ ...saved, token: 'expired' }));
        });
        await page.getByRole('button', { name: 'Refresh' }).click();
        await page.getByText('Your session has ended. Sign in again to carry on where you were.').waitFor();
        await page.getByLabel(/username/i).waitFor();
        expect(page.url()).toMatch(/#\/login$/);
        await signIn(page, 'operator1');
        await page.getByRole('columnheader', { name: 'Account holder' }).waitFor();
        expect(page.url()).toMatch(/#\/cancellations/);
    });

    it('a supervisor can reset the demo data from the user menu; an operator is not offered it', async () => {
        const { page } = browser;
        await page.goto(inject('demoUrl'));
        await signIn(page, 'operator2');
        await queueRows(page).first().waitFor();
        await page.getByRole('button', { name: 'Profile' }).click();
        const logout = page.getByRole('menuitem', { name: 'Logout' });
        await logout.waitFor();
        expect(await page.getByRole('menuitem', { name: 'Reset demo data' }).count()).toBe(0);
        await logout.click();

        await signIn(page, 'supervisor1');
        await page.getByRole('button', { name: 'Profile' }).click();
        await page.getByRole('menuitem', { name: 'Reset demo data' }).click();
        await page.getByRole('button', { name: 'Confirm' }).click();
        await page.getByText('Demo data reset.').waitFor();
        await page.goto(`${inject('demoUrl')}/#/verifications`);
        await queueRows(page).first().waitFor();
    });
});

describe('the console pointed at another API (VITE_API_URL)', () => {
    it('talks to that API over HTTP across origins and ships no mock worker', async () => {
        const { page } = browser;
        const apiUrl = inject('apiUrl');
        const apiCalls: string[] = [];
        page.on('request', request => {
            if (request.url().startsWith(apiUrl)) apiCalls.push(`${request.method()} ${new URL(request.url()).pathname}`);
        });
        await page.goto(inject('realApiUrl'));
        await page.getByLabel(/username/i).waitFor();
        expect(await page.getByTestId('demo-accounts').count()).toBe(0);
        await signIn(page, 'operator1');
        await queueRows(page).first().waitFor();
        expect(apiCalls).toContain('POST /api/auth/login');
        expect(apiCalls).toContain('GET /api/verifications');
        expect(await page.getByText(/^1-25 of \d+$/).count()).toBe(1);
        expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then(r => r.length))).toBe(0);
        const worker = await page.request.get(`${inject('realApiUrl')}/mockServiceWorker.js`);
        expect(await worker.text()).not.toContain('Mock Service Worker');
        // The policy names the API's origin for data and document images, and nothing was blocked.
        expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain(`connect-src 'self' ${new URL(apiUrl).origin}`);
        expect(browser.cspViolations).toEqual([]);
    });
});
