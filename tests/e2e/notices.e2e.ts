import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { describeViolations, seriousViolations } from '../support/axe';
import { openBrowser, signIn } from './browser';

// Customer notices in the request's timeline (docs/api.md §6.11), in real Chromium on the console built for a real API
// (the standalone mock): a supervisor finds the requests whose notice failed and sees each notice's channel, state and
// why it failed, in English and Chinese. The outbox's sender is driven through the mock's control route.

const api = inject('apiUrl');
const origin = new URL(api).origin;

async function call(method: string, path: string, token?: string, body?: unknown) {
    const response = await fetch(`${api}${path}`, {
        method, headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.json();
}
const login = async (username: string) => (await call('POST', '/auth/login', undefined, { username, password: 'demo' })).token as string;
const sendOutbox = async (body: { fail?: string; maxAttempts?: number }) =>
    (await fetch(`${origin}/__control/notices/send`, { method: 'POST', body: JSON.stringify(body) })).json();

/** operator1 decides a pending zh-CN verification (reject with a retry reason, or approve); answers its id. */
async function decide(token: string, action: 'reject' | 'approve', taken: Set<string>) {
    const pending = await call('GET', `/verifications?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}&range=${encodeURIComponent('[0,199]')}`, token);
    const record = pending.find((r: { id: string; customerLanguage: string }) => r.customerLanguage === 'zh-CN' && !taken.has(r.id));
    taken.add(record.id);
    const claimed = await call('POST', `/verifications/${record.id}/claim`, token);
    await call('POST', `/verifications/${record.id}/${action}`, token, { version: claimed.version, ...(action === 'reject' ? { reasons: ['photo_unclear'] } : {}) });
    return record.id as string;
}

let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;
afterEach(async () => {
    await browser?.close();
    browser = undefined;
});

const noticeStates = (page: Page) => page.getByTestId('timeline-notice').evaluateAll(items => items.map(item => item.getAttribute('data-state')));

describe('customer notices in the console', () => {
    it('a supervisor filters the requests whose notice failed and reads each notice in the timeline, in English and Chinese', async () => {
        const operator = await login('operator1');
        const taken = new Set<string>();
        await sendOutbox({});
        const failed = await decide(operator, 'reject', taken);
        expect(await sendOutbox({ fail: 'smtp gateway refused: 451', maxAttempts: 1 })).toMatchObject({ failed: 2 });
        const retrying = await decide(operator, 'reject', taken);
        expect(await sendOutbox({ fail: 'sms gateway timeout' })).toMatchObject({ retried: 2 });
        const sent = await decide(operator, 'approve', taken);
        // The retrying one is not due yet: only the approval's notices go.
        expect(await sendOutbox({})).toMatchObject({ sent: 2 });
        // A cancellation approved while the number pool is down: approved, not released.
        await fetch(`${origin}/__control/number-release`, { method: 'PUT', body: JSON.stringify({ fail: 'number pool unreachable' }) });
        const ready = (await call('GET', `/cancellations?filter=${encodeURIComponent(JSON.stringify({ status: 'pending', readyToApprove: true }))}&range=${encodeURIComponent('[0,199]')}`, operator))
            .find((r: { requiresSecondApproval: boolean }) => !r.requiresSecondApproval);
        const claimedCancellation = await call('POST', `/cancellations/${ready.id}/claim`, operator);
        expect(await call('POST', `/cancellations/${ready.id}/approve`, operator, { version: claimedCancellation.version })).toMatchObject({ status: 'approved', numberReleasedAt: null });
        await fetch(`${origin}/__control/number-release`, { method: 'PUT', body: JSON.stringify({ fail: null }) });

        for (const { locale, width, lang } of [
            { locale: 'en-US', width: 1280, lang: 'en' }, { locale: 'en-US', width: 1920, lang: 'en' },
            { locale: 'zh-CN', width: 1280, lang: 'zh' }, { locale: 'zh-CN', width: 1920, lang: 'zh' },
        ]) {
            browser = await openBrowser({ locale, viewport: { width, height: 1000 } });
            const { page } = browser;
            await page.goto(`${inject('realApiUrl')}/#/verifications?filter=${encodeURIComponent(JSON.stringify({ noticeFailed: true }))}`);
            await signIn(page, 'supervisor1');
            await page.locator('tbody tr').first().waitFor();
            await expect.poll(() => page.locator('tbody tr td:first-child').allTextContents().catch(() => [])).toContain(failed);
            expect(await page.locator('tbody tr').count()).toBe(1);

            await page.goto(`${inject('realApiUrl')}/#/verifications/${failed}/show`);
            await page.getByTestId('timeline-notice').first().waitFor();
            expect(await noticeStates(page)).toEqual(['failed', 'failed']);
            const timeline = page.getByTestId('timeline');
            const text = await timeline.textContent();
            if (lang === 'en') {
                expect(text).toContain('E-mail to customer · Failed');
                expect(text).toContain('SMS to customer · Failed');
                expect(text).toContain('Not delivered after 1 attempts: smtp gateway refused: 451');
            } else {
                expect(text).toContain('客户邮件 · 发送失败');
                expect(text).toContain('客户短信 · 发送失败');
                expect(text).toContain('1 次尝试后仍未送达：smtp gateway refused: 451');
            }
            // Identity data: the supervisor sees the request whole, so the notice's address too.
            await timeline.scrollIntoViewIfNeeded();
            await page.screenshot({ path: `/tmp/notices-timeline-${lang}-${width}.png` });
            const violations = await seriousViolations(page);
            expect(violations, describeViolations(`timeline with notices (${lang}, ${width})`, violations)).toEqual([]);

            if (width === 1280) {
                await page.goto(`${inject('realApiUrl')}/#/verifications/${retrying}/show`);
                await page.getByTestId('timeline-notice').first().waitFor();
                expect(await noticeStates(page)).toEqual(['queued', 'queued']);
                expect(await page.getByTestId('timeline').textContent()).toContain(lang === 'en' ? 'Attempt 1 failed (sms gateway timeout); next try' : '第 1 次发送失败（sms gateway timeout）；下次重试');
                await page.goto(`${inject('realApiUrl')}/#/verifications/${sent}/show`);
                await page.getByTestId('timeline-notice').first().waitFor();
                expect(await noticeStates(page)).toEqual(['sent', 'sent']);
            }
            if (width === 1280) {
                await page.goto(`${inject('realApiUrl')}/#/cancellations?filter=${encodeURIComponent(JSON.stringify({ releasePending: true }))}`);
                await expect.poll(() => page.locator('tbody tr td:first-child').allTextContents().catch(() => [])).toEqual([ready.id]);
                await page.goto(`${inject('realApiUrl')}/#/cancellations/${ready.id}/show`);
                const warning = page.getByTestId('number-release-pending');
                await warning.waitFor();
                expect(await warning.textContent()).toContain(lang === 'en' ? 'Approved, but the number is not released yet: 1 attempt(s) failed (number pool unreachable)' : '已通过，但号码尚未释放：1 次尝试失败（number pool unreachable）');
                await warning.scrollIntoViewIfNeeded();
                await page.screenshot({ path: `/tmp/number-release-pending-${lang}-${width}.png` });
                const releaseViolations = await seriousViolations(page);
                expect(releaseViolations, describeViolations(`pending release (${lang})`, releaseViolations)).toEqual([]);
            }
            await browser.close();
            browser = undefined;
        }
    });
});
