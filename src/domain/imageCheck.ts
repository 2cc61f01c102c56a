// What a customer's document image must be (DOMAIN: "JPG or PNG, at most 2 MB each"), decided by its bytes, never by
// its file name or declared type: the magic number, then a walk of the whole structure (PNG chunks to IEND with their
// CRCs, JPEG markers from SOI through a frame header to EOI) and the frame's dimensions. Pure: the mock and the review
// server's intake (server/http/routes/intake.ts) both call it.

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** Sides outside this range are no photo of a card or a face (a thumbnail, or a decompression bomb). */
export const MIN_IMAGE_SIDE = 200;
export const MAX_IMAGE_SIDE = 10_000;

export type ImageType = 'image/jpeg' | 'image/png';

/** Why an image is refused: the `fields` problem of the intake's 400 (docs/api.md §6.11). */
export const IMAGE_PROBLEMS = [
    'empty', 'too_large', 'type_svg', 'type_html', 'type_pdf', 'type_gif', 'type_unknown', 'truncated', 'corrupt',
    'dimensions_too_small', 'dimensions_too_large',
] as const;
export type ImageProblem = (typeof IMAGE_PROBLEMS)[number];

export interface ImageFacts {
    type: ImageType;
    width: number;
    height: number;
    /** EXIF orientation (1-8) of a JPEG, 1 when none is recorded; the viewer turns the photo upright by it. */
    orientation: number;
}

export type ImageCheck = ({ ok: true } & ImageFacts) | { ok: false; problem: ImageProblem };

class Refused extends Error {
    constructor(readonly problem: ImageProblem) {
        super(problem);
    }
}
const fail = (problem: ImageProblem): never => {
    throw new Refused(problem);
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, i) => bytes[i] === byte);
const ascii = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));

/** What a non-image file is, from its first bytes (text formats after a BOM and white space). */
function otherType(bytes: Uint8Array): ImageProblem {
    if (ascii(bytes, 0, 5) === '%PDF-') return 'type_pdf';
    if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'type_gif';
    const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
    if (!head.startsWith('<')) return 'type_unknown';
    if (head.includes('<svg')) return 'type_svg';
    return 'type_html';
}

let crcTable: Uint32Array | null = null;
function crc32(bytes: Uint8Array, from: number, to: number): number {
    if (!crcTable) {
        crcTable = new Uint32Array(256);
        for (let n = 0; n < 256; n++) {
            let c = n;
            for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            crcTable[n] = c >>> 0;
        }
    }
    let crc = 0xffffffff;
    for (let i = from; i < to; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}

const VALID_PNG_DEPTHS: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

function readPng(bytes: Uint8Array): ImageFacts {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 8;
    let width = 0;
    let height = 0;
    let dataChunks = 0;
    for (let index = 0; ; index++) {
        if (at + 12 > bytes.length) fail('truncated');
        const length = view.getUint32(at);
        const type = ascii(bytes, at + 4, 4);
        if (!/^[A-Za-z]{4}$/.test(type)) fail('corrupt');
        if (at + 12 + length > bytes.length) fail('truncated');
        if (crc32(bytes, at + 4, at + 8 + length) !== view.getUint32(at + 8 + length)) fail('corrupt');
        if (index === 0) {
            if (type !== 'IHDR' || length !== 13) fail('corrupt');
            width = view.getUint32(at + 8);
            height = view.getUint32(at + 12);
            const depth = bytes[at + 16]!;
            const colour = bytes[at + 17]!;
            if (!VALID_PNG_DEPTHS[colour]?.includes(depth)) fail('corrupt');
        } else if (type === 'IHDR') {
            fail('corrupt');
        }
        if (type === 'IDAT') dataChunks++;
        at += 12 + length;
        if (type === 'IEND') break;
    }
    if (dataChunks === 0) fail('corrupt');
    return { type: 'image/png', width, height, orientation: 1 };
}

/** The orientation tag (0x0112) of an APP1 "Exif" segment's first IFD, or 1. */
function exifOrientation(bytes: Uint8Array, from: number, to: number): number {
    if (ascii(bytes, from, 6) !== 'Exif\0\0') return 1;
    const tiff = from + 6;
    if (tiff + 8 > to) return 1;
    const little = ascii(bytes, tiff, 2) === 'II';
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const u16 = (at: number) => view.getUint16(at, little);
    const ifd = tiff + view.getUint32(tiff + 4, little);
    if (ifd + 2 > to) return 1;
    const count = u16(ifd);
    for (let i = 0; i < count; i++) {
        const entry = ifd + 2 + i * 12;
        if (entry + 12 > to) return 1;
        if (u16(entry) === 0x0112) {
            const value = u16(entry + 8);
            return value >= 1 && value <= 8 ? value : 1;
        }
    }
    return 1;
}

// Start-of-frame markers (baseline, progressive, lossless, arithmetic); C4, C8 and CC are not frames.
const isFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function readJpeg(bytes: Uint8Array): ImageFacts {
    let at = 2;
    let frame: { width: number; height: number } | null = null;
    let orientation = 1;
    for (;;) {
        if (at + 2 > bytes.length) fail('truncated');
        if (bytes[at] !== 0xff) fail('corrupt');
        const marker = bytes[at + 1]!;
        if (marker === 0xff) {
            at++; // fill byte
            continue;
        }
        if (marker === 0xd9) break; // EOI
        if (marker === 0xd8 || marker === 0x00) fail('corrupt');
        if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
            at += 2;
            continue;
        }
        if (at + 4 > bytes.length) fail('truncated');
        const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
        if (length < 2) fail('corrupt');
        const end = at + 2 + length;
        if (end > bytes.length) fail('truncated');
        if (isFrame(marker)) {
            if (length < 8) fail('corrupt');
            frame = { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]! };
        } else if (marker === 0xe1 && orientation === 1) {
            orientation = exifOrientation(bytes, at + 4, end);
        }
        at = end;
        if (marker === 0xda) {
            if (!frame) fail('corrupt');
            // Entropy-coded data runs to the next marker that is neither a stuffed 00 nor a restart marker.
            while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0x00 && !(bytes[at + 1]! >= 0xd0 && bytes[at + 1]! <= 0xd7))) at++;
            if (at + 1 >= bytes.length) fail('truncated');
        }
    }
    if (!frame) fail('corrupt');
    return { type: 'image/jpeg', width: frame!.width, height: frame!.height, orientation };
}

/** Whether `bytes` is a JPEG or PNG photo the intake accepts, and if not, why. */
export function checkImage(bytes: Uint8Array): ImageCheck {
    if (bytes.length === 0) return { ok: false, problem: 'empty' };
    if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, problem: 'too_large' };
    let facts: ImageFacts;
    try {
        if (startsWith(bytes, PNG_SIGNATURE)) facts = readPng(bytes);
        else if (startsWith(bytes, [0xff, 0xd8, 0xff])) facts = readJpeg(bytes);
        else return { ok: false, problem: otherType(bytes) };
    } catch (error) {
        if (error instanceof Refused) return { ok: false, problem: error.problem };
        throw error;
    }
    const { width, height } = facts;
    if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) return { ok: false, problem: 'dimensions_too_small' };
    if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return { ok: false, problem: 'dimensions_too_large' };
    return { ok: true, ...facts };
}
