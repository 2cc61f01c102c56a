// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startTarget } from './apiClient';
import { rawRequest, type RawAnswer } from './rawHttp';

// A hostile client gets a clean 4xx in the contract's error shape (docs/api.md §3 "Before routing"), never a 500, an
// empty body or a URL built from what it sent. Raw requests over a socket: fetch cannot send most of these.

let target: Awaited<ReturnType<typeof startTarget>>;
let api: ReturnType<typeof apiClient>;
let origin: string;
let base: string;
let supervisor: string;
let operator: string;

beforeAll(async () => {
    target = await startTarget();
    api = apiClient(target.baseUrl);
    ({ origin, pathname: base } = new URL(target.baseUrl));
    [supervisor, operator] = await Promise.all([api.login('supervisor1'), api.login('operator1')]);
});
afterAll(() => target.close());

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const bodyOf = (answer: RawAnswer) => JSON.parse(answer.body) as { error: { code: string; message: string; fields?: Record<string, string> } };
const expectRefused = (answer: RawAnswer, status: number, code: string, fields?: Record<string, string>) => {
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(bodyOf(answer).error).toMatchObject({ code, message: expect.any(String), ...(fields ? { fields } : {}) });
};

describe('paths that are not percent-encoded UTF-8', () => {
    it('answer 400 bad_request with fields.path, on any route, signed in or not', async () => {
        for (const [method, path] of [['GET', '/verifications/%'], ['POST', '/verifications/%ZZ/claim'], ['GET', '/documents/%C0%AE%C0%AE/id-front.svg'], ['GET', '/cancellations/%E0%A4%A'], ['GET', '/nowhere/%FF']] as const) {
            expectRefused(await rawRequest(origin, { method, target: `${base}${path}`, headers: as(operator) }), 400, 'bad_request', { path: 'invalid' });
        }
        expectRefused(await rawRequest(origin, { method: 'GET', target: `${base}/verifications/%` }), 400, 'bad_request', { path: 'invalid' });
    });

    it('a path holding U+0000 answers 400 invalid_character (no store keeps it)', async () => {
        expectRefused(await rawRequest(origin, { method: 'POST', target: `${base}/verifications/V-000001%00/claim`, headers: as(operator) }), 400, 'bad_request', { path: 'invalid_character' });
    });
});

describe('list queries a parser could choke on', () => {
    // Raw brackets: 14 KB of request line, under the URL limit, so the nesting itself is what is refused.
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

    it('a filter, sort or range nested 7,000 levels deep answers 400 too_deep, on the queues and on the audit trail', async () => {
        for (const resource of ['verifications', 'cancellations', 'audit']) {
            expectRefused(await rawRequest(origin, { method: 'GET', target: `${base}/${resource}?filter={"id":${nested(7000)}}`, headers: as(supervisor) }), 400, 'bad_request', { filter: 'too_deep' });
            expectRefused(await rawRequest(origin, { method: 'GET', target: `${base}/${resource}?sort=${nested(7000)}`, headers: as(supervisor) }), 400, 'bad_request', { sort: 'too_deep' });
            expectRefused(await rawRequest(origin, { method: 'GET', target: `${base}/${resource}?range=${nested(7000)}`, headers: as(supervisor) }), 400, 'bad_request', { range: 'too_deep' });
        }
    });

    it('filter=null, or any JSON that is not an object, is an invalid filter, not "no filter"', async () => {
        for (const filter of ['null', '[]', '1', '"open"', 'true']) {
            const answer = await api.call('GET', `/verifications?filter=${encodeURIComponent(filter)}`, { token: operator });
            expect(answer.status, filter).toBe(400);
            expect(answer.body).toMatchObject({ error: { code: 'bad_request', fields: { filter: 'invalid' } } });
        }
    });

    it('U+0000 in a filter value answers 400 invalid_character for that filter', async () => {
        const answer = await api.list('/verifications', { filter: { q: 'li\u0000' } }, operator);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ error: { code: 'bad_request', fields: { q: 'invalid_character' } } });
    });

    it('a search of 100,000 characters answers 414 uri_too_long in the error shape, not a bare 431', async () => {
        const search = encodeURIComponent(JSON.stringify({ q: 'x'.repeat(100_000) }));
        expectRefused(await rawRequest(origin, { method: 'GET', target: `${base}/verifications?filter=${search}`, headers: as(operator) }), 414, 'uri_too_long');
    });

    it('a getMany of 1,000 ids is not too long', async () => {
        const ids = Array.from({ length: 1000 }, (_, i) => `V-${String(i + 1).padStart(6, '0')}`);
        expect((await api.list('/verifications', { filter: { id: ids } }, operator)).status).toBe(200);
    });
});

