import { DEMO_INTAKE_KEY } from '../../mocks/app';
import { intakeClient, upload } from '../../scripts/customerApp';
import type { LoginResponse } from '../../src/domain/types';
import { makePhoto, makeSmallPhoto } from '../support/testImages';
import { waitForExpression, withFreshBrowser } from './browser';
import type { ServedApp } from './preview';

// Phase `photo`: a verification submitted through intake with a phone's 2 MB JPEG as the ID card's front, claimed by
// operator1; each run opens its review screen in a fresh profile (cold cache) and times navigation start -> the frame
// after that photo is loaded and decoded in the document viewer.

export interface PhotoRun {
    /** Navigation start to the second animation frame after the decoded photo (on screen), ms. */
    photoMs: number;
    /** Navigation start to the image's response end (Resource Timing), ms. */
    responseEndMs: number | null;
    width: number;
    height: number;
}

/** Watches for the viewer's front image; when it has loaded and decoded, waits two frames and notes the time. */
const PHOTO_PROBE = `(() => {
    window.__photo = null;
    const seen = new WeakSet();
    const watch = () => {
        const img = document.querySelector('img[data-document="idFront"]');
        if (!img || seen.has(img)) return;
        seen.add(img);
        const shown = () => img.decode().catch(() => undefined).then(() => requestAnimationFrame(() => requestAnimationFrame(() => {
            const entry = performance.getEntriesByType('resource').find(e => e.name === img.currentSrc);
            window.__photo = { at: performance.now(), responseEnd: entry ? entry.responseEnd : null, width: img.naturalWidth, height: img.naturalHeight };
        })));
        if (img.complete && img.naturalWidth > 0) shown(); else img.addEventListener('load', shown, { once: true });
    };
    new MutationObserver(watch).observe(document, { childList: true, subtree: true });
})()`;

/** Submits the request and claims it for operator1: answers its id and the photo's size in bytes. */
export async function preparePhotoRequest(apiUrl: string, session: LoginResponse): Promise<{ id: string; bytes: number }> {
    const [front, back, selfie] = await Promise.all([
        makePhoto({ kind: 'id-front', format: 'jpeg', grain: 1, seed: 11, maxQuality: 97 }), makeSmallPhoto('png', 'id-back'), makeSmallPhoto('jpeg', 'selfie'),
    ]);
    const created = await intakeClient(apiUrl, DEMO_INTAKE_KEY).submit('verification', {
        fields: { fullName: '测试 Bench', idNumber: '110101199003070226', mobileNumber: '+6283366660001', contactPhone: '+8613800138000', email: 'bench@example.com', address: '北京市东城区示例路1号' },
        files: { idFront: upload(front, 'front.jpg'), idBack: upload(back, 'back.png'), selfie: upload(selfie, 'selfie.jpg') },
    });
    if (created.status !== 201) throw new Error(`intake answered ${created.status}: ${JSON.stringify(created.body)}`);
    const claimed = await fetch(`${apiUrl}/verifications/${created.body.id}/claim`, { method: 'POST', headers: { Authorization: `Bearer ${session.token}` } });
    if (claimed.status !== 200) throw new Error(`claim answered ${claimed.status}`);
    return { id: created.body.id, bytes: front.length };
}

export async function measurePhotoOnScreen(chromiumPath: string, app: ServedApp, session: unknown, requestId: string): Promise<PhotoRun> {
    return withFreshBrowser(chromiumPath, { session, initScripts: [PHOTO_PROBE] }, async ({ page }) => {
        await page.goto(`${app.url}/#/verifications/${requestId}/show`, { waitUntil: 'commit', timeout: 60_000 });
        await waitForExpression(page, '!!window.__photo', 60_000, 'the 2 MB photo on screen');
        const photo = (await page.evaluate('window.__photo')) as { at: number; responseEnd: number | null; width: number; height: number };
        return { photoMs: Math.round(photo.at), responseEndMs: photo.responseEnd === null ? null : Math.round(photo.responseEnd), width: photo.width, height: photo.height };
    });
}
