// Generated, obviously fake identity-document images for the mock backend.
// No real person's data or photo is involved: portraits are grey silhouettes and every card
// carries a "SAMPLE 样本" watermark. Pure and deterministic (no Math.random, no Date.now).

export interface CardFrontData {
    name: string;
    sex: 'male' | 'female' | null;
    ethnicity: string;
    birthDate: string; // YYYY-MM-DD
    address: string;
    idNumber: string;
    portraitSeed: number;
}

export interface CardBackData {
    authority: string; // e.g. 上海市公安局徐汇分局
    validFrom: string; // YYYY-MM-DD
    validUntil: string | 'long_term';
}

export type DocumentFlaw = 'none' | 'blurred' | 'dark' | 'glare' | 'cropped';
export type PortraitObstruction = 'none' | 'hat' | 'sunglasses' | 'mask';

// 85.6 x 54 mm at 10 px/mm, the real card's proportions.
const CARD_W = 856;
const CARD_H = 540;
const CARD_RX = 32;
const PORTRAIT_W = 240;
const PORTRAIT_H = 300;

// Font lists that resolve to an installed CJK face on Linux, macOS and Windows without web fonts.
const SANS = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";
const MONO = "'DejaVu Sans Mono', Menlo, Consolas, 'Courier New', monospace";
const LABEL = '#1f6f9f';
const INK = '#15202b';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// XML 1.0 cannot carry these even as entities, so they are replaced rather than breaking the parse.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Customer-supplied text (names, addresses) is hostile until proven otherwise: escape everything.
function escapeXml(value: string): string {
    return String(value ?? '').replace(INVALID_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

// Rough advance width in em: CJK / full-width glyphs are square, Latin and digits about 0.6.
function widthEm(text: string): number {
    let em = 0;
    for (const ch of text) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
    return em;
}

interface TextOptions {
    x: number;
    y: number;
    size: number;
    fill?: string;
    family?: string;
    weight?: number;
    anchor?: 'start' | 'middle';
    spacing?: number;
    maxWidth?: number;
    field?: string;
    extra?: string;
}

function text(value: string, o: TextOptions): string {
    const spacing = o.spacing ?? 0;
    const width = widthEm(value) * o.size + [...value].length * spacing;
    const attrs = [`x="${o.x}"`, `y="${o.y}"`, `font-size="${o.size}"`, `fill="${o.fill ?? INK}"`];
    if (o.family) attrs.push(`font-family="${o.family}"`);
    if (o.weight) attrs.push(`font-weight="${o.weight}"`);
    if (o.anchor === 'middle') attrs.push('text-anchor="middle"');
    if (spacing) attrs.push(`letter-spacing="${spacing}"`);
    // Squeeze (never clip, never overflow) text that would run into the portrait or off the card.
    if (o.maxWidth !== undefined && width > o.maxWidth) attrs.push(`textLength="${o.maxWidth}" lengthAdjust="spacingAndGlyphs"`);
    if (o.field) attrs.push(`data-field="${o.field}"`);
    if (o.extra) attrs.push(o.extra);
    return `<text ${attrs.join(' ')}>${escapeXml(value)}</text>`;
}

// Greedy wrap by visual width; whatever does not fit in maxLines is elided with "…".
function wrapLines(value: string, perLineEm: number, maxLines: number): string[] {
    const lines: string[] = [];
    let line = '';
    let em = 0;
    for (const ch of String(value ?? '')) {
        const w = widthEm(ch);
        if (line && em + w > perLineEm) {
            lines.push(line);
            line = '';
            em = 0;
        }
        line += ch;
        em += w;
    }
    if (line || lines.length === 0) lines.push(line);
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = [...(kept[maxLines - 1] ?? '')].slice(0, -1).join('') + '…';
    return kept;
}

// mulberry32: a tiny PRNG so the same seed always yields the same portrait.
function rng(seed: number): () => number {
    let a = (Number.isFinite(seed) ? Math.trunc(seed) : 0) >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = Math.imul(a ^ (a >>> 15), a | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function rgb(r: number, g: number, b: number): string {
    return '#' + [r, g, b].map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('');
}

function svgDocument(w: number, h: number, title: string, defs: string, body: string): string {
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${SANS}" role="img" aria-label="${escapeXml(title)}">`,
        `<title>${escapeXml(title)}</title>`,
        defs ? `<defs>${defs}</defs>` : '',
        body,
        '</svg>',
    ].filter(Boolean).join('\n');
}

// Neutral silhouette in a 240x300 box; the seed only nudges greys and head shape, never a face.
function portraitBody(seed: number, obstructed: PortraitObstruction, withBackground: boolean): string {
    const r = rng(seed);
    const grey = 118 + Math.floor(r() * 45);
    const tint = Math.floor(r() * 13) - 6;
    const light = 230 + Math.floor(r() * 18);
    const rx = 46 + Math.floor(r() * 8);
    const ry = 60 + Math.floor(r() * 8);
    const parts = [
        withBackground ? `<rect width="${PORTRAIT_W}" height="${PORTRAIT_H}" fill="${rgb(light - 3, light, light + 4)}"/>` : '',
        `<g fill="${rgb(grey - tint, grey, grey + tint)}" data-part="silhouette">`,
        '<path d="M16 300 C20 238 62 214 120 214 C178 214 220 238 224 300 Z"/>', // shoulders
        '<rect x="100" y="160" width="40" height="64" rx="12"/>', // neck
        `<ellipse cx="120" cy="118" rx="${rx}" ry="${ry}"/>`, // head
        '</g>',
        obstruction(obstructed, rx, ry),
    ];
    return parts.filter(Boolean).join('');
}

// Obstructions a reviewer must reject a selfie for, drawn over the head (centre 120,118).
function obstruction(kind: PortraitObstruction, rx: number, ry: number): string {
    const left = 120 - rx;
    const right = 120 + rx;
    const top = 118 - ry;
    switch (kind) {
        case 'hat':
            return `<g data-obstruction="hat"><rect x="${left + 4}" y="${top - 20}" width="${2 * rx - 8}" height="56" rx="24" fill="#2f3e4e"/>` +
                `<ellipse cx="120" cy="${top + 36}" rx="${rx + 28}" ry="12" fill="#223041"/></g>`;
        case 'sunglasses':
            return '<g data-obstruction="sunglasses" fill="#14181c" stroke="#14181c" stroke-width="3">' +
                '<rect x="78" y="100" width="36" height="24" rx="9"/><rect x="126" y="100" width="36" height="24" rx="9"/>' +
                `<path d="M114 107 Q120 102 126 107 M78 106 L${left} 102 M162 106 L${right} 102" fill="none"/></g>`;
        case 'mask':
            return '<g data-obstruction="mask">' +
                `<path d="M${left + 8} 130 Q120 120 ${right - 8} 130 L${right - 14} 164 Q120 192 ${left + 14} 164 Z" fill="#d3e9f4" stroke="#8db6cc" stroke-width="2"/>` +
                `<path d="M${left + 14} 142 H${right - 14} M${left + 16} 154 H${right - 16} M${left + 8} 132 L${left} 112 M${right - 8} 132 L${right} 112" stroke="#8db6cc" stroke-width="2" fill="none"/></g>`;
        default:
            return '';
    }
}

// Pale card stock with a few guilloche-like waves, as printed security backgrounds have.
function cardBase(kind: string, from: string, to: string): { defs: string; body: string } {
    const waves = [0, 1, 2, 3, 4, 5].map((i) => {
        const y = 70 + i * 80;
        return `<path d="M0 ${y} Q107 ${y - 24} 214 ${y} T428 ${y} T642 ${y} T856 ${y}" fill="none" stroke="#8cc4cf" stroke-opacity="0.35" stroke-width="2"/>`;
    });
    return {
        defs: `<linearGradient id="${kind}-bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>` +
            `<clipPath id="${kind}-clip"><rect width="${CARD_W}" height="${CARD_H}" rx="${CARD_RX}"/></clipPath>`,
        body: `<rect width="${CARD_W}" height="${CARD_H}" rx="${CARD_RX}" fill="url(#${kind}-bg)" stroke="#b7d3dc" stroke-width="2"/>` +
            `<g clip-path="url(#${kind}-clip)">${waves.join('')}</g>`,
    };
}

// Printed last so it sits over portrait and text alike and cannot be cropped out of the middle.
function watermark(): string {
    return text('SAMPLE 样本', { x: CARD_W / 2, y: 300, size: 96, weight: 700, anchor: 'middle', fill: '#c0392b', extra: `fill-opacity="0.16" transform="rotate(-18 ${CARD_W / 2} 280)" data-watermark="true"` });
}

interface Spot { cx: number; cy: number; rx: number; ry: number }

// Wraps the finished card in one of the faults real customer photos have.
function applyFlaw(kind: string, flaw: DocumentFlaw, body: string, glare: Spot): { defs: string; body: string } {
    switch (flaw) {
        case 'blurred':
            return { defs: `<filter id="${kind}-blur" x="-5%" y="-5%" width="110%" height="110%"><feGaussianBlur stdDeviation="3.5"/></filter>`, body: `<g filter="url(#${kind}-blur)" data-flaw="blurred">${body}</g>` };
        case 'dark':
            return { defs: '', body: `${body}<rect width="${CARD_W}" height="${CARD_H}" rx="${CARD_RX}" fill="#000" opacity="0.6" data-flaw="dark"/>` };
        case 'glare':
            return {
                defs: `<radialGradient id="${kind}-glare"><stop offset="0" stop-color="#fff" stop-opacity="0.97"/><stop offset="0.5" stop-color="#fff" stop-opacity="0.8"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>`,
                body: `${body}<ellipse cx="${glare.cx}" cy="${glare.cy}" rx="${glare.rx}" ry="${glare.ry}" fill="url(#${kind}-glare)" data-flaw="glare"/>`,
            };
        case 'cropped':
            // Shift 15% right and 12% down: 1 - 0.85 * 0.88 ≈ 25% of the card leaves the frame.
            return { defs: '', body: `<rect width="${CARD_W}" height="${CARD_H}" fill="#6b5b4e"/><g transform="translate(${CARD_W * 0.15} ${CARD_H * 0.12})" data-flaw="cropped">${body}</g>` };
        default:
            return { defs: '', body };
    }
}

const SEX: Record<string, string> = { male: '男', female: '女' };

function formatBirth(date: string): string {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    return m ? `${m[1]} 年 ${Number(m[2])} 月 ${Number(m[3])} 日` : date;
}

function formatDotted(date: string): string {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    return m ? `${m[1]}.${m[2]}.${m[3]}` : date;
}

export function idCardFrontSvg(data: CardFrontData, flaw: DocumentFlaw = 'none'): string {
    const base = cardBase('front', '#e4f2f8', '#d2ece6');
    const label = (t: string, x: number, y: number) => text(t, { x, y, size: 24, fill: LABEL });
    const value = (field: string, t: string, x: number, y: number, maxWidth: number) => text(t, { x, y, size: 30, field, maxWidth });
    const address = wrapLines(data.address, 11, 3)
        .map((line, i) => `<tspan x="150" dy="${i === 0 ? 0 : 42}">${escapeXml(line)}</tspan>`)
        .join('');
    const body = [
        base.body,
        label('姓名', 60, 110), value('name', data.name, 150, 110, 390),
        label('性别', 60, 180), value('sex', SEX[data.sex ?? ''] ?? '', 150, 180, 60),
        label('民族', 260, 180), value('ethnicity', data.ethnicity, 350, 180, 190),
        label('出生', 60, 250), value('birthDate', formatBirth(data.birthDate), 150, 250, 390),
        label('住址', 60, 320), `<text x="150" y="320" font-size="30" fill="${INK}" data-field="address">${address}</text>`,
        label('公民身份号码', 60, 470),
        text(data.idNumber, { x: 260, y: 472, size: 38, family: MONO, weight: 700, spacing: 4, maxWidth: 560, field: 'idNumber' }),
        `<g transform="translate(560 60) scale(1.05)" data-part="portrait">${portraitBody(data.portraitSeed, 'none', false)}</g>`,
        watermark(),
    ].join('\n');
    const flawed = applyFlaw('front', flaw, body, { cx: 300, cy: 250, rx: 260, ry: 170 });
    return svgDocument(CARD_W, CARD_H, '居民身份证正面（样本）', base.defs + flawed.defs, flawed.body);
}

// Five-pointed star polygon points, alternating outer and inner radius.
function starPoints(cx: number, cy: number, outer: number, inner: number): string {
    return Array.from({ length: 10 }, (_, i) => {
        const radius = i % 2 === 0 ? outer : inner;
        const angle = (-90 + i * 36) * (Math.PI / 180);
        return `${(cx + radius * Math.cos(angle)).toFixed(1)},${(cy + radius * Math.sin(angle)).toFixed(1)}`;
    }).join(' ');
}

export function idCardBackSvg(data: CardBackData, flaw: DocumentFlaw = 'none'): string {
    const base = cardBase('back', '#e8f4f8', '#d7ede9');
    const until = data.validUntil === 'long_term' ? '长期' : formatDotted(data.validUntil);
    const body = [
        base.body,
        // A generic placeholder, deliberately not the national emblem.
        `<g data-part="emblem"><circle cx="150" cy="150" r="80" fill="#fbeee6" stroke="#c0392b" stroke-width="6"/>` +
            `<circle cx="150" cy="150" r="66" fill="none" stroke="#d4a52c" stroke-width="3"/>` +
            `<polygon points="${starPoints(150, 152, 50, 20)}" fill="#d4a52c"/></g>`,
        text('中华人民共和国', { x: 540, y: 140, size: 46, weight: 700, anchor: 'middle', spacing: 10 }),
        text('居民身份证', { x: 540, y: 250, size: 72, weight: 700, anchor: 'middle', spacing: 20 }),
        text('签发机关', { x: 110, y: 400, size: 24, fill: LABEL }),
        text(data.authority, { x: 240, y: 400, size: 30, maxWidth: 560, field: 'authority' }),
        text('有效期限', { x: 110, y: 465, size: 24, fill: LABEL }),
        text(`${formatDotted(data.validFrom)}-${until}`, { x: 240, y: 465, size: 30, maxWidth: 560, field: 'validity' }),
        watermark(),
    ].join('\n');
    const flawed = applyFlaw('back', flaw, body, { cx: 420, cy: 430, rx: 280, ry: 120 });
    return svgDocument(CARD_W, CARD_H, '居民身份证背面（样本）', base.defs + flawed.defs, flawed.body);
}

export function portraitSvg(seed: number, options: { obstructed?: PortraitObstruction } = {}): string {
    const obstructed = options.obstructed ?? 'none';
    const title = obstructed === 'none' ? '免冠照（样本剪影）' : `免冠照（样本剪影，遮挡：${obstructed}）`;
    return svgDocument(PORTRAIT_W, PORTRAIT_H, title, '', portraitBody(seed, obstructed, true));
}

export function placeholderSvg(label: string): string {
    const body = [
        `<rect x="4" y="4" width="${CARD_W - 8}" height="${CARD_H - 8}" rx="${CARD_RX}" fill="#eceff1" stroke="#b0bec5" stroke-width="4" stroke-dasharray="18 12"/>`,
        // A document outline struck through: "nothing was uploaded here".
        '<g fill="none" stroke="#90a4ae" stroke-width="8" stroke-linejoin="round" stroke-linecap="round" data-part="icon">' +
            '<path d="M378 110 H458 L488 140 V260 H378 Z M458 110 V140 H488"/><path d="M360 280 L506 100"/></g>',
        text(label, { x: CARD_W / 2, y: 370, size: 40, weight: 700, anchor: 'middle', fill: '#546e7a', maxWidth: 760, field: 'label' }),
        text('暂无图像 · No image', { x: CARD_W / 2, y: 425, size: 24, anchor: 'middle', fill: '#90a4ae' }),
    ].join('\n');
    return svgDocument(CARD_W, CARD_H, label, '', body);
}
