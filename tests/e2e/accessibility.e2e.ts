import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { describeViolations, seriousViolations, settled, type AxeViolation } from '../support/axe';
import { openBrowser, signIn } from './browser';

// Every screen and dialog of the production (demo) build, checked by axe-core against WCAG 2.0/2.1 A and AA:
// no serious and no critical violation, in English, in Chinese and in the dark theme.

interface Variant {
    name: string;
    locale: string;
    colorScheme: 'light' | 'dark';
}
const VARIANTS: Variant[] = [
    { name: 'English', locale: 'en-US', colorScheme: 'light' },
    { name: 'Chinese', locale: 'zh-CN', colorScheme: 'light' },
    { name: 'English, dark theme', locale: 'en-US', colorScheme: 'dark' },
];

let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;
afterEach(async () => {
    await browser?.close();
    browser = undefined;
});

/** Serious + critical violations per screen and variant: printed at the end, for the record. */
const figures: Record<string, Record<string, string>> = {};
afterAll(() => {
    console.log(`axe-core serious+critical violations (rules/nodes) per screen:\n${JSON.stringify(figures, null, 1)}`);
});

/** Audits the page as it is and keeps what it found; the test fails at its end, after every screen was seen. */
function auditor(page: Page, variant: Variant) {
    const found: { screen: string; violations: AxeViolation[] }[] = [];
    return {
        check: async (screen: string) => {
            await settled(page);
            const violations = await seriousViolations(page);
            (figures[screen] ??= {})[variant.name] = `${violations.length}/${violations.reduce((sum, v) => sum + v.nodes.length, 0)}`;
            found.push({ screen, violations });
        },
        expectClean: () => {
            const report = found.filter(f => f.violations.length > 0).map(f => describeViolations(`${variant.name}, ${f.screen}`, f.violations)).join('\n');
            expect(report).toBe('');
        },
    };
}

async function open(variant: Variant) {
    browser = await openBrowser({ locale: variant.locale, colorScheme: variant.colorScheme });
    return browser.page;
}

async function api<T>(page: Page, path: string): Promise<T> {
    return page.evaluate(async url => {
        const { token } = JSON.parse(localStorage.getItem('axis-review-session')!);
        return (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).json();
    }, `/api${path}`);
}

const held = (page: Page) => page.getByText(/You hold this request|该申请由您处理/).waitFor();
const dialog = (page: Page) => page.getByRole('dialog');
async function closeDialog(page: Page) {
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
}

async function logout(page: Page) {
    await page.getByRole('button', { name: /^(Profile|个人资料)/ }).click();
    await page.getByRole('menuitem', { name: /^(Logout|退出登录)$/ }).click();
    await page.getByLabel(/username|用户名/i).waitFor();
}

interface CancellationRecord { id: string; status: string; account: { balance: number; refundRequested: boolean; refundSettled: boolean; boundDevices: unknown[]; openItems: unknown[] }; requiresSecondApproval: boolean }
const ready = (c: CancellationRecord) => c.account.openItems.length === 0 && c.account.boundDevices.length === 0 && (c.account.balance === 0 || (c.account.refundRequested && c.account.refundSettled));

