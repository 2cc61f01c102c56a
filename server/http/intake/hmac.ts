import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

// HMAC-SHA-256 for signed document URLs, synchronous: URLs are signed while a record is presented (present.ts is
// synchronous) in Node and in the demo's browser worker alike, where Web Crypto is async only. @noble/hashes does the
// hashing (audited, no dependencies); this module only turns text into bytes and bytes into URL text.

const utf8 = new TextEncoder();

export function hmacSha256(key: string, message: string): Uint8Array {
    return hmac(sha256, utf8.encode(key), utf8.encode(message));
}

/** base64url without padding. */
export function base64Url(bytes: Uint8Array): string {
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const toHex = (bytes: Uint8Array) => [...bytes].map(byte => byte.toString(16).padStart(2, '0')).join('');

/** Compares two strings in time independent of where they differ. */
export function sameText(a: string, b: string): boolean {
    if (a.length !== b.length) return false;
    let difference = 0;
    for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
    return difference === 0;
}
