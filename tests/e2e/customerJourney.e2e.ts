import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DEMO_INTAKE_KEY } from '../../mocks/app';
import { intakeClient, upload } from '../../scripts/customerApp';
import { REASONS } from '../../src/domain/reasonCatalogue';
import { describeViolations, seriousViolations, settled } from '../support/axe';
import { makePhoto, makeSmallPhoto } from '../support/testImages';
import { openBrowser, signIn } from './browser';

// Issue 14's journey end to end, on the console built for a real API, on both backends (the standalone mock and the
// review server, which the customer app reaches over HTTP; the demo build's API lives inside the browser): the customer
// app (scripts/customerApp.ts) submits a verification with real JPEG and PNG photos; operator1 finds it in the console in
// Chromium, sees the photos and rejects it with a reason the customer may fix, by keyboard; the outbox then holds the
// e-mail and the SMS with that reason in the customer's language (Chinese, while the operator works in English), which
// the review server's sender delivers; the customer app resubmits, and the console shows the new request as attempt 2
// with its previous attempt.

type Backend = { name: string; consoleUrl: string; apiUrl: string; sends: boolean };
const BACKENDS: Backend[] = [
    // The mock keeps notices queued (docs/api.md §9); the review server's own sender delivers them (§8a, every 10 s).
    { name: 'the mock', consoleUrl: inject('realApiUrl'), apiUrl: inject('apiUrl'), sends: false },
    { name: 'the review server', consoleUrl: inject('reviewServerConsoleUrl'), apiUrl: inject('reviewServerUrl'), sends: true },
];

function apiOf(api: string) {
    async function call(method: string, path: string, token?: string, body?: unknown) {
        const response = await fetch(`${api}${path}`, {
            method, headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: response.status, body: await response.json() };
    }
    const login = async (username: string) => (await call('POST', '/auth/login', undefined, { username, password: 'demo' })).body.token as string;
    return { call, login };
}
const query = (value: unknown) => encodeURIComponent(JSON.stringify(value));

let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;
afterEach(async () => {
    await browser?.close();
    browser = undefined;
});

/** Searches the verification queue for `id` as an operator would and opens it. */
async function openFromSearch(page: Page, id: string) {
    await page.getByRole('menuitem', { name: 'Verifications' }).click();
    const search = page.getByPlaceholder('Name, mobile, ID number or request id');
    await search.fill(id);
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.locator('td:first-child').allTextContents().catch(() => [])).toEqual([id]);
    await rows.first().click();
    await expect.poll(() => page.getByTestId('review-screen').getAttribute('data-request').catch(() => null)).toBe(id);
}

const loaded = (page: Page, document: string) =>
    page.locator(`img[data-document="${document}"]`).evaluate((img: HTMLImageElement) => [img.complete && img.naturalWidth > 0, img.naturalWidth, img.naturalHeight]);