describe.each(VARIANTS)('no serious or critical accessibility violation ($name)', variant => {
    it('on the operator\'s screens and dialogs', async () => {
        const page = await open(variant);
        const axe = auditor(page, variant);
        await page.goto(inject('demoUrl'));
        await page.getByLabel(/username|用户名/i).waitFor();
        await axe.check('login');

        await signIn(page, 'operator1');
        await page.locator('tbody tr').first().waitFor();
        await axe.check('verification queue');

        await page.keyboard.press('n');
        await held(page);
        await page.getByTestId('review-screen').locator('img').first().waitFor();
        await axe.check('verification review');
        await page.keyboard.press('a');
        await page.getByTestId('confirm-approve').waitFor();
        await axe.check('approve dialog');
        await closeDialog(page);
        await page.keyboard.press('r');
        await dialog(page).getByRole('checkbox').first().waitFor();
        await page.keyboard.press('1');
        await axe.check('reject dialog');
        await closeDialog(page);
        await page.keyboard.press('?');
        await dialog(page).waitFor();
        await axe.check('keyboard help');
        await closeDialog(page);

        await page.goto(`${inject('demoUrl')}/#/cancellations`);
        await page.locator('tbody tr').first().waitFor();
        await axe.check('cancellation queue');
        const pending = await api<CancellationRecord[]>(page, `/cancellations?filter=${encodeURIComponent('{"status":"pending"}')}&range=[0,199]`);
        const small = pending.find(c => ready(c) && !c.requiresSecondApproval)!;
        await page.goto(`${inject('demoUrl')}/#/cancellations/${small.id}/show`);
        await page.getByTestId('approve').waitFor();
        await page.keyboard.press('c');
        await held(page);
        await axe.check('cancellation review');
        await page.keyboard.press('a');
        await dialog(page).getByTestId('irreversible').waitFor();
        await axe.check('number release confirm dialog');
        await closeDialog(page);
        await page.keyboard.press('r');
        await dialog(page).getByRole('checkbox').first().waitFor();
        await axe.check('cancellation reject dialog');
        await closeDialog(page);
        axe.expectClean();
    });

    it('on the supervisor\'s screens and dialogs', async () => {
        const page = await open(variant);
        const axe = auditor(page, variant);
        await page.goto(inject('demoUrl'));
        // operator1 decides one request and holds the next: something to sample and a claim to take back.
        await signIn(page, 'operator1');
        await page.locator('tbody tr').first().waitFor();
        await page.keyboard.press('n');
        await held(page);
        const decided = await page.getByTestId('review-screen').getAttribute('data-request');
        await page.keyboard.press('a');
        await page.getByTestId('confirm-approve').waitFor();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByTestId('review-screen').getAttribute('data-request')).not.toBe(decided);
        await held(page);
        const heldByOperator = (await page.getByTestId('review-screen').getAttribute('data-request'))!;
        await logout(page);

        await signIn(page, 'supervisor1');
        await page.getByTestId('team-table').waitFor();
        await page.getByTestId('team-charts').waitFor();
        await axe.check('dashboard');

        await page.goto(`${inject('demoUrl')}/#/verifications/${heldByOperator}/show`);
        await page.getByTestId('take-back').waitFor();
        await axe.check('verification review (supervisor)');
        await page.getByTestId('take-back').click();
        await dialog(page).waitFor();
        await axe.check('take back dialog');
        await closeDialog(page);
        await page.getByTestId('reassign').click();
        await dialog(page).getByTestId('reassign-to').waitFor({ state: 'attached' });
        await axe.check('reassign dialog');
        await closeDialog(page);

        const awaiting = await api<CancellationRecord[]>(page, `/cancellations?filter=${encodeURIComponent('{"status":"awaiting_second_approval"}')}&range=[0,0]`);
        await page.goto(`${inject('demoUrl')}/#/cancellations/${awaiting[0]!.id}/show`);
        await page.getByTestId('second-approval').waitFor();
        await axe.check('cancellation review (second approval)');
        await page.keyboard.press('a');
        await dialog(page).getByTestId('irreversible').waitFor();
        await axe.check('second approval dialog');
        await closeDialog(page);
        await page.keyboard.press('b');
        await dialog(page).getByTestId('confirm-send-back').waitFor();
        await axe.check('send back dialog');
        await closeDialog(page);

        await page.goto(`${inject('demoUrl')}/#/audit`);
        await page.locator('tbody tr').first().waitFor();
        await axe.check('audit trail');

        await page.goto(`${inject('demoUrl')}/#/quality-reviews`);
        await page.getByTestId('draw-sample').waitFor();
        await axe.check('quality review list');
        await page.getByTestId('draw-sample').click();
        await dialog(page).getByTestId('sample-percent').waitFor();
        await axe.check('draw sample dialog');
        await dialog(page).getByRole('combobox').first().click();
        await page.getByRole('option', { name: /Lin Xiao/ }).click();
        await page.getByTestId('sample-percent').fill('100');
        await page.getByTestId('confirm-draw').click();
        await page.locator('tbody tr').first().waitFor();
        await page.locator('tbody tr').first().click();
        await page.getByTestId('verdict-panel').waitFor();
        await axe.check('quality blind re-review');
        axe.expectClean();
    }, 180_000);
});

/** What has focus now, as the test ids or names the tests use. */
const focused = (page: Page) => page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return element?.dataset.testid ?? element?.getAttribute('aria-label') ?? element?.tagName ?? null;
});

/** operator1, signed in on the demo build, reviewing the next request (claimed with `n`). */
async function reviewingAsOperator1(): Promise<Page> {
    const page = await open(VARIANTS[0]!);
    await page.goto(inject('demoUrl'));
    await signIn(page, 'operator1');
    await page.locator('tbody tr').first().waitFor();
    await page.keyboard.press('n');
    await held(page);
    return page;
}

describe('keyboard focus', () => {
    it('is visible: the focused control has a ring of at least 2px', async () => {
        const page = await reviewingAsOperator1();
        await page.getByTestId('approve').focus();
        // Focus moved by the keyboard, as a keyboard user moves it (a click shows no ring).
        await page.keyboard.press('Tab');
        await expect.poll(() => focused(page)).toBe('reject');
        const ring = await page.evaluate(() => {
            const style = getComputedStyle(document.activeElement!);
            return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
        });
        expect(ring.style).toBe('solid');
        expect(ring.width).toBeGreaterThanOrEqual(2);
    });

    it('returns to the control that opened a dialog when the dialog closes', async () => {
        const page = await reviewingAsOperator1();
        for (const button of ['approve', 'reject']) {
            await page.getByTestId(button).click();
            await dialog(page).waitFor();
            await closeDialog(page);
            await expect.poll(() => focused(page)).toBe(button);
        }
        await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
        await dialog(page).waitFor();
        await closeDialog(page);
        await expect.poll(() => focused(page)).toBe('Keyboard shortcuts');
        // A dialog opened by its shortcut returns focus to the button that the shortcut stands for.
        for (const [key, button] of [['a', 'approve'], ['r', 'reject']] as const) {
            await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
            await page.keyboard.press(key);
            await dialog(page).waitFor();
            await closeDialog(page);
            await expect.poll(() => focused(page)).toBe(button);
        }
    });
});
