import sharp from 'sharp';

// Document photos as a phone takes them, generated at run time (never a real person, never a committed binary): an ID
// card's front and back and a bare-headed photo, JPEG or PNG, 3000-4000 px, some turned by EXIF orientation, some
// blurred. Drawn as SVG, rendered and encoded by sharp (a dev dependency).

export type PhotoKind = 'id-front' | 'id-back' | 'selfie';

export interface PhotoOptions {
    kind: PhotoKind;
    format: 'jpeg' | 'png';
    /** The upright picture's size; a card is landscape, a selfie portrait by default. */
    width?: number;
    height?: number;
    /**
     * EXIF orientation 6: the pixels are stored turned 90° counter-clockwise and the tag says "turn 90° clockwise to
     * show" (what a phone held upright writes). Only JPEG carries it here.
     */
    orientation?: 1 | 6;
    /** Gaussian blur sigma: an out-of-focus shot. */
    blur?: number;
    /** Grain (0-1): a real camera's noise, which also makes the file as large as a phone's. */
    grain?: number;
    seed?: number;
    /** The highest JPEG quality tried (88 by default): higher gives a file closer to the 2 MB limit. */
    maxQuality?: number;
}

const escape = (text: string) => text.replace(/[<>&]/g, c => `&#${c.charCodeAt(0)};`);

/** A drawing of a face: circles and paths, so nobody's likeness. */
function faceSvg(cx: number, cy: number, r: number): string {
    return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#e8c3a0"/>`
        + `<path d="M${cx - r} ${cy - r * 0.2} Q${cx} ${cy - r * 1.5} ${cx + r} ${cy - r * 0.2} Z" fill="#2b2118"/>`
        + `<circle cx="${cx - r * 0.35}" cy="${cy}" r="${r * 0.09}" fill="#222"/><circle cx="${cx + r * 0.35}" cy="${cy}" r="${r * 0.09}" fill="#222"/>`
        + `<path d="M${cx - r * 0.3} ${cy + r * 0.45} Q${cx} ${cy + r * 0.65} ${cx + r * 0.3} ${cy + r * 0.45}" stroke="#8a3b2e" stroke-width="${r * 0.06}" fill="none"/>`
        + `<rect x="${cx - r * 1.3}" y="${cy + r * 1.05}" width="${r * 2.6}" height="${r * 1.4}" rx="${r * 0.5}" fill="#35557a"/>`;
}

/** The upright picture as SVG: a card lying on a desk, or a person against a plain wall; `up` marks the top edge. */
function pictureSvg(kind: PhotoKind, width: number, height: number): string {
    const font = `font-family="sans-serif" fill="#1d2a3a"`;
    if (kind === 'selfie') {
        return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`
            + `<defs><linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f4f6f8"/><stop offset="1" stop-color="#cfd6de"/></linearGradient></defs>`
            + `<rect width="100%" height="100%" fill="url(#wall)"/>${faceSvg(width / 2, height * 0.42, Math.min(width, height) * 0.22)}`
            + `<rect x="0" y="0" width="${width}" height="${height * 0.03}" fill="#c0392b"/></svg>`;
    }
    const cw = width * 0.8;
    const ch = cw / 1.585;
    const x = (width - cw) / 2;
    const y = (height - ch) / 2;
    const s = ch / 10;
    const lines = kind === 'id-front'
        ? [['姓名', '测试样张'], ['性别', '女   民族 汉'], ['出生', '1990 年 3 月 7 日'], ['住址', '北京市东城区示例路 1 号'], ['公民身份号码', '110101199003070226']]
        : [['中华人民共和国', ''], ['居民身份证', ''], ['签发机关', '北京市公安局东城分局'], ['有效期限', '2016.03.07-2036.03.07']];
    const text = lines.map(([label, value], i) => `<text x="${x + s * 0.8}" y="${y + s * (1.8 + i * 1.6)}" font-size="${s * 0.7}" ${font}>${escape(label!)}  ${escape(value!)}</text>`).join('');
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`
        + `<defs><linearGradient id="desk" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#8b6a4b"/><stop offset="1" stop-color="#5e4330"/></linearGradient>`
        + `<linearGradient id="card" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#dfeaf2"/><stop offset="1" stop-color="#f2efe2"/></linearGradient></defs>`
        + `<rect width="100%" height="100%" fill="url(#desk)"/>`
        + `<rect x="${x}" y="${y}" width="${cw}" height="${ch}" rx="${s * 0.5}" fill="url(#card)" stroke="#9fb3c4" stroke-width="${s * 0.05}"/>`
        + (kind === 'id-front' ? faceSvg(x + cw * 0.8, y + ch * 0.42, ch * 0.18) : `<circle cx="${x + s * 2}" cy="${y + ch - s * 2}" r="${s}" fill="#c0392b"/>`)
        + text + `<rect x="${x}" y="${y}" width="${cw}" height="${s * 0.3}" fill="#c0392b"/></svg>`;
}

