// @vitest-environment node
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkImage, MAX_IMAGE_BYTES } from '../../src/domain/imageCheck';
import { makeOversizedPhoto, makePhoto, makeSmallPhoto, NOT_PHOTOS } from '../support/testImages';

// The intake's image rule, on files sharp really encodes (tests/support/testImages.ts), and on files that only pretend.

const problem = (bytes: Uint8Array) => {
    const result = checkImage(bytes);
    return result.ok ? 'ok' : result.problem;
};

describe('the image check', () => {
    let jpeg: Buffer;
    let png: Buffer;
    beforeAll(async () => {
        [jpeg, png] = await Promise.all([makeSmallPhoto('jpeg'), makeSmallPhoto('png')]);
    });

    it('accepts a JPEG and a PNG by their bytes, with their type and size', () => {
        expect(checkImage(jpeg)).toEqual({ ok: true, type: 'image/jpeg', width: 400, height: 300, orientation: 1 });
        expect(checkImage(png)).toEqual({ ok: true, type: 'image/png', width: 400, height: 300, orientation: 1 });
    });

    it('accepts phone-size photos under 2 MB, reads EXIF orientation, and agrees with sharp on the dimensions', async () => {
        const photos = await Promise.all([
            makePhoto({ kind: 'id-front', format: 'jpeg', grain: 0.5 }),
            makePhoto({ kind: 'selfie', format: 'jpeg', orientation: 6, blur: 6 }),
            makePhoto({ kind: 'id-back', format: 'png' }),
        ]);
        for (const bytes of photos) {
            const result = checkImage(bytes);
            const meta = await sharp(bytes).metadata();
            expect(bytes.length).toBeLessThanOrEqual(MAX_IMAGE_BYTES);
            expect(result).toMatchObject({ ok: true, width: meta.width, height: meta.height, orientation: meta.orientation ?? 1 });
            expect(Math.max(meta.width, meta.height)).toBeGreaterThanOrEqual(3000);
        }
        expect(checkImage(photos[1]!)).toMatchObject({ orientation: 6, width: 4000, height: 3000 });
    }, 60_000);

    it('refuses SVG, HTML, PDF and GIF whatever they are called, each with its own reason', () => {
        expect(problem(NOT_PHOTOS.svg)).toBe('type_svg');
        expect(problem(Buffer.concat([Buffer.from('\uFEFF  \n'), NOT_PHOTOS.svg]))).toBe('type_svg');
        expect(problem(NOT_PHOTOS.html)).toBe('type_html');
        expect(problem(NOT_PHOTOS.pdf)).toBe('type_pdf');
        expect(problem(NOT_PHOTOS.gif)).toBe('type_gif');
        expect(problem(Buffer.from('just some text'))).toBe('type_unknown');
        expect(problem(new Uint8Array(0))).toBe('empty');
    });

    it('refuses a file above 2 MB before looking inside', async () => {
        const big = await makeOversizedPhoto();
        expect(big.length).toBeGreaterThan(MAX_IMAGE_BYTES);
        expect(problem(big)).toBe('too_large');
    }, 60_000);

    it('refuses truncated files at any cut', () => {
        for (const bytes of [jpeg, png]) {
            for (const keep of [0.1, 0.5, 0.9, 0.999]) expect(problem(bytes.subarray(0, Math.floor(bytes.length * keep)))).toBe('truncated');
            expect(problem(bytes.subarray(0, bytes.length - 2))).toBe('truncated');
        }
        expect(problem(jpeg.subarray(0, 3))).toBe('truncated');
    });

    it('refuses a PNG whose chunk was altered (CRC) and a JPEG without a frame header', () => {
        const altered = Buffer.from(png);
        altered[40] = altered[40]! ^ 0xff;
        expect(problem(altered)).toBe('corrupt');
        // SOI then EOI: a JPEG's magic number with nothing to decode.
        expect(problem(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBe('corrupt');
        const headerless = Buffer.from(png);
        headerless.write('IHDX', 12, 'latin1');
        expect(problem(headerless)).toBe('corrupt');
    });

    it('refuses dimensions no photo of a card or face has', async () => {
        const tiny = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#888' } }).jpeg().toBuffer();
        const strip = await sharp({ create: { width: 12_000, height: 200, channels: 3, background: '#888' } }).png().toBuffer();
        expect(problem(tiny)).toBe('dimensions_too_small');
        expect(problem(strip)).toBe('dimensions_too_large');
    });
});
