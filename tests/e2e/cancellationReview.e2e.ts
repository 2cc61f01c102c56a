import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, signIn } from './browser';

// Cancellations in real Chromium: preconditions first, typed digits before a number is released, four eyes on large refunds.

let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeEach(async () => {
    browser = await openBrowser();
});
afterEach(() => browser.close());

async function api<T = any>(page: Page, path: string): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
    return page.evaluate(async url => {
        const { token } = JSON.parse(localStorage.getItem('axis-review-session')!);
        return (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).json();
    }, `/api${path}`);
}

interface CancellationRecord { id: string; mobileNumber: string; status: string; account: { balance: number; refundRequested: boolean; refundSettled: boolean; boundDevices: unknown[]; openItems: unknown[] }; requiresSecondApproval: boolean }

async function openAndClaim(page: Page, id: string) {
    await page.goto(`${inject('demoUrl')}/#/cancellations/${id}/show`);
    await page.getByText('Nobody holds this request. Claim it to decide.').waitFor();
    await page.keyboard.press('c');
    await page.getByText(/You hold this request/).waitFor({ timeout: 10_000 }).catch(async error => {
        await screenshot(page, `failed-claim-${id}`);
        throw error;
    });
}

describe('the cancellation queue, end to end', () => {
    it('reject for unpaid bills, approve a ready one by typing the digits, send a large refund to a supervisor who completes it', async () => {
        const { page } = browser;
        await page.goto(inject('demoUrl'));
        await signIn(page, 'operator1');
        await page.locator('tbody tr').first().waitFor();
        await page.getByRole('menuitem', { name: 'Cancellations' }).click();
        await page.getByRole('columnheader', { name: 'Balance' }).waitFor();
        await screenshot(page, 'cancellation-queue-en');

        const pending = await api<CancellationRecord[]>(page, `/cancellations?filter=${encodeURIComponent('{"status":"pending"}')}&range=[0,199]`);
        const withBills = pending.find(c => c.account.openItems.length > 0)!;
        const ready = (c: CancellationRecord) => c.account.openItems.length === 0 && c.account.boundDevices.length === 0 && (c.account.balance === 0 || (c.account.refundRequested && c.account.refundSettled));
        const small = pending.find(c => ready(c) && !c.requiresSecondApproval)!;
        const large = pending.find(c => ready(c) && c.requiresSecondApproval)!;
        expect([withBills, small, large].every(Boolean)).toBe(true);

        // 1. Unpaid bills: reject with the matching reason.
        await openAndClaim(page, withBills.id);
        await page.getByRole('switch', { name: 'Open the next request after a decision' }).click();
        expect(await page.getByTestId('approve').isDisabled()).toBe(true);
        await screenshot(page, 'cancellation-review-blocked-en');
        await page.keyboard.press('r');
        await page.getByRole('dialog', { name: `Reject ${withBills.id}` }).getByText('3. Unpaid bills or open orders').waitFor();
        await page.keyboard.press('3');
        await page.keyboard.press('Control+Enter');
        await page.getByText(`Rejected ${withBills.id}.`).waitFor();

        // 2. All preconditions met: approval asks for the last four digits.
        await openAndClaim(page, small.id);
        await page.keyboard.press('a');
        const approve = page.getByRole('dialog', { name: `Approve ${small.id}?` });
        await approve.getByTestId('irreversible').waitFor();
        expect(await approve.getByTestId('confirm-approve').isDisabled()).toBe(true);
        await page.keyboard.type(small.mobileNumber.slice(-4));
        await screenshot(page, 'cancellation-approve-digits-en');
        await page.keyboard.press('Control+Enter');
        await page.getByTestId('number-released').waitFor();

        // 3. A large refund: the operator's approval goes to a supervisor.
        await openAndClaim(page, large.id);
        await page.keyboard.press('a');
        await page.getByRole('dialog', { name: `Approve ${large.id}?` }).getByTestId('four-eyes-notice').waitFor();
        await page.keyboard.press('Enter');
        await page.getByTestId('second-approval').waitFor();
        expect((await api<CancellationRecord & { numberReleasedAt: string | null }>(page, `/cancellations/${large.id}`)).numberReleasedAt).toBeNull();

        // 4. The supervisor completes it.
        await page.getByRole('button', { name: 'Profile' }).click();
        await page.getByRole('menuitem', { name: 'Logout' }).click();
        await signIn(page, 'supervisor1');
        await page.locator('tbody tr').first().waitFor();
        await page.goto(`${inject('demoUrl')}/#/cancellations/${large.id}/show`);
        await page.getByTestId('second-approval').waitFor();
        await screenshot(page, 'cancellation-second-approval-en');
        await page.keyboard.press('a');
        await page.getByRole('dialog', { name: `Approve ${large.id}?` }).getByTestId('irreversible').waitFor();
        await page.keyboard.type(large.mobileNumber.slice(-4));
        await page.keyboard.press('Control+Enter');
        await page.getByTestId('number-released').waitFor();

        // The audit trail shows all of it, each request's entries in order. (Across requests the order may vary: the
        // console claims the next request ahead while the operator looks at one, docs/api.md §7 "Claim ahead".)
        const trail = await api<{ requestId: string; action: string; actor: string; toStatus: string }[]>(page,
            `/audit?filter=${encodeURIComponent(JSON.stringify({ requestKind: 'cancellation', at_gte: new Date(Date.now() - 3_600_000).toISOString() }))}&sort=${encodeURIComponent('["id","ASC"]')}&range=[0,99]`);
        const of = (id: string) => trail.filter(e => e.requestId === id).map(e => `${e.action} ${e.actor} ${e.toStatus}`);
        expect(of(withBills.id)).toEqual(['claim u-operator1 in_review', 'reject u-operator1 rejected']);
        expect(of(small.id)).toEqual(['claim u-operator1 in_review', 'approve u-operator1 approved']);
        expect(of(large.id)).toEqual([
            'claim u-operator1 in_review',
            'approve u-operator1 awaiting_second_approval',
            'view u-supervisor1 awaiting_second_approval', // the supervisor opened it whole: who looked (§6.10)
            'second_approve u-supervisor1 approved',
        ]);
    });

    it('the cancellation screens in Chinese', async () => {
        const { page } = browser;
        await page.goto(inject('demoUrl'));
        await signIn(page, 'operator2');
        await page.locator('tbody tr').first().waitFor();
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('menuitem', { name: '简体中文' }).click();
        await page.getByRole('menuitem', { name: '注销申请' }).click();
        await page.getByRole('columnheader', { name: '余额' }).waitFor();
        await screenshot(page, 'cancellation-queue-zh');
        const pending = await api<CancellationRecord[]>(page, `/cancellations?filter=${encodeURIComponent('{"status":"pending"}')}&range=[0,99]`);
        const blocked = pending.find(c => c.account.boundDevices.length > 0)!;
        await page.goto(`${inject('demoUrl')}/#/cancellations/${blocked.id}/show`);
        await page.getByText('通过前的必要条件').waitFor();
        await page.getByText('所有设备均已解绑').waitFor();
        await screenshot(page, 'cancellation-review-zh');
    });
});
