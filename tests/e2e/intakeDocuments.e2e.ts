import sharp from 'sharp';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DEMO_INTAKE_KEY } from '../../mocks/app';
import { intakeClient, upload } from '../../scripts/customerApp';
import { makePhoto, makeSmallPhoto } from '../support/testImages';
import { openBrowser, signIn } from './browser';

// A request submitted through intake, with a phone's photo whose pixels lie on their side and whose EXIF orientation (6)
// says "turn 90° clockwise": its claim holder sees it upright in the console's document viewer, in real Chromium.

const browsers: Awaited<ReturnType<typeof openBrowser>>[] = [];
afterEach(async () => {
    await Promise.all(browsers.splice(0).map(browser => browser.close()));
});

/** Mean red and green of a band of the image: the top rows or the left columns. */
async function band(png: Buffer, edge: 'top' | 'left') {
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const depth = Math.max(2, Math.floor((edge === 'top' ? info.height : info.width) * 0.015));
    let red = 0;
    let green = 0;
    let n = 0;
    for (let y = 0; y < (edge === 'top' ? depth : info.height); y++) {
        for (let x = 0; x < (edge === 'top' ? info.width : depth); x++) {
            const at = (y * info.width + x) * 3;
            red += data[at]!;
            green += data[at + 1]!;
            n++;
        }
    }
    return { red: red / n, green: green / n };
}

describe('documents submitted through intake', () => {
    it('shows an EXIF-rotated phone photo upright to the claim holder', async () => {
        const [selfie, front, back] = await Promise.all([
            makePhoto({ kind: 'selfie', format: 'jpeg', orientation: 6, grain: 0.3 }), makeSmallPhoto('jpeg'), makeSmallPhoto('png', 'id-back'),
        ]);
        const stored = await sharp(selfie).metadata();
        // On disk the photo is landscape: only its orientation tag makes it a portrait.
        expect([stored.width, stored.height, stored.orientation]).toEqual([4000, 3000, 6]);
        // Control: read as stored, without its tag, the red band is on the left edge, so the check below tells the two apart.
        const sideways = await sharp(selfie).resize(800).png().toBuffer();
        const [sidewaysTop, sidewaysLeft] = await Promise.all([band(sideways, 'top'), band(sideways, 'left')]);
        expect(sidewaysLeft.red - sidewaysLeft.green).toBeGreaterThan(80);
        expect(sidewaysTop.red - sidewaysTop.green).toBeLessThan(40);
        const created = await intakeClient(inject('apiUrl'), DEMO_INTAKE_KEY).submit('verification', {
            fields: { fullName: '测试 Upright', idNumber: '110101199003070226', mobileNumber: '+6283177770001', contactPhone: '+8613800138000', email: 'upright@example.com', address: '北京市东城区示例路1号' },
            files: { idFront: upload(front, 'front.jpg'), idBack: upload(back, 'back.png'), selfie: upload(selfie, 'IMG_0001.JPG') },
        });
        expect(created.status).toBe(201);

        const browser = await openBrowser();
        browsers.push(browser);
        const { page } = browser;
        await page.goto(inject('realApiUrl'));
        await signIn(page, 'operator1');
        await page.locator('tbody tr').first().waitFor();
        await page.goto(`${inject('realApiUrl')}/#/verifications/${created.body.id}/show`);
        await page.getByTestId('review-screen').waitFor();
        await page.keyboard.press('c');
        await page.getByText(/You hold this request|该申请由您处理/).waitFor();
        // As the claim's holder the record comes whole, with document URLs signed for operator1.
        await page.locator('img[data-document="idFront"]').waitFor();
        await page.getByRole('tab', { name: /Bare-headed photo/ }).click();
        const image = page.locator('img[data-document="selfie"]');
        await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 15_000 }).toBe(true);

        // Chromium applies the orientation: a portrait, 3000 x 4000, with the red band the picture has at its top on top.
        expect(await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight, getComputedStyle(img).imageOrientation])).toEqual([3000, 4000, 'from-image']);
        const box = (await image.boundingBox())!;
        expect(box.height).toBeGreaterThan(box.width);
        const shot = await image.screenshot();
        const [top, left] = await Promise.all([band(shot, 'top'), band(shot, 'left')]);
        expect(top.red - top.green).toBeGreaterThan(80);
        expect(left.red - left.green).toBeLessThan(40);
        expect(await image.getAttribute('src')).toContain('viewer=u-operator1');
    }, 120_000);
});
