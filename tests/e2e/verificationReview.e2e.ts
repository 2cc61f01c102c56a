import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, signIn } from './browser';

// The operator's main job, keyboard only, in real Chromium; and two operators racing for one request.

const browsers: Awaited<ReturnType<typeof openBrowser>>[] = [];
async function newOperator() {
    const browser = await openBrowser();
    browsers.push(browser);
    return browser.page;
}
afterEach(async () => {
    await Promise.all(browsers.splice(0).map(browser => browser.close()));
});

/** Counts every key the operator presses, per task. */
function keyboardCounter(page: Page) {
    let count = 0;
    return {
        press: async (key: string) => {
            count += 1;
            await page.keyboard.press(key);
        },
        take: () => {
            const taken = count;
            count = 0;
            return taken;
        },
    };
}

const currentRequest = (page: Page) => page.getByTestId('review-screen').getAttribute('data-request');
async function waitForRequestOtherThan(page: Page, previous: string | null) {
    await expect.poll(() => currentRequest(page), { timeout: 15_000 }).not.toBe(previous);
    await page.getByText(/You hold this request|该申请由您处理/).waitFor();
    return (await currentRequest(page))!;
}

/** Calls the API from inside the page, with the operator's token, as the console itself does. */
async function api(page: Page, path: string) {
    return page.evaluate(async url => {
        const { token } = JSON.parse(localStorage.getItem('axis-review-session')!);
        const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
        return response.json();
    }, path);
}

describe('working the verification queue with the keyboard only', () => {
    it('approve, reject with two reasons, release, review next, reject with one reason, approve', async () => {
        const page = await newOperator();
        await page.goto(inject('demoUrl'));
        await signIn(page, 'operator1');
        await page.locator('tbody tr').first().waitFor();
        const keys = keyboardCounter(page);
        const keystrokes: Record<string, number> = {};

        await keys.press('n');
        const first = await waitForRequestOtherThan(page, null);
        keystrokes.reviewNext = keys.take();
        await page.getByRole('img', { name: 'ID card front' }).waitFor();
        await screenshot(page, 'review-en');

        await keys.press('a');
        await page.getByRole('dialog', { name: `Approve ${first}?` }).waitFor();
        await keys.press('Enter');
        const second = await waitForRequestOtherThan(page, first);
        keystrokes.approve = keys.take();

        await keys.press('r');
        const rejectDialog = page.getByRole('dialog', { name: `Reject ${second}` });
        await rejectDialog.getByRole('checkbox').nth(2).waitFor();
        await keys.press('1');
        await keys.press('2');
        await screenshot(page, 'reject-dialog-en');
        await keys.press('Control+Enter');
        const third = await waitForRequestOtherThan(page, second);
        keystrokes.rejectTwoReasons = keys.take();

        await keys.press('l');
        await page.getByText(`Released ${third} back to the queue.`).waitFor();
        keystrokes.release = keys.take();

        await keys.press('n');
        const fourth = await waitForRequestOtherThan(page, third);
        keystrokes.reviewNextAfterRelease = keys.take();

        await keys.press('r');
        await page.getByRole('dialog', { name: `Reject ${fourth}` }).getByRole('checkbox').nth(4).waitFor();
        await keys.press('5');
        await keys.press('Control+Enter');
        const fifth = await waitForRequestOtherThan(page, fourth);
        keystrokes.rejectOneReason = keys.take();

        await keys.press('?');
        await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
        await screenshot(page, 'keyboard-help-en');
        await keys.press('Escape');
        await keys.press('a');
        await keys.press('Enter');
        await waitForRequestOtherThan(page, fifth);
        keys.take();

        console.log(`keystrokes per task: ${JSON.stringify(keystrokes)}`);
        expect(keystrokes).toEqual({ reviewNext: 1, approve: 2, rejectTwoReasons: 4, release: 1, reviewNextAfterRelease: 1, rejectOneReason: 3 });

        // The records, the customer messages and the audit trail say exactly that.
        const records = await Promise.all([first, second, third, fourth, fifth].map(id => api(page, `/api/verifications/${id}`)));
        expect(records.map(r => r.status)).toEqual(['approved', 'rejected', 'pending', 'rejected', 'approved']);
        expect(records[1].decision.reasons).toEqual(['id_expired', 'photo_unclear']);
        expect(records[3].decision.reasons).toEqual(['data_mismatch']);
        for (const rejected of [records[1], records[3]]) {
            const greeting = rejected.customerLanguage === 'en' ? `Dear ${rejected.fullName},` : `尊敬的${rejected.fullName}：`;
            expect(rejected.decision.customerMessage.startsWith(greeting)).toBe(true);
        }
        expect(records[1].decision.customerMessage).toContain(records[1].customerLanguage === 'en' ? 'has expired' : '已过有效期');
        const trails = await Promise.all([first, second, third, fourth, fifth].map(id => api(page, `/api/audit?filter=${encodeURIComponent(JSON.stringify({ requestId: id }))}&sort=${encodeURIComponent('["id","ASC"]')}`)));
        expect(trails.map(trail => trail.map((entry: { action: string }) => entry.action))).toEqual([
            ['claim', 'approve'], ['claim', 'reject'], ['claim', 'release'], ['claim', 'reject'], ['claim', 'approve'],
        ]);
        expect(trails.flat().every((entry: { actor: string }) => entry.actor === 'u-operator1')).toBe(true);
        expect(browsers[0]!.cspViolations).toEqual([]);
    });

    it('the review screen and the reject dialog in Chinese', async () => {
        const page = await newOperator();
        await page.goto(inject('demoUrl'));
        await signIn(page, 'operator2');
        await page.locator('tbody tr').first().waitFor();
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('menuitem', { name: '简体中文' }).click();
        await page.getByRole('columnheader', { name: '申请编号' }).waitFor();
        await screenshot(page, 'queue-review-zh');
        await page.keyboard.press('n');
        const id = await waitForRequestOtherThan(page, null);
        await page.getByText('自动检查').waitFor();
        await page.getByRole('img', { name: '身份证人像面' }).waitFor();
        await screenshot(page, 'review-zh');
        await page.keyboard.press('r');
        await page.getByRole('dialog', { name: `驳回 ${id}` }).getByRole('checkbox').first().waitFor();
        await page.keyboard.press('1');
        await screenshot(page, 'reject-dialog-zh');
        expect(await page.getByTestId('retry-or-final').textContent()).toBe('客户可修改后重新提交。');
    });
});

