import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, signIn } from './browser';

// A fast operator types without waiting for the screen: the keys typed after `a` or `r` while the dialog's code loads,
// the dialog mounts and the reason catalogue arrives reach the dialog, in order (the production build, demo mode: the
// mock answers after 80 ms). No wait between the keys of one task: page.keyboard.press in a row.

const browsers: Awaited<ReturnType<typeof openBrowser>>[] = [];
afterEach(async () => {
    await Promise.all(browsers.splice(0).map(browser => browser.close()));
});

async function signedInQueue() {
    const browser = await openBrowser();
    browsers.push(browser);
    const { page } = browser;
    await page.goto(inject('demoUrl'));
    await signIn(page, 'operator1');
    await page.locator('tbody tr').first().waitFor();
    return page;
}

/** Presses keys one after the other, with no wait in between; counts them. */
function typist(page: Page) {
    let count = 0;
    return {
        async type(...keys: string[]) {
            for (const key of keys) {
                count += 1;
                await page.keyboard.press(key);
            }
        },
        take() {
            const taken = count;
            count = 0;
            return taken;
        },
    };
}

const currentRequest = (page: Page) => page.getByTestId('review-screen').getAttribute('data-request');
/** Waits for the review screen of a request other than `previous`, held by me. */
async function nextScreen(page: Page, previous: string | null) {
    await expect.poll(() => currentRequest(page)).not.toBe(previous);
    await page.getByText('You hold this request').waitFor();
    return (await currentRequest(page))!;
}

/** The request as the API has it, read with the operator's token from inside the page. */
const record = (page: Page, id: string) => page.evaluate(async path => {
    const { token } = JSON.parse(localStorage.getItem('axis-review-session')!);
    return (await fetch(path, { headers: { Authorization: `Bearer ${token}` } })).json();
}, `/api/verifications/${id}`);
const trail = (page: Page, id: string) => page.evaluate(async path => {
    const { token } = JSON.parse(localStorage.getItem('axis-review-session')!);
    return ((await (await fetch(path, { headers: { Authorization: `Bearer ${token}` } })).json()) as { action: string }[]).map(entry => entry.action);
}, `/api/audit?filter=${encodeURIComponent(JSON.stringify({ requestId: id }))}&sort=${encodeURIComponent('["id","ASC"]')}`);

describe('keys typed ahead of the dialog', () => {
    it('review next 1 key, approve 2, a one-reason rejection 3, each typed without waiting', async () => {
        const page = await signedInQueue();
        const keys = typist(page);
        const keystrokes: Record<string, number> = {};

        await keys.type('n');
        const first = await nextScreen(page, null);
        keystrokes.reviewNext = keys.take();

        // The approve dialog's code is not loaded yet: Enter is held until it is mounted.
        await keys.type('a', 'Enter');
        const second = await nextScreen(page, first);
        keystrokes.approve = keys.take();

        // The reject dialog's code and the reason catalogue are not loaded yet: `1` and Enter wait for them.
        await keys.type('r', '1', 'Enter');
        const third = await nextScreen(page, second);
        keystrokes.rejectOneReason = keys.take();

        console.log(`keystrokes per task, typed without waits: ${JSON.stringify(keystrokes)}`);
        expect(keystrokes).toEqual({ reviewNext: 1, approve: 2, rejectOneReason: 3 });
        expect((await record(page, first)).status).toBe('approved');
        expect(await record(page, second)).toMatchObject({ status: 'rejected', decision: { reasons: ['id_expired'] } });
        expect((await record(page, third)).status).toBe('in_review');
    });

    it('a double Enter sends one decision, and the next request stays undecided', async () => {
        const page = await signedInQueue();
        await page.keyboard.press('n');
        const first = await nextScreen(page, null);
        await page.keyboard.press('a');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
        const second = await nextScreen(page, first);
        // Once more with the dialog's code loaded: two Enters on the mounted dialog.
        await page.keyboard.press('a');
        await page.getByRole('dialog', { name: `Approve ${second}?` }).waitFor();
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
        const third = await nextScreen(page, second);
        expect(await trail(page, first)).toEqual(['claim', 'approve']);
        expect(await trail(page, second)).toEqual(['claim', 'approve']);
        expect((await record(page, third)).status).toBe('in_review');
    });

    it('focus returns to where it was when the dialog closes, and Escape typed ahead closes it', async () => {
        const page = await signedInQueue();
        await page.keyboard.press('n');
        const id = await nextScreen(page, null);
        await page.getByTestId('reject').focus();
        await page.keyboard.press('r');
        await page.keyboard.press('Escape');
        // The dialog loaded, took the Escape typed ahead and closed: its draft is kept with no dialog open.
        await expect.poll(() => page.evaluate(key => JSON.parse(sessionStorage.getItem(key) ?? '{}').dialog, `review-draft:${id}`)).toBeNull();
        expect(await page.getByRole('dialog').count()).toBe(0);
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reject');
        await page.getByTestId('approve').focus();
        await page.keyboard.press('a');
        await page.getByRole('dialog', { name: `Approve ${id}?` }).waitFor();
        await page.keyboard.press('Escape');
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('approve');
        expect((await record(page, id)).status).toBe('in_review');
    });

    it('shortcut keys typed into a text field are text', async () => {
        const page = await signedInQueue();
        await page.keyboard.press('n');
        const id = await nextScreen(page, null);
        await page.keyboard.press('r');
        const dialog = page.getByRole('dialog', { name: `Reject ${id}` });
        await dialog.getByTestId('internal-note').click();
        await page.keyboard.type('a1nrl');
        // Typed before the reason catalogue arrived, the keys are held and then replayed into the focused note.
        await expect.poll(() => dialog.getByTestId('internal-note').inputValue()).toBe('a1nrl');
        await dialog.getByRole('checkbox').first().waitFor();
        expect(await dialog.getByRole('checkbox', { checked: true }).count()).toBe(0);
        expect(await currentRequest(page)).toBe(id);
        expect(await page.getByRole('dialog').count()).toBe(1);
    });
});
