import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, signIn } from './browser';

// The layout on the window widths operators use, in both languages, checked on the boxes Chromium laid out:
// identifiers, numbers and times stay on one line, and a wide table never loses a column.

const WIDTHS = [1280, 1440, 1920];
const LOCALES = [{ name: 'en', locale: 'en-US' }, { name: 'zh', locale: 'zh-CN' }];

let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;
afterEach(async () => {
    await browser?.close();
    browser = undefined;
});

/**
 * Cells of these columns whose text runs over more than one line, as "column: text". A line is a band of the page:
 * the text's boxes (one per line fragment) all share one band when nothing wrapped.
 */
const wrappedCells = (page: Page, columns: string[]) => page.evaluate(columns => {
    const wraps = (cell: Element) => {
        const boxes: DOMRect[] = [];
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent?.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            boxes.push(...[...range.getClientRects()].filter(box => box.width > 0));
        }
        if (boxes.length === 0) return false;
        return Math.max(...boxes.map(box => box.top)) >= Math.min(...boxes.map(box => box.bottom)) - 1;
    };
    const cells = columns.flatMap(column => [...document.querySelectorAll(`td.column-${CSS.escape(column)}`)].map(cell => ({ column, cell })));
    return { checked: cells.length, wrapped: cells.filter(({ cell }) => wraps(cell)).map(({ column, cell }) => `${column}: ${cell.textContent}`) };
}, columns);

/** The team table's last column is inside its card, or the box around the table scrolls sideways to it. */
const teamTableFits = (page: Page) => page.getByTestId('team-table').evaluate(table => {
    const card = table.closest('.MuiCard-root')!;
    const right = table.getBoundingClientRect().right;
    const scroller = table.parentElement!;
    const scrolls = scroller.scrollWidth > scroller.clientWidth && ['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX);
    return { inCard: right <= card.getBoundingClientRect().right + 1, scrolls, cardRight: card.getBoundingClientRect().right, tableRight: right };
});

/** Team cells (numbers) that run over more than one line. */
const wrappedTeamCells = (page: Page) => page.getByTestId('team-table').evaluate(table =>
    [...table.querySelectorAll('td')].filter(cell => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const boxes = [...range.getClientRects()].filter(box => box.width > 0);
        return boxes.length > 0 && Math.max(...boxes.map(b => b.top)) >= Math.min(...boxes.map(b => b.bottom)) - 1;
    }).map(cell => cell.textContent));

const QUEUE_COLUMNS = {
    verifications: ['id', 'mobileNumber', 'status', 'dueAt', 'attempt', 'failedChecks', 'submittedAt'],
    cancellations: ['id', 'mobileNumber', 'status', 'dueAt', 'account.balance', 'account.boundDevices', 'account.openItems', 'submittedAt'],
};

describe.each(LOCALES)('the layout at 1280, 1440 and 1920 px wide ($name)', ({ name, locale }) => {
    it('no identifier, number or time in the queues wraps; the dashboard\'s team table shows every column', async () => {
        browser = await openBrowser({ locale });
        const { page } = browser;
        await page.goto(inject('demoUrl'));
        await signIn(page, 'operator1');
        for (const resource of ['verifications', 'cancellations'] as const) {
            await page.goto(`${inject('demoUrl')}/#/${resource}`);
            await page.locator('tbody tr').nth(24).waitFor();
            for (const width of WIDTHS) {
                await page.setViewportSize({ width, height: 900 });
                const { checked, wrapped } = await wrappedCells(page, QUEUE_COLUMNS[resource]);
                expect(checked).toBe(25 * QUEUE_COLUMNS[resource].length);
                expect(wrapped, `${resource} at ${width} px`).toEqual([]);
                if (width !== 1440) await screenshot(page, `layout-${resource}-${width}-${name}`);
            }
        }

        await page.getByRole('button', { name: /^(Profile|个人资料)/ }).click();
        await page.getByRole('menuitem', { name: /^(Logout|退出登录)$/ }).click();
        await signIn(page, 'supervisor1');
        await page.getByTestId('team-table').waitFor();
        await page.getByTestId('team-charts').waitFor();
        for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: 900 });
            const fit = await teamTableFits(page);
            expect(fit.inCard || fit.scrolls, `team table at ${width} px: ${JSON.stringify(fit)}`).toBe(true);
            expect(await wrappedTeamCells(page), `team table at ${width} px`).toEqual([]);
            if (width !== 1440) await screenshot(page, `layout-dashboard-${width}-${name}`);
        }
    });
});
