// @vitest-environment node
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_URL_TTL_MS, linkProblem, signDocumentPath } from '../../server/http/documentLinks';
import { hmacSha256, toHex } from '../../server/http/intake/hmac';

// Signed document URLs (docs/api.md §6.6): what makes one valid, and that its HMAC is the standard one.

const secret = 'a-document-secret-of-at-least-32-characters';
const path = 'files/0123456789abcdef0123456789abcdef.jpg';
const now = new Date('2026-12-07T03:00:20.000Z');
const query = (url: string) => new URLSearchParams(url.split('?')[1]);

describe('document links', () => {
    it('signs with the standard HMAC-SHA-256 (as Node computes it), text as UTF-8, on empty, block-edge, long and non-ASCII input', () => {
        for (const message of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'y'.repeat(1000), '中文 files/…']) {
            expect(toHex(hmacSha256(secret, message))).toBe(createHmac('sha256', secret).update(message).digest('hex'));
            expect(toHex(hmacSha256('k'.repeat(100), message))).toBe(createHmac('sha256', 'k'.repeat(100)).update(message).digest('hex'));
        }
    });

    it('holds for its viewer until it expires, a few minutes later rounded up to the minute', () => {
        const url = signDocumentPath(secret, path, 'u-operator1', now);
        const expires = Number(query(url).get('expires'));
        expect(expires).toBe(Date.parse('2026-12-07T03:06:00.000Z'));
        expect(expires - now.getTime()).toBeGreaterThanOrEqual(DOCUMENT_URL_TTL_MS);
        expect(linkProblem(secret, path, query(url), now)).toBeNull();
        expect(linkProblem(secret, path, query(url), new Date(expires - 1))).toBeNull();
        expect(linkProblem(secret, path, query(url), new Date(expires))).toBe('expired');
        // Within the same minute the same URL: the browser's cache holds across refetches.
        expect(signDocumentPath(secret, path, 'u-operator1', new Date(now.getTime() + 30_000))).toBe(url);
    });

    it('is refused when any part is altered, missing, signed with another secret, or dated beyond the rule', () => {
        const url = signDocumentPath(secret, path, 'u-operator1', now);
        const altered = (name: string, value: string | null) => {
            const params = query(url);
            if (value === null) params.delete(name);
            else params.set(name, value);
            return linkProblem(secret, path, params, now);
        };
        expect(linkProblem(secret, path.replace('.jpg', '.png'), query(url), now)).toBe('invalid_signature');
        expect(altered('viewer', 'u-supervisor1')).toBe('invalid_signature');
        expect(altered('expires', String(Number(query(url).get('expires')) + 60_000))).toBe('invalid_signature');
        const sig = query(url).get('sig')!;
        expect(altered('sig', `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`)).toBe('invalid_signature');
        for (const name of ['viewer', 'expires', 'sig']) expect(altered(name, null)).toBe('invalid_signature');
        expect(linkProblem(`${secret}x`, path, query(url), now)).toBe('invalid_signature');
        const farAhead = signDocumentPath(secret, path, 'u-operator1', new Date(now.getTime() + 60 * 60_000));
        expect(linkProblem(secret, path, query(farAhead), now)).toBe('invalid_signature');
    });
});