describe.each(BACKENDS)('the customer journey through the console, on $name', ({ consoleUrl, apiUrl: api, sends }) => {
    it('submitted with photos, rejected by keyboard, noticed in the customer\'s language, resubmitted as attempt 2', async () => {
        const { call, login } = apiOf(api);
        // The customer app: photos as a phone sends them (a JPEG front, a PNG back, a JPEG selfie), on a number of this run.
        const [front, back, selfie] = await Promise.all([makeSmallPhoto('jpeg'), makeSmallPhoto('png', 'id-back'), makePhoto({ kind: 'selfie', format: 'jpeg', width: 600, height: 800, blur: 6 })]);
        const mobileNumber = `+62838${String(Date.now() % 1e8).padStart(8, '0')}`;
        const fields = {
            fullName: '测试 旅程', idNumber: '110101199003070226', mobileNumber, contactPhone: '+8613800138000', email: `journey.${mobileNumber.slice(-8)}@example.com`,
            address: '北京市东城区示例路1号', customerLanguage: 'zh-CN',
        };
        const customerApp = intakeClient(api, DEMO_INTAKE_KEY);
        const created = await customerApp.submit('verification', { fields, files: { idFront: upload(front, 'IMG_2041.JPG'), idBack: upload(back, 'back.png'), selfie: upload(selfie, 'selfie.jpg') } });
        expect(created).toMatchObject({ status: 201, body: { status: 'pending', attempt: 1, previousId: null } });
        const firstId = created.body.id as string;

        browser = await openBrowser({ viewport: { width: 1280, height: 900 } });
        const { page } = browser;
        await page.goto(consoleUrl);
        await signIn(page, 'operator1');
        await page.locator('tbody tr').first().waitFor();
        await openFromSearch(page, firstId);
        await page.keyboard.press('c');
        await page.getByText('You hold this request').waitFor();

        // The photos, as the customer sent them: each decoded at its own size, served by the API.
        await expect.poll(() => loaded(page, 'idFront')).toEqual([true, 400, 300]);
        await page.getByRole('tab', { name: /ID card back/ }).click();
        await expect.poll(() => loaded(page, 'idBack')).toEqual([true, 400, 300]);
        await page.getByRole('tab', { name: /Bare-headed photo/ }).click();
        await expect.poll(() => loaded(page, 'selfie')).toEqual([true, 600, 800]);
        expect(await page.locator('img[data-document="selfie"]').getAttribute('src')).toContain('/files/');
        // Axe measures colours once transitions have ended (the status chip changes colour on a claim).
        await settled(page);
        const violations = await seriousViolations(page);
        expect(violations, describeViolations('review screen of an intake request', violations)).toEqual([]);

        // Reject by keyboard: r opens the dialog, the reason's number picks it, Ctrl+Enter sends.
        const reason = REASONS.find(entry => entry.id === 'photo_unclear')!;
        const verificationReasons = REASONS.filter(entry => entry.kind === 'verification');
        const key = String(verificationReasons.indexOf(reason) + 1);
        await page.keyboard.press('r');
        const dialog = page.getByRole('dialog', { name: `Reject ${firstId}` });
        await dialog.getByRole('checkbox').nth(verificationReasons.length - 1).waitFor();
        await page.keyboard.press(key);
        await expect.poll(() => dialog.getByRole('checkbox', { name: new RegExp(reason.label.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).isChecked()).toBe(true);
        // The customer message is written in the customer's language, whatever the console's.
        expect(await dialog.getByRole('textbox').first().inputValue()).toContain(reason.template['zh-CN']);
        await page.keyboard.press('Control+Enter');
        await dialog.waitFor({ state: 'detached' });

        const supervisor = await login('supervisor1');
        await expect.poll(async () => (await call('GET', `/verifications/${firstId}`, supervisor)).body.status).toBe('rejected');
        const first = (await call('GET', `/verifications/${firstId}`, supervisor)).body;
        expect(first.decision).toMatchObject({ outcome: 'rejected', reasons: ['photo_unclear'] });
        expect(first.decidedBy).toBe('u-operator1');

        // The outbox, read through the API: one e-mail and one SMS to the customer, in Chinese, with the reason and the way back.
        const notices = await call('GET', `/notices?filter=${query({ requestId: firstId })}&sort=${query(['id', 'ASC'])}`, supervisor);
        expect(notices.status).toBe(200);
        const [email, sms, ...more] = notices.body;
        expect(more).toEqual([]);
        expect(email).toMatchObject({ channel: 'email', language: 'zh-CN', to: fields.email, subject: '【Axis】 您的实名认证未通过', lastError: null });
        expect(sms).toMatchObject({ channel: 'sms', language: 'zh-CN', to: mobileNumber, subject: null, lastError: null });
        for (const notice of [email, sms]) {
            expect(notice.body).toContain(reason.template['zh-CN']);
            expect(notice.body).toContain('重新提交');
            expect(notice.body).not.toContain(reason.template.en);
        }
        expect(email.body).toContain(first.decision.customerMessage);
        const states = async () => (await call('GET', `/notices?filter=${query({ requestId: firstId })}&sort=${query(['id', 'ASC'])}`, supervisor)).body.map((n: { state: string }) => n.state);
        if (sends) await expect.poll(states, { timeout: 30_000 }).toEqual(['sent', 'sent']);
        else expect(await states()).toEqual(['queued', 'queued']);

        // The customer app resubmits with a sharp selfie.
        const sharp = await makePhoto({ kind: 'selfie', format: 'jpeg', width: 600, height: 800 });
        const again = await customerApp.submit('verification', { fields: { ...fields, previousId: firstId }, files: { idFront: upload(front, 'IMG_2041.JPG'), idBack: upload(back, 'back.png'), selfie: upload(sharp, 'selfie2.jpg') } });
        expect(again).toMatchObject({ status: 201, body: { attempt: 2, previousId: firstId } });
        const secondId = again.body.id as string;

        await openFromSearch(page, secondId);
        const facts = page.getByTestId('facts');
        await expect.poll(() => facts.locator('tr').filter({ has: page.locator('th', { hasText: /^Attempt$/ }) }).locator('td').textContent()).toBe('2');
        const previous = page.getByTestId('previous-attempt');
        await previous.waitFor();
        expect(await previous.textContent()).toContain(`Previous attempt ${firstId}`);
        // The reason by its label once the catalogue has loaded (its code until then).
        await expect.poll(() => previous.textContent()).toContain(reason.label.en);
        await settled(page);
        const resubmissionViolations = await seriousViolations(page);
        expect(resubmissionViolations, describeViolations('review screen of a resubmission', resubmissionViolations)).toEqual([]);
        // Its holder sees the previous attempt's photos beside the new ones.
        await page.keyboard.press('c');
        await page.getByText('You hold this request').waitFor();
        for (const name of ['Before Bare-headed photo', 'Now Bare-headed photo']) {
            await expect.poll(() => previous.getByRole('img', { name }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
        }
        await settled(page);
        const heldViolations = await seriousViolations(page);
        expect(heldViolations, describeViolations('review screen of a held resubmission', heldViolations)).toEqual([]);
        await page.keyboard.press('l');
        await page.getByText(`Released ${secondId} back to the queue.`).waitFor();
        // The resubmission tells the customer nothing until it is decided.
        expect((await call('GET', `/notices?filter=${query({ requestId: secondId })}`, supervisor)).body).toEqual([]);
    });
});
