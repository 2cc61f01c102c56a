import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, signIn } from './browser';

// A supervisor answers "who decided what, when, why, and how well" in real Chromium.

let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
    browser = await openBrowser();
});
afterEach(() => browser.close());

async function logout(page: Page) {
    await page.getByRole('button', { name: 'Profile' }).click();
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await page.getByLabel(/username/i).waitFor();
}

const decisionsOf = async (page: Page, operatorId: string) => {
    const cell = page.getByTestId('team-table').locator(`[data-operator="${operatorId}"] [data-column="decisions"]`);
    return (await cell.count()) === 0 ? 0 : Number(await cell.textContent());
};

/** datetime-local wants the browser's local wall time. */
const localMinute = (page: Page, instant: Date) => page.evaluate(ms => {
    const date = new Date(ms);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}, instant.getTime());

describe('supervision, end to end', () => {
    it('decisions show in the audit trail, the CSV, the dashboard and quality sampling', async () => {
        const { page } = browser;
        const started = new Date(Date.now() - 60_000);
        await page.goto(inject('demoUrl'));

        // The supervisor's home page before.
        await signIn(page, 'supervisor1');
        await page.getByTestId('team-table').waitFor();
        const before = await decisionsOf(page, 'u-operator1');
        await logout(page);

        // An operator decides three requests with the keyboard.
        await signIn(page, 'operator1');
        await page.locator('tbody tr').first().waitFor();
        const decided: string[] = [];
        await page.keyboard.press('n');
        for (const keys of [['a', 'Enter'], ['a', 'Enter'], ['r', '1', 'Control+Enter']]) {
            await page.getByText(/You hold this request/).waitFor();
            const id = (await page.getByTestId('review-screen').getAttribute('data-request'))!;
            decided.push(id);
            await page.keyboard.press(keys[0]!);
            await page.getByRole('dialog').waitFor();
            if (keys[0] === 'r') await page.getByRole('dialog').getByRole('checkbox').first().waitFor();
            for (const key of keys.slice(1)) await page.keyboard.press(key);
            await expect.poll(() => page.getByTestId('review-screen').getAttribute('data-request')).not.toBe(id);
        }
        await logout(page);

        // The supervisor finds them by operator and date.
        await signIn(page, 'supervisor1');
        await page.getByTestId('team-table').waitFor();
        await expect.poll(() => decisionsOf(page, 'u-operator1')).toBe(before + 3);
        await screenshot(page, 'dashboard-en');
        await page.getByRole('menuitem', { name: 'Audit trail' }).click();
        await page.locator('tbody tr').first().waitFor();
        await page.getByLabel('Who').click();
        await page.getByRole('option', { name: '林晓 Lin Xiao' }).click();
        await page.getByLabel('From').fill(await localMinute(page, started));
        // Three decisions, each after its claim; the console also claims ahead while the operator decides (docs/api.md §7),
        // and a resubmission's holder reads the attempt before it (a view entry): those rows are not counted exactly.
        const rowsOf = async () => (await page.locator('tbody tr').allTextContents());
        await expect.poll(async () => { const shown = await rowsOf(); return decided.every(id => shown.filter(row => row.includes(id)).length === 2) && shown.every(row => row.includes('林晓 Lin Xiao')); }).toBe(true);
        await screenshot(page, 'audit-en');
        const rows = await page.locator('tbody tr').allTextContents();
        for (const id of decided) expect(rows.filter(row => row.includes(id))).toHaveLength(2);

        // The server's CSV (docs/api.md §6.11) holds exactly the filtered rows, with the API's field names and values.
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-masked').click()]);
        const csv = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
        expect(csv[0]).toBe('id,at,actor,action,requestKind,requestId,fromStatus,toStatus,reasons,note,assignee');
        expect(csv).toHaveLength(1 + (await page.locator('tbody tr').count()));
        expect(csv.slice(1).every(line => line.includes(',u-operator1,'))).toBe(true);
        expect(csv.filter(line => line.includes(',reject,verification,'))).toHaveLength(1);

        // Quality sampling: all of operator1's decisions in range, reviewed blind.
        await page.getByRole('menuitem', { name: 'Quality reviews' }).click();
        await page.getByTestId('draw-sample').click();
        await page.getByRole('dialog').getByRole('combobox').first().click();
        await page.getByRole('option', { name: '林晓 Lin Xiao' }).click();
        await page.getByTestId('sample-percent').fill('100');
        await page.getByTestId('confirm-draw').click();
        await page.getByText(/decisions? drawn for review/).waitFor();
        await screenshot(page, 'quality-drawn-en');
        await page.locator('tbody tr').first().click();
        await page.getByTestId('verdict-panel').waitFor();
        expect(await page.getByTestId('revealed-outcome').count()).toBe(0);
        await screenshot(page, 'quality-blind-en');
        await page.getByTestId('agree').click();
        await page.getByTestId('revealed-outcome').waitFor();
        expect(await page.getByTestId('revealed-outcome').textContent()).toMatch(/The original decision: (Approved|Rejected)/);
    }, 180_000);

    it('the dashboard and the audit trail in Chinese', async () => {
        const { page } = browser;
        await page.goto(inject('demoUrl'));
        await signIn(page, 'supervisor1');
        await page.getByTestId('team-table').waitFor();
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('menuitem', { name: '简体中文' }).click();
        await page.getByText('最常用的驳回原因').waitFor();
        await page.getByTestId('team-charts').waitFor();
        await screenshot(page, 'dashboard-zh');
        await page.getByRole('menuitem', { name: '审计记录' }).click();
        await page.getByRole('columnheader', { name: '操作人' }).waitFor();
        await screenshot(page, 'audit-zh');
    });
});
