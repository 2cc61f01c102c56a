// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isSafeImageUrl } from '../../src/common/safeImageUrl';

describe('isSafeImageUrl', () => {
    describe('accepts absolute image addresses', () => {
        it.each([
            ['an https URL', 'https://files.example.com/requests/42/id_front.jpg'],
            ['an https URL with a signed query string', 'https://oss.example.cn/a/b.png?Expires=1700000000&Signature=abc%2B%3D'],
            ['an http URL (local mock API)', 'http://127.0.0.1:5173/documents/id_back.png'],
            ['an upper-case scheme', 'HTTPS://FILES.EXAMPLE.COM/ID.PNG'],
            ['a blob URL', 'blob:https://console.example.com/6f1c2a9e-1d7b-4f5e-9a3c-2b8d7e6f5a41'],
            ['a base64 data:image URL', 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='],
            ['a data:image URL with parameters and mixed case', 'DATA:Image/JPEG;charset=binary;base64,/9j/4AAQSkZJRg=='],
            ['a plain data:image URL', 'data:image/webp,RIFF'],
        ])('%s', (_name, url) => {
            expect(isSafeImageUrl(url)).toBe(true);
        });
    });

    describe('refuses hostile or unusable values', () => {
        it.each<[string, unknown]>([
            ['a javascript: URL', 'javascript:alert(1)'],
            ['a mixed-case javascript: URL', 'JaVaScRiPt:alert(1)'],
            ['a javascript: URL with leading whitespace', ' javascript:alert(1)'],
            ['a javascript: URL with a tab inside the scheme', 'java\tscript:alert(1)'],
            ['a javascript: URL with a newline inside the scheme', 'java\nscript:alert(1)'],
            ['a javascript: URL with a leading NUL', '\u0000javascript:alert(1)'],
            ['a javascript: URL hiding behind a comment-like path', 'javascript://%0Aalert(1)'],
            ['an https URL with trailing whitespace', 'https://files.example.com/a.png '],
            ['an https URL with a non-breaking space', 'https://files.example.com/a\u00a0b.png'],
            ['a data:text/html URL', 'data:text/html,<script>alert(1)</script>'],
            ['a base64 data:text/html URL', 'data:text/html;base64,PHNjcmlwdD4='],
            ['a data: URL without a media type', 'data:,hello'],
            ['a data:image URL without a comma', 'data:image/png;base64'],
            ['a vbscript: URL', 'vbscript:msgbox'],
            ['a file: URL', 'file:///etc/passwd'],
            ['an ftp: URL', 'ftp://files.example.com/a.png'],
            ['a protocol-relative URL', '//evil.example/x.png'],
            ['a backslash protocol-relative URL', '\\\\evil.example\\x.png'],
            ['a root-relative URL', '/relative.png'],
            ['a path-relative URL', 'images/front.png'],
            ['an HTML-entity-obfuscated scheme', 'jav&#x09;ascript:alert(1)'],
            ['a scheme with no host', 'https://'],
            ['an empty string', ''],
            ['null', null],
            ['undefined', undefined],
            ['a number', 42],
            ['a URL object (not a string)', new URL('https://files.example.com/a.png')],
            ['an object with a toString', { toString: () => 'https://files.example.com/a.png' }],
        ])('%s', (_name, url) => {
            expect(isSafeImageUrl(url)).toBe(false);
        });
    });
});
