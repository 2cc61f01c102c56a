// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import {
    idCardBackSvg,
    idCardFrontSvg,
    placeholderSvg,
    portraitSvg,
    type CardBackData,
    type CardFrontData,
    type DocumentFlaw,
} from '../../mocks/documents';

const front: CardFrontData = {
    name: '张三',
    sex: 'male',
    ethnicity: '汉',
    birthDate: '1990-03-07',
    address: '上海市徐汇区漕溪北路一百二十八弄七号楼三零二室',
    idNumber: '31010419900307123X',
    portraitSeed: 42,
};

const back: CardBackData = { authority: '上海市公安局徐汇分局', validFrom: '2015-06-01', validUntil: '2035-06-01' };

const SCRIPT = '<script>alert(1)</script>';
const IMAGE = '"/><image href="javascript:alert(1)"/>';

function parse(svg: string): Document {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    return doc;
}

function field(doc: Document, name: string): string | null | undefined {
    return doc.querySelector(`[data-field="${name}"]`)?.textContent;
}

describe('generated identity documents', () => {
    it('a card front is a standalone SVG with the real card proportions', () => {
        const svg = idCardFrontSvg(front);
        const root = parse(svg).documentElement;
        expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
        expect(root.getAttribute('viewBox')).toBe('0 0 856 540');
        expect(root.getAttribute('width')).toBe('856');
        expect(root.getAttribute('height')).toBe('540');
    });

    it("a card front shows the holder's name and ID number under the printed labels", () => {
        const doc = parse(idCardFrontSvg(front));
        expect(field(doc, 'name')).toBe('张三');
        expect(field(doc, 'idNumber')).toBe('31010419900307123X');
        expect(field(doc, 'sex')).toBe('男');
        expect(field(doc, 'ethnicity')).toBe('汉');
        expect(field(doc, 'birthDate')).toBe('1990 年 3 月 7 日');
        for (const label of ['姓名', '性别', '民族', '出生', '住址', '公民身份号码']) expect(doc.documentElement.textContent).toContain(label);
    });

    it('a female holder is shown as 女 and an unknown sex is left blank', () => {
        expect(field(parse(idCardFrontSvg({ ...front, sex: 'female' })), 'sex')).toBe('女');
        expect(field(parse(idCardFrontSvg({ ...front, sex: null })), 'sex')).toBe('');
    });

    it('a long address wraps over at most three lines of about 11 characters', () => {
        const lines = Array.from(parse(idCardFrontSvg(front)).querySelectorAll('[data-field="address"] tspan'), (t) => t.textContent ?? '');
        expect(lines).toHaveLength(3);
        expect(lines.join('')).toBe(front.address);
        for (const line of lines) expect([...line].length).toBeLessThanOrEqual(11);

        const tooLong = '北京市'.repeat(20);
        const clipped = Array.from(parse(idCardFrontSvg({ ...front, address: tooLong })).querySelectorAll('[data-field="address"] tspan'));
        expect(clipped).toHaveLength(3);
        expect(clipped[2]?.textContent).toMatch(/…$/);
    });

    it('every document is marked as a sample so nobody mistakes it for a real one', () => {
        for (const svg of [idCardFrontSvg(front), idCardBackSvg(back)]) {
            expect(parse(svg).querySelector('[data-watermark]')?.textContent).toBe('SAMPLE 样本');
        }
    });

    it('the card front portrait is drawn by the same code as the standalone portrait', () => {
        const silhouette = (svg: string) => parse(svg).querySelector('[data-part="silhouette"]')?.outerHTML;
        expect(silhouette(idCardFrontSvg(front))).toBe(silhouette(portraitSvg(front.portraitSeed)));
    });

    describe('customer-supplied text is escaped, never markup', () => {
        it.each([SCRIPT, IMAGE, `Tom & Jerry's "café"`])('%s', (hostile) => {
            const svg = idCardFrontSvg({ ...front, name: hostile, address: hostile, ethnicity: hostile, idNumber: hostile });
            expect(svg).not.toContain('<script');
            expect(svg).not.toContain('<image');
            expect(svg).not.toMatch(/\son\w+=/i);
            const doc = parse(svg);
            expect(doc.getElementsByTagName('script')).toHaveLength(0);
            expect(doc.getElementsByTagName('image')).toHaveLength(0);
            expect(field(doc, 'name')).toBe(hostile);
            expect(field(doc, 'address')).toBe(hostile);
            expect(field(doc, 'idNumber')).toBe(hostile);

            const backDoc = parse(idCardBackSvg({ ...back, authority: hostile }));
            expect(field(backDoc, 'authority')).toBe(hostile);
            expect(parse(placeholderSvg(hostile)).querySelector('[data-field="label"]')?.textContent).toBe(hostile);
        });

        it('characters XML cannot represent are replaced instead of breaking the image', () => {
            const doc = parse(idCardFrontSvg({ ...front, name: 'a\u0000b\u001bc' }));
            expect(field(doc, 'name')).toBe('a\uFFFDb\uFFFDc');
        });
    });

    it('a card back shows the issuing authority and validity period', () => {
        const doc = parse(idCardBackSvg(back));
        expect(doc.documentElement.textContent).toContain('中华人民共和国');
        expect(doc.documentElement.textContent).toContain('居民身份证');
        expect(doc.documentElement.textContent).toContain('签发机关');
        expect(doc.documentElement.textContent).toContain('有效期限');
        expect(field(doc, 'authority')).toBe('上海市公安局徐汇分局');
        expect(field(doc, 'validity')).toBe('2015.06.01-2035.06.01');
        expect(doc.querySelector('[data-part="emblem"] polygon')).not.toBeNull();
    });

    it('a long-term card shows 长期', () => {
        expect(field(parse(idCardBackSvg({ ...back, validUntil: 'long_term' })), 'validity')).toBe('2015.06.01-长期');
    });

    it('the same input draws the same image, byte for byte', () => {
        expect(portraitSvg(7)).toBe(portraitSvg(7));
        expect(idCardFrontSvg(front, 'glare')).toBe(idCardFrontSvg({ ...front }, 'glare'));
        expect(idCardBackSvg(back, 'cropped')).toBe(idCardBackSvg({ ...back }, 'cropped'));
    });

    it('the same seed draws the same portrait, different seeds vary it', () => {
        expect(portraitSvg(1)).toBe(portraitSvg(1));
        const variants = new Set([1, 2, 3, 4, 5].map((seed) => portraitSvg(seed)));
        expect(variants.size).toBeGreaterThan(1);
    });

    it('a portrait is a neutral silhouette on a plain background', () => {
        const doc = parse(portraitSvg(3));
        expect(doc.documentElement.getAttribute('viewBox')).toBe('0 0 240 300');
        expect(doc.querySelector('[data-part="silhouette"] ellipse')).not.toBeNull();
        expect(doc.querySelector('[data-obstruction]')).toBeNull();
    });

    it.each(['hat', 'sunglasses', 'mask'] as const)('an obstructed selfie draws the obstruction: %s', (obstructed) => {
        const doc = parse(portraitSvg(3, { obstructed }));
        expect(doc.querySelectorAll('[data-obstruction]')).toHaveLength(1);
        expect(doc.querySelector(`[data-obstruction="${obstructed}"]`)).not.toBeNull();
    });

    describe('each flaw changes the image', () => {
        const expectations: Record<Exclude<DocumentFlaw, 'none'>, (svg: string) => void> = {
            blurred: (svg) => expect(svg).toMatch(/<filter id="[\w-]+"[^>]*><feGaussianBlur/),
            dark: (svg) => expect(svg).toMatch(/<rect [^>]*fill="#000" opacity="0\.6"/),
            glare: (svg) => expect(svg).toMatch(/<radialGradient[\s\S]*stop-color="#fff"/),
            cropped: (svg) => expect(svg).toMatch(/transform="translate\(128\.4 64\.8\)"/),
        };
        for (const [flaw, check] of Object.entries(expectations) as [DocumentFlaw, (svg: string) => void][]) {
            it(flaw, () => {
                for (const [flawed, clean] of [
                    [idCardFrontSvg(front, flaw), idCardFrontSvg(front)],
                    [idCardBackSvg(back, flaw), idCardBackSvg(back, 'none')],
                ]) {
                    expect(flawed).not.toBe(clean);
                    check(flawed ?? '');
                    expect(parse(flawed ?? '').querySelector(`[data-flaw="${flaw}"]`)).not.toBeNull();
                }
            });
        }
        it('none adds no flaw', () => {
            expect(idCardFrontSvg(front, 'none')).toBe(idCardFrontSvg(front));
            expect(idCardFrontSvg(front)).not.toContain('data-flaw');
        });
    });

    it('a missing document is a grey placeholder card with the label', () => {
        const doc = parse(placeholderSvg('身份证背面未上传'));
        expect(doc.documentElement.getAttribute('viewBox')).toBe('0 0 856 540');
        expect(doc.querySelector('[data-field="label"]')?.textContent).toBe('身份证背面未上传');
    });
});