// On the mock over HTTP, and on the review server (PostgreSQL): the same race, the same outcome.
describe.each([
    { backend: 'the mock API', consoleUrl: () => inject('realApiUrl'), apiUrl: () => inject('apiUrl') },
    { backend: 'the review server', consoleUrl: () => inject('reviewServerConsoleUrl'), apiUrl: () => inject('reviewServerUrl') },
])('two operators, one request, on $backend', ({ consoleUrl: consoleOf, apiUrl: apiOf }) => {
    it('only one claim stands, only one decision is recorded, and the other sees who holds it', async () => {
        const [one, two] = await Promise.all([newOperator(), newOperator()]);
        const consoleUrl = consoleOf();
        const apiUrl = apiOf();
        await Promise.all([one.goto(consoleUrl), two.goto(consoleUrl)]);
        await signIn(one, 'operator1');
        await signIn(two, 'operator2');
        await Promise.all([one.locator('tbody tr').first().waitFor(), two.locator('tbody tr').first().waitFor()]);

        // Both press "review next" at the same moment: the server hands out two different requests.
        await Promise.all([one.keyboard.press('n'), two.keyboard.press('n')]);
        const [mine, theirs] = await Promise.all([waitForRequestOtherThan(one, null), waitForRequestOtherThan(two, null)]);
        expect(mine).not.toBe(theirs);

        // Both go for the same pending request.
        const target = (await api(one, `${apiUrl}/verifications?filter=${encodeURIComponent('{"status":"pending"}')}&range=[0,0]`))[0].id as string;
        await Promise.all([one.goto(`${consoleUrl}/#/verifications/${target}/show`), two.goto(`${consoleUrl}/#/verifications/${target}/show`)]);
        await Promise.all([one.getByText('Nobody holds this request. Claim it to decide.').waitFor(), two.getByText('Nobody holds this request. Claim it to decide.').waitFor()]);
        await Promise.all([one.keyboard.press('c'), two.keyboard.press('c')]);
        const status = await api(one, `${apiUrl}/verifications/${target}`);
        const [winner, loser] = status.assignee === 'u-operator1' ? [one, two] : [two, one];
        await winner.getByText(/You hold this request/).waitFor();
        await loser.getByText(/Someone else holds this request|Held by/).first().waitFor();
        expect(await loser.getByTestId('approve').isDisabled()).toBe(true);

        await winner.keyboard.press('a');
        await winner.getByTestId('confirm-approve').dblclick();
        await expect.poll(async () => (await api(one, `${apiUrl}/verifications/${target}`)).status).toBe('approved');
        const trail = await api(one, `${apiUrl}/audit?filter=${encodeURIComponent(JSON.stringify({ requestId: target }))}&sort=${encodeURIComponent('["id","ASC"]')}`);
        expect(trail.map((entry: { action: string }) => entry.action)).toEqual(['claim', 'approve']);
        await screenshot(loser, 'race-loser');
    });
});