describe('the Host header and the request target', () => {
    it('an invalid, missing or doubled Host answers 400 bad_request', async () => {
        for (const host of ['exa mple', '[', 'a:b:c', 'example.com:99999']) {
            expectRefused(await rawRequest(origin, { method: 'GET', target: `${base}/reasons`, host, headers: as(operator) }), 400, 'bad_request');
        }
        expectRefused(await rawRequest(origin, { method: 'GET', target: `${base}/reasons`, host: null, headers: as(operator) }), 400, 'bad_request');
        expectRefused(await rawRequest(origin, { method: 'GET', target: `${base}/reasons`, headers: { Host: 'other.example', ...as(operator) } }), 400, 'bad_request');
    });

    it('document URLs come from the configured public URL, never from the Host or an absolute-form target', async () => {
        // A supervisor sees a request whole, documents included (an operator who does not hold it gets none).
        const { body: [first] } = await api.list('/verifications', { range: [0, 0] }, supervisor);
        const publicRoot = `${process.env.CONTRACT_PUBLIC_URL ?? origin}${base}/`;
        for (const request of [
            { method: 'GET', target: `http://evil.example${base}/verifications/${first.id}`, headers: as(supervisor) },
            { method: 'GET', target: `${base}/verifications/${first.id}`, host: 'evil.example', headers: as(supervisor) },
            { method: 'GET', target: `${base}/verifications/${first.id}`, headers: { ...as(supervisor), 'X-Forwarded-Host': 'evil.example' } },
        ]) {
            const answer = await rawRequest(origin, request);
            expect(answer.status).toBe(200);
            expect(answer.body).not.toContain('evil.example');
            const { documents } = JSON.parse(answer.body) as { documents: Record<string, string> };
            expect(documents.idFront!.startsWith(publicRoot)).toBe(true);
        }
    });
});

describe('request bodies', () => {
    const sixtyFourMegabytes = () => Buffer.concat([Buffer.from('{"note":"'), Buffer.alloc(64 * 1024 * 1024, 'a'), Buffer.from('"}')]);

    it('a 64 MB body answers 413 payload_too_large without being read, declared or not', async () => {
        const body = sixtyFourMegabytes();
        const ways: Record<string, string>[] = [{ 'Content-Type': 'application/json' }, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }];
        for (const headers of ways) {
            const chunked = 'Transfer-Encoding' in headers;
            const started = performance.now();
            const answer = await rawRequest(origin, {
                method: 'POST', target: `${base}/verifications/claim-next`, headers: { ...as(operator), ...headers },
                body: chunked ? Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]) : body,
            });
            expectRefused(answer, 413, 'payload_too_large');
            console.info(`64 MB body (${chunked ? 'chunked' : 'Content-Length'}): ${answer.status} after ${Math.round(performance.now() - started)} ms`);
        }
    });

    it('a login body above the limit is refused before authentication matters', async () => {
        const answer = await rawRequest(origin, { method: 'POST', target: `${base}/auth/login`, headers: { 'Content-Type': 'application/json', 'Content-Length': String(2 ** 31) }, body: '{}' });
        expectRefused(answer, 413, 'payload_too_large');
    });

    it('U+0000 in a text field answers 400 invalid_character naming the field', async () => {
        const login = await api.call('POST', '/auth/login', { body: { username: 'operator1\u0000', password: 'demo' } });
        expect(login.status).toBe(400);
        expect(login.body).toMatchObject({ error: { code: 'bad_request', fields: { username: 'invalid_character' } } });
        const release = await api.call('POST', '/verifications/claim-next', { token: operator, body: { exclude: ['V-000001', 'V\u0000'] } });
        expect(release.status).toBe(400);
        expect(release.body).toMatchObject({ error: { code: 'bad_request', fields: { exclude: 'invalid_character' } } });
    });

    it('a body nested deeper than the contract reads answers 400 too_deep', async () => {
        const answer = await api.call('POST', '/verifications/claim-next', { token: operator, body: `{"exclude":${'['.repeat(7000)}${']'.repeat(7000)}}` });
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ error: { code: 'bad_request', fields: { exclude: 'too_deep' } } });
    });
});

describe('POST /demo/reset', () => {
    it('is for supervisors in demo mode, and does not exist elsewhere', async () => {
        const byOperator = await api.call('POST', '/demo/reset', { token: operator });
        if (target.demo) {
            expect(byOperator.status).toBe(403);
            expect(byOperator.body).toMatchObject({ error: { code: 'forbidden' } });
            // Re-seeding a shared server would pull the ground from under other suites: only this suite's own.
            if (!target.external) expect((await api.call('POST', '/demo/reset', { token: supervisor })).status).toBe(204);
        } else {
            expect(byOperator.status).toBe(404);
            expect((await api.call('POST', '/demo/reset', { token: supervisor })).status).toBe(404);
        }
    });
});