/** Deterministic grain: a grey noise layer (mulberry32), blended over the picture. */
function grainLayer(width: number, height: number, amount: number, seed: number): Promise<Buffer> {
    const w = Math.ceil(width / 4);
    const h = Math.ceil(height / 4);
    const pixels = Buffer.alloc(w * h * 2);
    let state = seed >>> 0;
    for (let i = 0; i < w * h; i++) {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        pixels[i * 2] = Math.round(r * 255);
        pixels[i * 2 + 1] = Math.round(amount * 90);
    }
    return sharp(pixels, { raw: { width: w, height: h, channels: 2 } }).resize(width, height, { kernel: 'nearest' }).png().toBuffer();
}

/** A photo file's bytes, under 2 MB at phone size (JPEG quality is lowered until it fits). */
export async function makePhoto(options: PhotoOptions): Promise<Buffer> {
    const portrait = options.kind === 'selfie';
    const width = options.width ?? (portrait ? 3000 : 4000);
    const height = options.height ?? (portrait ? 4000 : 3000);
    let picture = sharp(Buffer.from(pictureSvg(options.kind, width, height)));
    if (options.grain) picture = sharp(await picture.png().toBuffer()).composite([{ input: await grainLayer(width, height, options.grain, options.seed ?? 1), blend: 'overlay' }]);
    if (options.blur) picture = sharp(await picture.png().toBuffer()).blur(options.blur);
    let upright = await picture.png().toBuffer();
    if (options.orientation === 6) upright = await sharp(upright).rotate(-90).png().toBuffer();
    if (options.format === 'png') return sharp(upright).png({ compressionLevel: 9, palette: true, quality: 80 }).toBuffer();
    const qualities = [97, 95, 93, 91, 89, 88, 80, 70, 60, 50].filter(quality => quality <= (options.maxQuality ?? 88));
    for (const quality of qualities) {
        let encoder = sharp(upright).jpeg({ quality, mozjpeg: false });
        if (options.orientation === 6) encoder = encoder.withMetadata({ orientation: 6 });
        const bytes = await encoder.toBuffer();
        if (bytes.length <= 2 * 1024 * 1024 || quality === 50) return bytes;
    }
    throw new Error('unreachable');
}

/** A photo of more than 2 MB (a 4000 px JPEG with heavy grain at high quality). */
export async function makeOversizedPhoto(): Promise<Buffer> {
    const upright = await sharp(Buffer.from(pictureSvg('selfie', 3000, 4000))).composite([{ input: await grainLayer(3000, 4000, 1, 7), blend: 'overlay' }]).png().toBuffer();
    return sharp(upright).jpeg({ quality: 98 }).toBuffer();
}

/** Small but valid images, for tests that need many quickly. */
export const makeSmallPhoto = (format: 'jpeg' | 'png', kind: PhotoKind = 'id-front') => makePhoto({ kind, format, width: kind === 'selfie' ? 300 : 400, height: kind === 'selfie' ? 400 : 300 });

/** Files that are not photos, with the names a careless or hostile client gives them. */
export const NOT_PHOTOS = {
    svg: Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><script>alert(1)</script><rect width="400" height="300"/></svg>'),
    html: Buffer.from('<!doctype html><html><body><img src=x onerror=alert(1)></body></html>'),
    pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
    gif: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
};
