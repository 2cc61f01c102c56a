import type { RawRequest } from './rawHttp';

// A couple of hundred hostile requests: odd methods, paths, headers, bodies and query strings. The sweep
// (hostileSweep.test.ts) sends each one and accepts only what the contract allows: a 2xx or a 4xx in the error shape.

export interface HostileCase extends RawRequest {
    name: string;
}

const deep = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const json = (value: unknown) => JSON.stringify(value);
const q = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;

/** The base path (e.g. "/api"), a supervisor's and an operator's token, and ids that exist. */
export function hostileCorpus(base: string, tokens: { supervisor: string; operator: string }, ids: { verification: string; cancellation: string }): HostileCase[] {
    const asSupervisor = { Authorization: `Bearer ${tokens.supervisor}` };
    const asOperator = { Authorization: `Bearer ${tokens.operator}` };
    const jsonType = { 'Content-Type': 'application/json' };
    const cases: HostileCase[] = [];
    const add = (name: string, request: RawRequest) => cases.push({ name, ...request });
    const get = (name: string, target: string, headers: Record<string, string> = asSupervisor) => add(name, { method: 'GET', target: `${base}${target}`, headers });
    const post = (name: string, path: string, body: string | Buffer, headers: Record<string, string> = { ...asSupervisor, ...jsonType }) =>
        add(name, { method: 'POST', target: `${base}${path}`, headers, body });

    // Methods.
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND', 'FOO', 'get']) {
        for (const path of ['/verifications', `/verifications/${ids.verification}`, '/auth/login', '/nowhere']) {
            add(`${method} ${path}`, { method, target: `${base}${path}`, headers: asSupervisor, ...(['POST', 'PUT', 'PATCH'].includes(method) ? { body: '{}' } : {}) });
        }
    }

    // Paths.
    const paths = [
        '/verifications/%', '/verifications/%ZZ/claim', '/documents/%C0%AE%C0%AE/id-front.svg', '/verifications/%E0%A4%A',
        '/verifications/%FF%FE', '/verifications/%00', '/verifications/V-000001%00', '/verifications/%ED%A0%80',
        '/verifications/../../etc/passwd', '/verifications/..%2F..%2Fetc%2Fpasswd', '/documents/..%2F..%2F/id-front.svg',
        '/documents/V-000001/..%2F..%2Fpackage.json', '//verifications', '/verifications//', '/verifications/__proto__',
        '/verifications/constructor', '/verifications/toString', '/verifications/hasOwnProperty/claim', `/verifications/${'V'.repeat(5000)}`,
        '/verifications/%F0%9F%98%80', '/verifications/身份证', '/verifications/V-000001;drop table requests', "/verifications/' OR 1=1 --",
        `/verifications/${ids.verification}/claim/extra`, '/audit/%', '/reasons/%ZZ', '/operators/%C0%80', '/quality-reviews/%/verdict',
        '/stats/%', '/%', '/verifications?%', '/verifications?filter=%', '/verifications?filter=%ZZ', '/verifications?range=%E0',
    ];
    for (const path of paths) get(`path ${path.slice(0, 40)}`, path);
    post('claim on a bad escape', '/verifications/%ZZ/claim', '{}');
    post('approve on a NUL id', '/cancellations/%00/approve', '{"version":1}');

    // Host and request targets.
    for (const host of ['exa mple', '[', '', 'a:b:c', 'example.com:99999', 'évil.example', '127.0.0.1:0', 'x'.repeat(300), '[::1', 'host/path', 'host?x']) {
        add(`Host ${JSON.stringify(host.slice(0, 20))}`, { method: 'GET', target: `${base}/reasons`, host, headers: asSupervisor });
    }
    add('no Host at all', { method: 'GET', target: `${base}/reasons`, host: null, headers: asSupervisor });
    add('two Hosts', { method: 'GET', target: `${base}/reasons`, headers: { Host: 'other.example', ...asSupervisor } });
    add('absolute-form target', { method: 'GET', target: `http://evil.example${base}/verifications`, headers: asSupervisor });
    add('absolute-form target, https', { method: 'GET', target: `https://evil.example:444${base}/reasons`, headers: asSupervisor });
    add('asterisk-form target', { method: 'OPTIONS', target: '*', headers: asSupervisor });
    add('authority-form target on GET', { method: 'GET', target: 'evil.example:80', headers: asSupervisor });

    // Headers.
    const headerSets: [string, Record<string, string>][] = [
        ['Authorization without a token', { Authorization: 'Bearer ' }],
        ['Authorization of another scheme', { Authorization: 'Basic b3BlcmF0b3IxOmRlbW8=' }],
        ['Authorization with a huge token', { Authorization: `Bearer ${'a'.repeat(8000)}` }],
        ['Authorization with unicode', { Authorization: 'Bearer Ã©Ã©' }],
        ['Authorization with two spaces', { Authorization: `Bearer  ${tokens.supervisor}` }],
        ['Range header nonsense', { ...asSupervisor, Range: 'verifications=-5--1' }],
        ['Range header huge', { ...asSupervisor, Range: 'verifications=0-99999999999999999999' }],
        ['Origin evil', { ...asSupervisor, Origin: 'http://evil.example' }],
        ['Origin null', { ...asSupervisor, Origin: 'null' }],
        ['Accept image only', { ...asSupervisor, Accept: 'image/png' }],
        ['Accept-Encoding odd', { ...asSupervisor, 'Accept-Encoding': 'gzip;q=2, br;q=-1, *' }],
        ['X-Forwarded-Host evil', { ...asSupervisor, 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'javascript' }],
        ['a header of 20 KB', { ...asSupervisor, 'X-Padding': 'p'.repeat(20_000) }],
        ['a header of 200 KB', { ...asSupervisor, 'X-Padding': 'p'.repeat(200_000) }],
        ['five hundred headers', { ...asSupervisor, ...Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`X-H${i}`, String(i)])) }],
        ['header with no value', { ...asSupervisor, 'X-Empty': '' }],
        ['Content-Length on a GET', { ...asSupervisor, 'Content-Length': '0' }],
    ];
    for (const [name, headers] of headerSets) get(name, '/verifications', headers);
    add('header with a space in its name', { method: 'GET', target: `${base}/reasons`, headers: { ...asSupervisor, 'X Bad': '1' } });
    add('header line without a colon', { method: 'GET', target: `${base}/reasons`, headers: { ...asSupervisor, 'X-Bad\r\nNoColonHere': '1' } });
    add('Content-Length negative', { method: 'POST', target: `${base}/auth/login`, headers: { 'Content-Length': '-1' }, body: '{}' });
    add('Content-Length not a number', { method: 'POST', target: `${base}/auth/login`, headers: { 'Content-Length': 'ten' }, body: '{}' });
    add('Content-Length twice, different', { method: 'POST', target: `${base}/auth/login`, headers: { 'Content-Length': '2', 'content-length': '3' }, body: '{}' });
    add('Content-Length and chunked', { method: 'POST', target: `${base}/auth/login`, headers: { 'Content-Length': '2', 'Transfer-Encoding': 'chunked' }, body: '2\r\n{}\r\n0\r\n\r\n' });
    add('chunked body', { method: 'POST', target: `${base}/auth/login`, headers: { ...jsonType, 'Transfer-Encoding': 'chunked' }, body: '2\r\n{}\r\n0\r\n\r\n' });
    add('bad chunk size', { method: 'POST', target: `${base}/auth/login`, headers: { ...jsonType, 'Transfer-Encoding': 'chunked' }, body: 'zz\r\n{}\r\n0\r\n\r\n' });
    add('Content-Length promising 2 GB', { method: 'POST', target: `${base}/auth/login`, headers: { ...jsonType, 'Content-Length': String(2 ** 31) }, body: '{}' });
    add('Content-Length of 10^20', { method: 'POST', target: `${base}/auth/login`, headers: { ...jsonType, 'Content-Length': '100000000000000000000' }, body: '{}' });

    // Bodies.
    const actions = ['/auth/login', '/verifications/claim-next', `/verifications/${ids.verification}/approve`, `/verifications/${ids.verification}/reject`,
        `/cancellations/${ids.cancellation}/release`, `/cancellations/${ids.cancellation}/send-back`, `/verifications/${ids.verification}/reassign`, '/quality-samples', '/quality-reviews/QR-000001/verdict'];
    const bodies: [string, string | Buffer][] = [
        ['not JSON', 'not json'], ['a JSON array', '[]'], ['null', 'null'], ['a number', '12'], ['a string', '"x"'], ['true', 'true'],
        ['a BOM then {}', '\uFEFF{}'], ['only whitespace', ' \n\t '], ['truncated', '{"version":'], ['a NUL byte', '{"note":"a\u0000b"}'],
        ['a NUL escape', '{"note":"a\\u0000b","version":1,"reasons":["x"],"customerMessage":"\\u0000","to":"u-operator1\\u0000"}'],
        ['a lone surrogate', '{"note":"\\ud800","version":1}'], ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc0, 0xae, 0xff, 0x22, 0x7d])],
        ['deep nesting', `{"note":${deep(7000)}}`], ['deep objects', deepObject(7000)], ['huge version', '{"version":1e309}'],
        ['version 2^53+1', '{"version":9007199254740993}'], ['negative version', '{"version":-1}'], ['version as string', '{"version":"1"}'],
        ['__proto__ key', '{"__proto__":{"version":1,"role":"supervisor"},"version":1}'], ['constructor key', '{"constructor":{"prototype":{"x":1}},"version":1}'],
        ['duplicate keys', '{"version":1,"version":"x","reasons":["a"],"reasons":null}'], ['emoji and RTL', '{"note":"😀\u202e\u200bمرحبا","version":1}'],
        ['a 2 MB note', json({ version: 1, note: 'n'.repeat(2 * 1024 * 1024) })], ['a million reasons', json({ version: 1, reasons: Array.from({ length: 100_000 }, () => 'x') })],
        ['wrong types everywhere', json({ version: [], note: {}, reasons: 'id_expired', next: [], exclude: {}, to: 5, rate: '0.5', operatorId: null, verdict: 1 })],
        ['NUL in login', json({ username: 'operator1\u0000', password: 'demo' })],
    ];
    for (const path of actions) {
        for (const [name, body] of bodies) post(`${name} to ${path.split('/').slice(-1)[0]}`, path, body);
    }
    const contentTypes: [string, string][] = [['text/plain', '{}'], ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="version"\r\n\r\n1\r\n--x--'],
        ['application/x-www-form-urlencoded', 'version=1&note=x'], ['application/json; charset=utf-16', '\u0000{\u0000}'], ['application/xml', '<version>1</version>']];
    for (const [type, body] of contentTypes) {
        post(`Content-Type ${type.split(';')[0]}`, `/verifications/${ids.verification}/release`, body, { ...asOperator, 'Content-Type': type });
    }

    // Query strings.
    const lists = ['/verifications', '/cancellations', '/audit', '/quality-samples', '/quality-reviews', '/reasons', '/operators'];
    const queries: [string, Record<string, string>][] = [
        ['filter nested 2000 deep', { filter: `{"id":${deep(2000)}}` }], ['sort nested 2000 deep', { sort: deep(2000) }], ['range nested 2000 deep', { range: deep(2000) }],
        ['filter of nested objects', { filter: deepObject(3000) }],
        ['filter null', { filter: 'null' }], ['filter an array', { filter: '[]' }], ['filter a number', { filter: '1' }], ['filter a string', { filter: '"x"' }],
        ['range negative', { range: '[-1,5]' }], ['range huge', { range: '[0,1e20]' }], ['range reversed', { range: '[5,1]' }], ['range of strings', { range: '["a","b"]' }],
        ['range of fractions', { range: '[0.5,1.5]' }], ['range of 2^53', { range: '[9007199254740992,9007199254740993]' }], ['range null', { range: 'null' }],
        ['sort of nulls', { sort: '[null,null]' }], ['sort __proto__', { sort: '["__proto__","ASC"]' }], ['sort constructor', { sort: '["constructor","DESC"]' }],
        ['sort long', { sort: json(['id', 'ASC', 'x', 'y']) }], ['filter __proto__', { filter: '{"__proto__":{"q":1}}' }], ['filter constructor', { filter: '{"constructor":"x"}' }],
        ['filter id of 5000', { filter: json({ id: Array.from({ length: 5000 }, (_, i) => `V-${i}`) }) }], ['filter q NUL', { filter: json({ q: 'a\u0000' }) }],
        ['filter status array of objects', { filter: json({ status: [{}, []] }) }], ['filter q unicode', { filter: json({ q: '身份证😀\u202e' }) }],
        ['filter duplicate keys', { filter: '{"q":"a","q":1}' }], ['filter requestId NUL', { filter: json({ requestId: '\u0000' }) }],
        ['filter at_gte nonsense', { filter: json({ at_gte: '9999-99-99', at_lte: { $gt: '' } }) }],
    ];
    for (const path of lists) {
        for (const [name, params] of queries) get(`${name} on ${path}`, `${path}${q(params)}`);
    }
    // Unencoded brackets: 14 KB, under the URL limit, so the parser meets all 7,000 levels.
    for (const path of ['/verifications', '/audit']) get(`filter nested 7000 deep, raw, on ${path}`, `${path}?filter={"id":${deep(7000)}}`);
    get('duplicate filter params', `/verifications?filter=${encodeURIComponent('{}')}&filter=${encodeURIComponent('{"q":1}')}`);
    get('a search of 100,000 characters', `/verifications${q({ filter: json({ q: 'x'.repeat(100_000) }) })}`);
    get('a search of 10,000 characters', `/verifications${q({ filter: json({ q: 'x'.repeat(10_000) }) })}`);
    for (const [from, to] of [['9999-99-99', '2026-01-01'], ['0000-01-01', '9999-12-31'], ['2026-02-30', '2026-03-01'], ['-1', '1e9'], ['2026-01-01\u0000', '2026-01-02'], ['', '']]) {
        get(`stats ${from}..${to}`, `/stats${q({ from: from!, to: to! })}`);
    }
    get('operator reads the whole audit trail', `/audit${q({ filter: json({ requestId: ['a', 'b'] }) })}`, asOperator);
    return cases;
}