describe('headers on every answer', () => {
    it('nosniff, no referrer, no caching and a policy that runs nothing, on data, errors, preflights and unknown paths', async () => {
        const answers = [
            await api.list('/verifications', {}, operator),
            await api.call('GET', '/verifications/V-nope', { token: operator }),
            await api.call('GET', '/verifications'),
            await api.call('OPTIONS', '/verifications', { headers: { Origin: 'http://console.example', 'Access-Control-Request-Method': 'GET' } }),
            await api.call('POST', '/auth/logout', { token: await api.login('operator2') }),
        ];
        for (const { headers, status } of answers) {
            expect(headers.get('x-content-type-options'), String(status)).toBe('nosniff');
            expect(headers.get('referrer-policy')).toBe('no-referrer');
            expect(headers.get('cache-control')).toBe('no-store');
            expect(headers.get('content-security-policy')).toContain("default-src 'none'");
        }
        const outside = await rawRequest(origin, { method: 'GET', target: '/not-the-api' });
        expect(outside.status).toBe(404);
        expect(outside.headers['x-content-type-options']).toBe('nosniff');
    });

    it('a document image keeps its own caching and policy, and is not sniffed', async () => {
        const { body: [first] } = await api.list('/verifications', { range: [0, 0] }, supervisor);
        const { body: whole } = await api.call('GET', `/verifications/${first.id}`, { token: supervisor });
        const image = await fetch(whole.documents.idFront);
        expect(image.status).toBe(200);
        expect(image.headers.get('x-content-type-options')).toBe('nosniff');
        expect(image.headers.get('referrer-policy')).toBe('no-referrer');
        expect(image.headers.get('content-security-policy')).toContain("default-src 'none'");
    });

    it('an answer from below the app (the HTTP parser refused the request) is in the error shape too', async () => {
        expectRefused(await rawRequest(origin, { method: 'FOO', target: `${base}/reasons` }), 400, 'bad_request');
        expectRefused(await rawRequest(origin, { method: 'GET', target: `${base}/reasons`, headers: { 'X-Padding': 'p'.repeat(200_000) } }), 431, 'headers_too_large');
        expectRefused(await rawRequest(origin, { method: 'GET', target: `${base}/reasons?q=${'q'.repeat(200_000)}` }), 431, 'headers_too_large');
        expectRefused(await rawRequest(origin, { method: 'TRACE', target: `${base}/reasons` }), 405, 'method_not_allowed');
    });

    it('CORS: any origin in demo mode; elsewhere the configured origins only', async () => {
        const preflight = await api.call('OPTIONS', '/verifications', { headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'GET' } });
        expect(preflight.status).toBe(204);
        expect(preflight.headers.get('access-control-allow-origin')).toBe(target.demo ? '*' : null);
        const allowed = target.allowedOrigin;
        if (!target.demo && allowed) {
            const listed = await api.call('OPTIONS', '/verifications', { headers: { Origin: allowed, 'Access-Control-Request-Method': 'GET' } });
            expect(listed.headers.get('access-control-allow-origin')).toBe(allowed);
            expect(listed.headers.get('vary')).toContain('Origin');
        }
    });
});

describe.skipIf(!!process.env.CONTRACT_BASE_URL || process.env.CONTRACT_TARGET === 'server')('settings of a deployment (the standalone server, configured)', () => {
    it('outside demo mode: listed origins only, no demo reset, a smaller body limit and a public URL for documents', async () => {
        const configured = await startTarget(undefined, { demo: false, allowedOrigins: ['https://console.example'], maxBodyBytes: 2048, publicUrl: 'https://review.example' });
        try {
            const client = apiClient(configured.baseUrl);
            const token = await client.login('supervisor1');
            const from = (origin: string) => client.call('GET', '/reasons', { token, headers: { Origin: origin } });
            const listed = await from('https://console.example');
            expect(listed.headers.get('access-control-allow-origin')).toBe('https://console.example');
            expect(listed.headers.get('vary')).toContain('Origin');
            expect((await from('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
            expect((await client.call('POST', '/demo/reset', { token })).status).toBe(404);
            const tooLong = await client.call('POST', '/verifications/claim-next', { token, body: { exclude: ['x'.repeat(3000)] } });
            expect(tooLong.status).toBe(413);
            expect(tooLong.body).toMatchObject({ error: { code: 'payload_too_large' } });
            const { body: [first] } = await client.list('/verifications', { range: [0, 0] }, token);
            const { body: whole } = await client.call('GET', `/verifications/${first.id}`, { token });
            expect(whole.documents.idFront).toMatch(/^https:\/\/review\.example\/api\/documents\//);
        } finally {
            await configured.close();
        }
    });
});
