// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/contract/primitives';
import { apiClient, startTarget, type Answer } from './apiClient';

// The REST contract (docs/api.md), exercised over real HTTP. Point it elsewhere with CONTRACT_BASE_URL.

const clock = { now: new Date() };
let target: Awaited<ReturnType<typeof startTarget>>;
let api: ReturnType<typeof apiClient>;
let operator1: string;
let operator2: string;
let supervisor: string;

beforeAll(async () => {
    target = await startTarget(clock);
    api = apiClient(target.baseUrl);
    [operator1, operator2, supervisor] = await Promise.all([api.login('operator1'), api.login('operator2'), api.login('supervisor1')]);
});
afterAll(() => target.close());

/** The decision trail of a request: its entries without the access ones (`view`, `reveal`: who looked, §6.10). */
const STATE_CHANGES = AUDIT_ACTIONS.filter(action => action !== 'view' && action !== 'reveal');

const expectError = (answer: Answer, status: number, code: string) => {
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ error: { code, message: expect.any(String) } });
};

/** Requests nobody holds, handed out one at a time so tests never share one; `where` picks among the filtered ones. */
const taken = new Set<string>();
type Where = (record: any) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any -- records are arbitrary JSON
async function freshPending(resource: 'verifications' | 'cancellations', extra: Record<string, unknown> = {}, where: Where = () => true) {
    const { body } = await api.list(`/${resource}`, { filter: { status: 'pending', ...extra }, range: [0, 199], sort: ['id', 'ASC'] }, supervisor);
    const record = body.find(r => !taken.has(r.id) && where(r));
    if (!record) throw new Error(`no pending ${resource} left for ${JSON.stringify(extra)}${where.name ? ` and ${where.name}` : ''}`);
    taken.add(record.id);
    return record;
}
async function claimed(resource: 'verifications' | 'cancellations', token: string, extra: Record<string, unknown> = {}, where?: Where) {
    const record = await freshPending(resource, extra, where);
    const answer = await api.call('POST', `/${resource}/${record.id}/claim`, { token });
    expect(answer.status).toBe(200);
    return answer.body;
}

describe('authentication', () => {
    it('logs in with username and password and returns a token and the user', async () => {
        const answer = await api.call('POST', '/auth/login', { body: { username: 'supervisor1', password: process.env.CONTRACT_PASSWORD ?? 'demo' } });
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ token: expect.any(String), user: { id: expect.any(String), name: expect.any(String), role: 'supervisor' } });
    });

    it('refuses a wrong password with 401', async () => {
        expectError(await api.call('POST', '/auth/login', { body: { username: 'operator1', password: 'wrong' } }), 401, 'unauthenticated');
    });

    it('refuses a login without credentials with 400', async () => {
        expectError(await api.call('POST', '/auth/login', { body: { username: 'operator1' } }), 400, 'bad_request');
        expectError(await api.call('POST', '/auth/login', { body: 'not json' }), 400, 'bad_request');
    });

    it('answers 401 without a token or with an unknown one', async () => {
        expectError(await api.call('GET', '/verifications'), 401, 'unauthenticated');
        expectError(await api.call('GET', '/verifications', { token: 'forged' }), 401, 'unauthenticated');
    });

    it('a logged-out token no longer works', async () => {
        const token = await api.login('operator1');
        expect((await api.call('POST', '/auth/logout', { token })).status).toBe(204);
        expectError(await api.call('GET', '/reasons', { token }), 401, 'unauthenticated');
    });

    it('accepts the bearer scheme in any case, logout included', async () => {
        const token = await api.login('operator1');
        const lowerCase = { Authorization: `bearer ${token}` };
        expect((await api.call('GET', '/reasons', { headers: lowerCase })).status).toBe(200);
        expect((await api.call('POST', '/auth/logout', { headers: lowerCase })).status).toBe(204);
        expectError(await api.call('GET', '/reasons', { token }), 401, 'unauthenticated');
    });
});

describe('the list dialect (ra-data-simple-rest)', () => {
    it('answers a JSON array with Content-Range <resource> <start>-<end>/<total>', async () => {
        const answer = await api.list('/verifications', { range: [0, 9] }, operator1);
        expect(answer.status).toBe(200);
        expect(answer.body).toHaveLength(10);
        const match = /^verifications 0-9\/(\d+)$/.exec(answer.headers.get('content-range') ?? '');
        expect(match).not.toBeNull();
        expect(Number(match![1])).toBeGreaterThan(10);
    });

    it('pages with inclusive ranges that do not overlap', async () => {
        const first = await api.list('/verifications', { range: [0, 4], sort: ['id', 'ASC'] }, operator1);
        const second = await api.list('/verifications', { range: [5, 9], sort: ['id', 'ASC'] }, operator1);
        expect(second.headers.get('content-range')).toMatch(/^verifications 5-9\//);
        expect(first.body.map(r => r.id).filter(id => second.body.some(r => r.id === id))).toEqual([]);
        expect(first.body[4].id < second.body[0].id).toBe(true);
    });

    it('serves pages of up to 1000 records (what react-admin\'s export asks for)', async () => {
        const answer = await api.list('/audit', { range: [0, 999] }, supervisor);
        expect(answer.status).toBe(200);
        expect(answer.headers.get('content-range')).toMatch(/^audit 0-\d+\/\d+$/);
        expectError(await api.list('/audit', { range: [0, 1000] }, supervisor), 400, 'bad_request');
    });

    it('answers an empty page with <resource> */<total>', async () => {
        const answer = await api.list('/verifications', { filter: { q: 'no-such-thing-anywhere' } }, operator1);
        expect(answer.body).toEqual([]);
        expect(answer.headers.get('content-range')).toBe('verifications */0');
    });

    it('sorts on the server, both ways', async () => {
        const ascending = (await api.list('/verifications', { sort: ['submittedAt', 'ASC'], range: [0, 49] }, operator1)).body.map(r => r.submittedAt);
        expect([...ascending].sort()).toEqual(ascending);
        const descending = (await api.list('/cancellations', { sort: ['submittedAt', 'DESC'], range: [0, 49] }, operator1)).body.map(r => r.submittedAt);
        expect([...descending].sort().reverse()).toEqual(descending);
    });

    it('sorts the queue by due time by default', async () => {
        const due = (await api.list('/verifications', { range: [0, 49] }, operator1)).body.map(r => r.dueAt);
        expect([...due].sort()).toEqual(due);
    });

    it('sorts by queue: the caller\'s own requests in review first, then the rest; each by due time, then id', async () => {
        const mine = await claimed('verifications', operator1);
        const theirs = await claimed('verifications', operator2);
        const query = { filter: { open: true }, range: [0, 499] };
        type Row = { id: string; status: string; assignee: string | null; dueAt: string };
        const heldBy = (user: string) => (r: Row) => r.status === 'in_review' && r.assignee === user;
        const inQueueOrder = (rows: Row[], user: string) => [...rows].sort((a, b) =>
            Number(!heldBy(user)(a)) - Number(!heldBy(user)(b)) || Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(r => r.id);

        const ascending = (await api.list('/verifications', { ...query, sort: ['queue', 'ASC'] }, operator1)).body;
        const held = ascending.filter(heldBy('u-operator1')).length;
        expect(held).toBeGreaterThan(0);
        expect(ascending.slice(0, held).every(heldBy('u-operator1'))).toBe(true);
        expect(ascending.findIndex(r => r.id === mine.id)).toBeLessThan(held);
        expect(ascending.findIndex(r => r.id === theirs.id)).toBeGreaterThanOrEqual(held);
        expect(ascending.map(r => r.id)).toEqual(inQueueOrder(ascending, 'u-operator1'));

        const descending = (await api.list('/verifications', { ...query, sort: ['queue', 'DESC'] }, operator1)).body;
        expect(descending.map(r => r.id)).toEqual(ascending.map(r => r.id).reverse());

        const forOperator2 = (await api.list('/verifications', { ...query, sort: ['queue', 'ASC'] }, operator2)).body;
        expect(forOperator2.map(r => r.id)).toEqual(inQueueOrder(forOperator2, 'u-operator2'));
        expect(heldBy('u-operator2')(forOperator2[0])).toBe(true);
    });

    it('filters on the server: status, free text, getMany by ids', async () => {
        const rejected = await api.list('/verifications', { filter: { status: 'rejected' }, range: [0, 99] }, operator1);
        expect(rejected.body.length).toBeGreaterThan(0);
        expect(rejected.body.every(r => r.status === 'rejected')).toBe(true);

        const target = rejected.body[0];
        const byName = await api.list('/verifications', { filter: { q: target.fullName } }, operator1);
        expect(byName.body.map(r => r.id)).toContain(target.id);
        const byIdNumber = await api.list('/verifications', { filter: { q: target.idNumber } }, operator1);
        expect(byIdNumber.body.every(r => r.idNumber === target.idNumber)).toBe(true);

        const ids = rejected.body.slice(0, 3).map(r => r.id);
        const many = await api.list('/verifications', { filter: { id: ids } }, operator1);
        expect(many.body.map(r => r.id).sort()).toEqual([...ids].sort());
    });

    it('filters overdue, resubmissions, and cancellations ready to approve', async () => {
        const now = Date.now();
        const overdue = await api.list('/verifications', { filter: { overdue: true }, range: [0, 99] }, operator1);
        expect(overdue.body.length).toBeGreaterThan(0);
        expect(overdue.body.every(r => Date.parse(r.dueAt) < now && r.decidedAt === null)).toBe(true);
        const resubmissions = await api.list('/verifications', { filter: { resubmission: true }, range: [0, 99] }, operator1);
        expect(resubmissions.body.length).toBeGreaterThan(0);
        expect(resubmissions.body.every(r => r.attempt > 1 && typeof r.previousId === 'string')).toBe(true);
        const ready = await api.list('/cancellations', { filter: { readyToApprove: true }, range: [0, 99] }, operator1);
        expect(ready.body.length).toBeGreaterThan(0);
        expect(ready.body.every(r => r.account.boundDevices.length === 0 && r.account.openItems.length === 0)).toBe(true);
    });

    it.each([
        ['an unknown sort field', { sort: ['password', 'ASC'] }],
        ['a malformed sort', { sort: 'id' }],
        ['a range too large', { range: [0, 10_000] }],
        ['a reversed range', { range: [10, 5] }],
        ['an unknown filter', { filter: { password: 'x' } }],
        ['a non-boolean flag', { filter: { overdue: 'yes' } }],
    ])('answers 400 for %s', async (_what, query) => {
        expectError(await api.list('/verifications', query, operator1), 400, 'bad_request');
    });

    it('checks filter values even when no record matches', async () => {
        expectError(await api.list('/verifications', { filter: { id: 'V-none', open: 'yes' } }, operator1), 400, 'bad_request');
        expectError(await api.list('/verifications', { filter: { status: 'lost' } }, operator1), 400, 'bad_request');
        expectError(await api.list('/verifications', { filter: { assignee: 7 } }, operator1), 400, 'bad_request');
    });

    it('getMany answers every id asked for, beyond one page', async () => {
        const { body: page } = await api.list('/verifications', { range: [0, 39] }, operator1);
        const ids = page.map(r => r.id);
        const many = await api.list('/verifications', { filter: { id: ids } }, operator1);
        expect(many.body).toHaveLength(40);
    });

    it('sorts by every column the console offers', async () => {
        for (const field of ['id', 'fullName', 'mobileNumber', 'status', 'dueAt', 'attempt', 'assignee', 'failedChecks', 'submittedAt', 'queue']) {
            expect((await api.list('/verifications', { sort: [field, 'ASC'] }, operator1)).status, field).toBe(200);
        }
        for (const field of ['id', 'holderName', 'mobileNumber', 'status', 'dueAt', 'assignee', 'submittedAt', 'queue']) {
            expect((await api.list('/cancellations', { sort: [field, 'DESC'] }, operator1)).status, field).toBe(200);
        }
    });

    it('answers 400 for a filter that is not JSON', async () => {
        expectError(await api.call('GET', '/verifications?filter=%7Bnope', { token: operator1 }), 400, 'bad_request');
    });
});

describe('CORS for a console on another origin', () => {
    it('exposes Content-Range and allows the Range and Authorization headers', async () => {
        const preflight = await api.call('OPTIONS', '/verifications', { headers: { Origin: 'http://console.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,range' } });
        expect(preflight.status).toBe(204);
        const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
        expect(allowed).toContain('authorization');
        expect(allowed).toContain('range');
        const list = await api.call('GET', '/verifications', { token: operator1, headers: { Origin: 'http://console.example' } });
        expect(list.headers.get('access-control-expose-headers')).toContain('Content-Range');
        expect(list.headers.get('access-control-expose-headers')).toContain('Idempotent-Replay');
        expect(list.headers.get('access-control-expose-headers')).toContain('Date');
    });
});

describe('the server\'s clock', () => {
    it('every answer, errors included, carries the server\'s time in Date: the console takes "now" from it', async () => {
        // This suite's own server runs on `clock`, here set an hour and a half away from this machine's; another backend
        // runs on its own clock, close to this machine's.
        const started = clock.now;
        if (!target.external) clock.now = new Date(Date.now() - 90 * 60_000);
        try {
            const answers = [await api.list('/verifications', {}, operator1), await api.call('GET', '/verifications/V-nope', { token: operator1 }), await api.call('GET', '/verifications')];
            for (const answer of answers) {
                const date = Date.parse(answer.headers.get('date') ?? '');
                const expected = target.external ? Date.now() : clock.now.getTime();
                expect(Math.abs(date - expected)).toBeLessThan(target.external ? 60_000 : 1000);
            }
        } finally {
            clock.now = started;
        }
    });
});

describe('records', () => {
    it('a verification carries the customer\'s data, documents, and the review fields (whole, to a supervisor)', async () => {
        const { body: [first] } = await api.list('/verifications', { range: [0, 0] }, operator1);
        const answer = await api.call('GET', `/verifications/${first.id}`, { token: supervisor });
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({
            id: first.id, kind: 'verification', status: expect.any(String), version: expect.any(Number),
            submittedAt: expect.any(String), dueAt: expect.any(String), attempt: expect.any(Number),
            fullName: expect.any(String), idNumber: expect.any(String), mobileNumber: expect.stringMatching(/^\+6283[1238]\d{8}$/),
            contactPhone: expect.any(String), email: expect.stringContaining('@'), address: expect.any(String),
            card: expect.objectContaining({ validUntil: expect.anything() }),
            documents: expect.objectContaining({ idFront: expect.stringMatching(/^https?:\/\//), selfie: expect.stringMatching(/^https?:\/\//) }),
            failedChecks: expect.any(Number), duplicateIds: expect.any(Array),
        });
        for (const field of ['assignee', 'claimedAt', 'decidedAt', 'decidedBy', 'decision', 'previousId']) expect(answer.body).toHaveProperty(field);
    });

    it('a cancellation carries the account facts', async () => {
        const { body: [first] } = await api.list('/cancellations', { range: [0, 0] }, operator1);
        const answer = await api.call('GET', `/cancellations/${first.id}`, { token: operator1 });
        expect(answer.body).toMatchObject({
            kind: 'cancellation', holderName: expect.any(String), leavingReason: expect.any(String),
            account: { balance: expect.any(Number), refundRequested: expect.any(Boolean), refundSettled: expect.any(Boolean), boundDevices: expect.any(Array), openItems: expect.any(Array) },
        });
    });

    it('answers 404 for an unknown request, and for a verification id asked of cancellations', async () => {
        expectError(await api.call('GET', '/verifications/V-999999', { token: operator1 }), 404, 'not_found');
        const { body: [first] } = await api.list('/verifications', { range: [0, 0] }, operator1);
        expectError(await api.call('GET', `/cancellations/${first.id}`, { token: operator1 }), 404, 'not_found');
    });

    it('serves document images by their URL', async () => {
        const { body: [first] } = await api.list('/verifications', { range: [0, 0] }, operator1);
        const { body: whole } = await api.call('GET', `/verifications/${first.id}`, { token: supervisor });
        const image = await fetch(whole.documents.idFront);
        expect(image.status).toBe(200);
        expect(image.headers.get('content-type')).toMatch(/^image\//);
    });

    it('requests change only through their actions: writing a record answers 405 with Allow', async () => {
        const { body: [first] } = await api.list('/verifications', { range: [0, 0] }, operator1);
        const put = await api.call('PUT', `/verifications/${first.id}`, { token: supervisor, body: { ...first, status: 'approved' } });
        expectError(put, 405, 'method_not_allowed');
        expect(put.headers.get('allow')).toBe('GET');
        expectError(await api.call('DELETE', `/cancellations/C-000001`, { token: supervisor }), 405, 'method_not_allowed');
        expectError(await api.call('POST', '/verifications', { token: supervisor, body: first }), 405, 'method_not_allowed');
        expect((await api.call('GET', `/verifications/${first.id}`, { token: operator1 })).body.status).toBe(first.status);
    });

    it('answers 404 for an unknown route under the API', async () => {
        expectError(await api.call('GET', '/nothing-here', { token: operator1 }), 404, 'not_found');
    });
});

describe('claiming', () => {
    it('claiming a pending request puts it in review, held by the caller', async () => {
        const record = await claimed('verifications', operator1);
        expect(record).toMatchObject({ status: 'in_review', assignee: 'u-operator1', claimedAt: expect.any(String), claimExpiresAt: expect.any(String) });
    });

    it('a second operator gets 409 naming who holds it, with the current record', async () => {
        const record = await claimed('verifications', operator1);
        const answer = await api.call('POST', `/verifications/${record.id}/claim`, { token: operator2 });
        expectError(answer, 409, 'conflict_claimed');
        expect(answer.body.error.holder).toBe('林晓 Lin Xiao');
        expect(answer.body.error.record).toMatchObject({ id: record.id, assignee: 'u-operator1' });
    });

    it('claiming again what you hold extends the claim without a state change', async () => {
        const record = await claimed('verifications', operator1);
        const again = await api.call('POST', `/verifications/${record.id}/claim`, { token: operator1 });
        expect(again.status).toBe(200);
        expect(again.body.version).toBe(record.version);
    });

    it('the holder can release it back to the queue; another operator cannot', async () => {
        const record = await claimed('cancellations', operator1);
        expectError(await api.call('POST', `/cancellations/${record.id}/release`, { token: operator2, body: {} }), 409, 'conflict_claimed');
        const released = await api.call('POST', `/cancellations/${record.id}/release`, { token: operator1, body: {} });
        expect(released.status).toBe(200);
        expect(released.body).toMatchObject({ status: 'pending', assignee: null });
    });

    it('a supervisor can release anyone\'s claim, with a note', async () => {
        const record = await claimed('verifications', operator2);
        const released = await api.call('POST', `/verifications/${record.id}/release`, { token: supervisor, body: { note: 'operator2 is off sick' } });
        expect(released.status).toBe(200);
        expect(released.body.status).toBe('pending');
    });

    it('a claim left untouched past its lifetime lapses back to the queue, audited as the system', async () => {
        if (target.external) return; // needs control of the server's clock
        const record = await claimed('verifications', operator1);
        clock.now = new Date(Date.parse(record.claimExpiresAt) + 1000);
        try {
            const after = await api.call('GET', `/verifications/${record.id}`, { token: operator1 });
            expect(after.body).toMatchObject({ status: 'pending', assignee: null });
            const trail = await api.list('/audit', { filter: { requestId: record.id }, sort: ['id', 'ASC'] }, operator1);
            expect(trail.body.map(e => [e.action, e.actor])).toEqual([['claim', 'u-operator1'], ['lapse', 'system']]);
        } finally {
            clock.now = new Date();
        }
    });
});

type Resource = 'verifications' | 'cancellations';
/** Every id a list filter matches, page by page. */
async function allIds(resource: Resource, filter: Record<string, unknown>, token: string) {
    const ids: string[] = [];
    for (let start = 0; ; start += 500) {
        const { body } = await api.list(`/${resource}`, { filter, range: [start, start + 499], sort: ['id', 'ASC'] }, token);
        ids.push(...body.map(r => r.id));
        if (body.length < 500) return ids;
    }
}
/** What review next must skip to reach the pending queue: the requests other tests use, and those the callers hold. */
async function skipping(resource: Resource, ...tokens: string[]) {
    const held = await Promise.all(tokens.map(token => allIds(resource, { status: 'in_review', assignee: 'me' }, token)));
    return [...taken, ...held.flat()];
}
/** The pending requests no other test uses, in the order review next takes them. */
async function pendingByDue(resource: Resource) {
    const { body } = await api.list(`/${resource}`, { filter: { status: 'pending' }, range: [0, 499], sort: ['dueAt', 'ASC'] }, supervisor);
    return body.filter(r => !taken.has(r.id));
}

describe('review next', () => {
    const claimNext = (resource: Resource, token: string, exclude?: unknown) =>
        api.call('POST', `/${resource}/claim-next`, { token, body: exclude === undefined ? {} : { exclude } });

    const auditOf = async (id: string, token: string) => (await api.list('/audit', { filter: { requestId: id, action: STATE_CHANGES }, sort: ['id', 'ASC'] }, token)).body;

    it('claims the oldest-due pending request not excluded, as claim does, with a claim audit entry', async () => {
        const exclude = await skipping('verifications', operator1);
        const [oldest] = await pendingByDue('verifications');
        const answer = await claimNext('verifications', operator1, exclude);
        expect(answer.status).toBe(200);
        taken.add(answer.body.id);
        expect(answer.body).toMatchObject({ id: oldest.id, status: 'in_review', assignee: 'u-operator1', version: oldest.version + 1, claimedAt: expect.any(String), claimExpiresAt: expect.any(String) });
        expect(Date.parse(answer.body.claimExpiresAt) - Date.parse(answer.body.claimedAt)).toBeCloseTo(15 * 60_000, -4);
        expect((await auditOf(oldest.id, operator1)).at(-1)).toMatchObject({ actor: 'u-operator1', action: 'claim', fromStatus: 'pending', toStatus: 'in_review', reasons: [], note: null });
    });

    it('while the caller holds one, answers that one again: same id, same version, claim extended, no audit entry', async () => {
        const exclude = await skipping('cancellations', operator2);
        const first = await claimNext('cancellations', operator2, exclude);
        expect(first.status).toBe(200);
        taken.add(first.body.id);
        const trail = await auditOf(first.body.id, operator2);
        const before = clock.now;
        if (!target.external) clock.now = new Date(before.getTime() + 60_000);
        try {
            const again = await claimNext('cancellations', operator2, exclude);
            expect(again.status).toBe(200);
            expect(again.body).toMatchObject({ id: first.body.id, version: first.body.version, status: 'in_review', assignee: 'u-operator2', claimedAt: first.body.claimedAt });
            if (!target.external) expect(Date.parse(again.body.claimExpiresAt)).toBe(Date.parse(first.body.claimExpiresAt) + 60_000);
            expect(await auditOf(first.body.id, operator2)).toEqual(trail);
        } finally {
            clock.now = before;
        }
    });

    it('skips excluded requests, held or pending', async () => {
        const exclude = await skipping('verifications', supervisor);
        const first = await claimNext('verifications', supervisor, exclude);
        expect(first.status).toBe(200);
        taken.add(first.body.id);
        const second = await claimNext('verifications', supervisor, [...exclude, first.body.id]);
        expect(second.status).toBe(200);
        taken.add(second.body.id);
        expect(second.body.id).not.toBe(first.body.id);

        // Holding both, with the first one excluded: the one still held comes before any pending request.
        const again = await claimNext('verifications', supervisor, [...exclude, first.body.id]);
        expect(again.body).toMatchObject({ id: second.body.id, version: second.body.version });

        // Excluding both held ones and the oldest pending request: the next pending one is claimed.
        const [oldest, next] = await pendingByDue('verifications');
        const answer = await claimNext('verifications', supervisor, [...exclude, first.body.id, second.body.id, oldest.id]);
        expect(answer.status).toBe(200);
        taken.add(answer.body.id);
        expect(answer.body).toMatchObject({ id: next.id, status: 'in_review', assignee: 'u-supervisor1' });
        expect((await api.call('GET', `/verifications/${oldest.id}`, { token: supervisor })).body.status).toBe('pending');
    });

    it.each([
        ['a string', 'V-000001'],
        ['an array of non-strings', ['V-000001', 7]],
        ['an object', { id: 'V-000001' }],
        ['null', null],
    ])('answers 400 for an exclude that is %s', async (_what, exclude) => {
        const answer = await claimNext('verifications', operator1, exclude);
        expectError(answer, 400, 'bad_request');
        expect(answer.body.error.fields).toEqual({ exclude: 'invalid' });
    });

    it('answers 400 for a body that is not a JSON object', async () => {
        expectError(await api.call('POST', '/verifications/claim-next', { token: operator1, body: '["V-000001"]' }), 400, 'bad_request');
    });

    it('callers asking at the same moment never get the same request', async () => {
        const callers = [operator1, operator2, supervisor];
        const exclude = await skipping('cancellations', ...callers);
        const expected = (await pendingByDue('cancellations')).slice(0, callers.length).map(r => r.id);
        const answers = await Promise.all(callers.map(token => claimNext('cancellations', token, exclude)));
        for (const answer of answers) {
            expect(answer.status).toBe(200);
            taken.add(answer.body.id);
        }
        expect(answers.map(a => a.body.assignee)).toEqual(['u-operator1', 'u-operator2', 'u-supervisor1']);
        expect(answers.map(a => a.body.id).sort()).toEqual([...expected].sort());
        for (const answer of answers) {
            expect((await auditOf(answer.body.id, supervisor)).at(-1)).toMatchObject({ action: 'claim', actor: answer.body.assignee, fromStatus: 'pending', toStatus: 'in_review' });
        }
    });

    it('answers 404 queue_empty when nothing is left to review, and changes nothing', async () => {
        const pending = await allIds('cancellations', { status: 'pending' }, operator1);
        const exclude = [...pending, ...await skipping('cancellations', operator1)];
        expectError(await claimNext('cancellations', operator1, exclude), 404, 'queue_empty');
        expect(await allIds('cancellations', { status: 'pending' }, operator1)).toEqual(pending);
    });

    it('is not taken for a request id', async () => {
        expectError(await api.call('GET', '/verifications/claim-next', { token: operator1 }), 404, 'not_found');
    });
});

describe('deciding', () => {
    it('the holder approves with the record version and an optional note', async () => {
        const record = await claimed('verifications', operator1);
        const answer = await api.call('POST', `/verifications/${record.id}/approve`, { token: operator1, body: { version: record.version, note: 'all checks fine' } });
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({
            status: 'approved', version: record.version + 1, decidedBy: 'u-operator1', decidedAt: expect.any(String),
            decision: { outcome: 'approved', reasons: [], note: 'all checks fine', customerMessage: null },
        });
    });

    it('the same decision sent twice is one decision: the replay gets the same answer and no new audit entry', async () => {
        const record = await claimed('verifications', operator1);
        const body = { version: record.version };
        const first = await api.call('POST', `/verifications/${record.id}/approve`, { token: operator1, body });
        const second = await api.call('POST', `/verifications/${record.id}/approve`, { token: operator1, body });
        expect(second.status).toBe(200);
        expect(second.headers.get('idempotent-replay')).toBe('true');
        expect(second.body).toEqual(first.body);
        const trail = await api.list('/audit', { filter: { requestId: record.id } }, operator1);
        expect(trail.body.filter(e => e.action === 'approve')).toHaveLength(1);
    });

    it('a retry with other text is not a replay: 409 conflict_state with the record as stored, so no edited note is answered as saved', async () => {
        const record = await claimed('verifications', operator1);
        const reject = (body: object) => api.call('POST', `/verifications/${record.id}/reject`, { token: operator1, body: { version: record.version, reasons: ['id_expired'], ...body } });
        expect((await reject({ note: 'first words' })).status).toBe(200);
        expect((await reject({ note: 'first words' })).headers.get('idempotent-replay')).toBe('true');
        const edited = await reject({ note: 'second thoughts' });
        expectError(edited, 409, 'conflict_state');
        expect(edited.body.error.record.decision).toMatchObject({ outcome: 'rejected', note: 'first words' });
        expectError(await reject({ note: 'first words', customerMessage: 'Another message' }), 409, 'conflict_state');
        const trail = await api.list('/audit', { filter: { requestId: record.id } }, operator1);
        expect(trail.body.filter(e => e.action === 'reject')).toHaveLength(1);
    });

    it('a decision without a version is a 400; with a stale version a 409 with the current record', async () => {
        const record = await claimed('verifications', operator1);
        expectError(await api.call('POST', `/verifications/${record.id}/approve`, { token: operator1, body: {} }), 400, 'bad_request');
        const stale = await api.call('POST', `/verifications/${record.id}/approve`, { token: operator1, body: { version: record.version - 1 } });
        expectError(stale, 409, 'conflict_version');
        expect(stale.body.error.record).toMatchObject({ id: record.id, version: record.version });
    });

    it('nobody decides a request they do not hold: 409, and nothing changes', async () => {
        const record = await claimed('verifications', operator1);
        expectError(await api.call('POST', `/verifications/${record.id}/approve`, { token: operator2, body: { version: record.version } }), 409, 'conflict_claimed');
        expectError(await api.call('POST', `/verifications/${record.id}/reject`, { token: supervisor, body: { version: record.version, reasons: ['id_expired'] } }), 409, 'conflict_claimed');
        const pending = await freshPending('verifications');
        expectError(await api.call('POST', `/verifications/${pending.id}/approve`, { token: operator1, body: { version: pending.version } }), 409, 'conflict_state');
        expect((await api.call('GET', `/verifications/${record.id}`, { token: operator1 })).body).toMatchObject({ status: 'in_review', version: record.version });
    });

    it('rejecting needs at least one reason code valid for the request kind', async () => {
        const record = await claimed('verifications', operator1);
        const url = `/verifications/${record.id}/reject`;
        expectError(await api.call('POST', url, { token: operator1, body: { version: record.version } }), 400, 'invalid_reasons');
        expectError(await api.call('POST', url, { token: operator1, body: { version: record.version, reasons: [] } }), 400, 'invalid_reasons');
        expectError(await api.call('POST', url, { token: operator1, body: { version: record.version, reasons: ['bills_unpaid'] } }), 400, 'invalid_reasons');
        expectError(await api.call('POST', url, { token: operator1, body: { version: record.version, reasons: ['made_up'] } }), 400, 'invalid_reasons');
    });

    it('a rejection records its reasons, the note, and the customer message built from the templates', async () => {
        const record = await claimed('verifications', operator1);
        const answer = await api.call('POST', `/verifications/${record.id}/reject`, { token: operator1, body: { version: record.version, reasons: ['id_expired', 'photo_unclear'], note: 'glare on the number' } });
        expect(answer.status).toBe(200);
        expect(answer.body.decision).toMatchObject({ outcome: 'rejected', reasons: ['id_expired', 'photo_unclear'], note: 'glare on the number' });
        expect(answer.body.decision.customerMessage).toContain(record.customerLanguage === 'en' ? 'has expired' : '已过有效期');
    });

    it('an operator\'s edited customer message is sent as written', async () => {
        const record = await claimed('verifications', operator1);
        const customerMessage = '您好，请重新上传清晰的身份证正面照片。';
        const answer = await api.call('POST', `/verifications/${record.id}/reject`, { token: operator1, body: { version: record.version, reasons: ['photo_unclear'], customerMessage } });
        expect(answer.body.decision.customerMessage).toBe(customerMessage);
    });

    it('a cancellation whose preconditions fail cannot be approved: 409 listing them', async () => {
        const record = await claimed('cancellations', operator1, { readyToApprove: false });
        const answer = await api.call('POST', `/cancellations/${record.id}/approve`, { token: operator1, body: { version: record.version } });
        expectError(answer, 409, 'preconditions_failed');
        expect(answer.body.error.preconditions.length).toBeGreaterThan(0);
    });

    it('approving a ready cancellation releases the number, recording when and by whom', async () => {
        const record = await claimed('cancellations', operator1, { readyToApprove: true }, function oneApprovalEnough(r) { return r.requiresSecondApproval === false; });
        const answer = await api.call('POST', `/cancellations/${record.id}/approve`, { token: operator1, body: { version: record.version } });
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ status: 'approved', numberReleasedAt: expect.any(String), numberReleasedBy: 'u-operator1', decidedBy: 'u-operator1', firstApproval: null });
    });
});

describe('deciding and claiming the next request in one step', () => {
    const decide = (resource: Resource, id: string, action: 'approve' | 'reject', token: string, body: Record<string, unknown>) =>
        api.call('POST', `/${resource}/${id}/${action}`, { token, body });
    const auditOf = async (id: string) => (await api.list('/audit', { filter: { requestId: id, action: STATE_CHANGES }, sort: ['id', 'ASC'] }, supervisor)).body;

    it('with "next", the answer is the decided request and the caller\'s next one, claimed as claim-next would', async () => {
        const record = await claimed('verifications', operator2);
        const exclude = await skipping('verifications', operator2);
        const [oldest] = await pendingByDue('verifications');
        const answer = await decide('verifications', record.id, 'approve', operator2, { version: record.version, note: 'fine', next: { exclude } });
        expect(answer.status).toBe(200);
        taken.add(answer.body.next.id);
        expect(answer.body.decided).toMatchObject({ id: record.id, status: 'approved', version: record.version + 1, decidedBy: 'u-operator2', decision: { outcome: 'approved', note: 'fine' } });
        expect(answer.body.next).toMatchObject({ id: oldest.id, status: 'in_review', assignee: 'u-operator2', version: oldest.version + 1 });
        expect((await api.call('GET', `/verifications/${record.id}`, { token: operator2 })).body).toEqual(answer.body.decided);
        expect((await auditOf(oldest.id)).at(-1)).toMatchObject({ action: 'claim', actor: 'u-operator2', fromStatus: 'pending', toStatus: 'in_review' });
        expect((await auditOf(record.id)).at(-1)).toMatchObject({ action: 'approve', actor: 'u-operator2', toStatus: 'approved' });
    });

    it('hands back a request the caller already holds before any pending one, as a heartbeat', async () => {
        const held = await claimed('cancellations', operator1, { readyToApprove: false });
        const record = await claimed('cancellations', operator1, { readyToApprove: false });
        const exclude = (await skipping('cancellations', operator1)).filter(id => id !== held.id);
        const trail = await auditOf(held.id);
        const answer = await decide('cancellations', record.id, 'reject', operator1, { version: record.version, reasons: ['devices_bound'], next: { exclude } });
        expect(answer.status).toBe(200);
        expect(answer.body.decided).toMatchObject({ id: record.id, status: 'rejected', decision: { reasons: ['devices_bound'] } });
        expect(answer.body.next).toMatchObject({ id: held.id, version: held.version, status: 'in_review', assignee: 'u-operator1' });
        expect(await auditOf(held.id)).toEqual(trail);
    });

    it('answers next: null when nothing is left to review, and the decision stands', async () => {
        const record = await claimed('cancellations', operator2, { readyToApprove: false });
        const exclude = [...await allIds('cancellations', { status: 'pending' }, operator2), ...await skipping('cancellations', operator2)];
        const answer = await decide('cancellations', record.id, 'reject', operator2, { version: record.version, reasons: ['bills_unpaid'], next: { exclude } });
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({ decided: expect.objectContaining({ id: record.id, status: 'rejected' }), next: null });
    });

    it('a refused decision claims nothing', async () => {
        const record = await claimed('verifications', operator1);
        const exclude = await skipping('verifications', operator1);
        const [oldest] = await pendingByDue('verifications');
        const trail = await auditOf(oldest.id);
        expectError(await decide('verifications', record.id, 'approve', operator1, { version: record.version - 1, next: { exclude } }), 409, 'conflict_version');
        expectError(await decide('verifications', record.id, 'approve', operator2, { version: record.version, next: {} }), 409, 'conflict_claimed');
        expect((await api.call('GET', `/verifications/${oldest.id}`, { token: supervisor })).body).toMatchObject({ status: 'pending', version: oldest.version });
        expect(await auditOf(oldest.id)).toEqual(trail);
    });

    it('a decision with "next" sent twice is one decision: the replay answers the decision and claim-next\'s answer', async () => {
        const record = await claimed('verifications', operator2);
        const exclude = await skipping('verifications', operator2);
        const body = { version: record.version, reasons: ['photo_unclear'], next: { exclude } };
        const first = await decide('verifications', record.id, 'reject', operator2, body);
        expect(first.status).toBe(200);
        taken.add(first.body.next.id);
        const again = await decide('verifications', record.id, 'reject', operator2, body);
        expect(again.status).toBe(200);
        expect(again.headers.get('idempotent-replay')).toBe('true');
        expect(again.body.decided).toEqual(first.body.decided);
        expect(again.body.next).toMatchObject({ id: first.body.next.id, version: first.body.next.version, assignee: 'u-operator2' });
        expect((await auditOf(record.id)).filter(e => e.action === 'reject')).toHaveLength(1);
    });

    it.each([
        ['not an object', 5, { next: 'invalid' }],
        ['null', null, { next: 'invalid' }],
        ['an exclude that is not a list of ids', { exclude: 'V-000001' }, { 'next.exclude': 'invalid' }],
    ])('answers 400 for a "next" that is %s, and decides nothing', async (_what, next, fields) => {
        const record = await claimed('verifications', operator1);
        const answer = await decide('verifications', record.id, 'approve', operator1, { version: record.version, next });
        expectError(answer, 400, 'bad_request');
        expect(answer.body.error.fields).toEqual(fields);
        expect((await api.call('GET', `/verifications/${record.id}`, { token: operator1 })).body).toMatchObject({ status: 'in_review', version: record.version });
    });

    it('two operators deciding at the same moment never get the same next request', async () => {
        const mine = await claimed('cancellations', operator1, { readyToApprove: false });
        const theirs = await claimed('cancellations', operator2, { readyToApprove: false });
        const exclude = await skipping('cancellations', operator1, operator2);
        const expected = (await pendingByDue('cancellations')).slice(0, 2).map(r => r.id);
        const answers = await Promise.all([
            decide('cancellations', mine.id, 'reject', operator1, { version: mine.version, reasons: ['devices_bound'], next: { exclude } }),
            decide('cancellations', theirs.id, 'reject', operator2, { version: theirs.version, reasons: ['bills_unpaid'], next: { exclude } }),
        ]);
        for (const answer of answers) {
            expect(answer.status).toBe(200);
            taken.add(answer.body.next.id);
        }
        expect(answers.map(a => a.body.next.assignee)).toEqual(['u-operator1', 'u-operator2']);
        expect(answers.map(a => a.body.next.id).sort()).toEqual([...expected].sort());
    });
});

describe('four eyes on large refunds', () => {
    // The server decides which cancellations need two approvals (`requiresSecondApproval`); tests pick by that field.
    const largeRefund: Where = function largeRefund(r) { return r.requiresSecondApproval === true; };
    const smallRefund: Where = function smallRefund(r) { return r.requiresSecondApproval === false && r.account.refundRequested && r.account.balance > 0; };
    const noRefund: Where = function noRefund(r) { return r.requiresSecondApproval === false && !r.account.refundRequested; };
    const ready = { readyToApprove: true };
    const approve = (id: string, token: string, body: unknown) => api.call('POST', `/cancellations/${id}/approve`, { token, body });
    const sendBack = (id: string, token: string, body: unknown) => api.call('POST', `/cancellations/${id}/send-back`, { token, body });
    const current = async (id: string) => (await api.call('GET', `/cancellations/${id}`, { token: supervisor })).body;
    const auditOf = async (id: string) => (await api.list('/audit', { filter: { requestId: id, action: STATE_CHANGES }, sort: ['id', 'ASC'] }, supervisor)).body;
    const steps = (trail: { action: string; actor: string; fromStatus: string; toStatus: string }[]) => trail.map(e => [e.action, e.actor, e.fromStatus, e.toStatus]);

    /** A ready large-refund cancellation, claimed and approved once by `token`: it now awaits the second approval. */
    async function firstApproved(token: string, note?: string) {
        const record = await claimed('cancellations', token, ready, largeRefund);
        const answer = await approve(record.id, token, { version: record.version, note });
        expect(answer.status).toBe(200);
        expect(answer.body.status).toBe('awaiting_second_approval');
        return answer.body;
    }

    it('every cancellation says whether its approval takes two people: only a refund above the threshold does', async () => {
        const { body } = await api.list('/cancellations', { range: [0, 499] }, operator1);
        for (const record of body) {
            expect(typeof record.requiresSecondApproval, record.id).toBe('boolean');
            expect(record).toHaveProperty('firstApproval');
            if (record.requiresSecondApproval) expect(record.account, record.id).toMatchObject({ refundRequested: true, balance: expect.any(Number) });
            // The standalone server runs with the default threshold, 500,000 IDR; exactly the threshold is not above it.
            if (!target.external) expect(record.requiresSecondApproval, record.id).toBe(record.account.refundRequested && record.account.balance > 500_000);
        }
        expect(body.some(largeRefund)).toBe(true);
        expect(body.some(r => !r.requiresSecondApproval)).toBe(true);
    });

    it('an operator\'s approval of a large refund awaits a second approval: nothing decided, nothing released, nobody\'s claim', async () => {
        const record = await claimed('cancellations', operator1, ready, largeRefund);
        expect(record).toMatchObject({ requiresSecondApproval: true, firstApproval: null });
        const answer = await approve(record.id, operator1, { version: record.version, note: 'refund reference checked' });
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({
            status: 'awaiting_second_approval', version: record.version + 1, assignee: null, claimExpiresAt: null,
            firstApproval: { by: 'u-operator1', at: expect.any(String), note: 'refund reference checked' },
            decision: null, decidedAt: null, decidedBy: null, numberReleasedAt: null, numberReleasedBy: null,
        });
        // Older entries (a seeded claim that lapsed) may come first.
        const trail = await auditOf(record.id);
        expect(steps(trail.slice(-2))).toEqual([
            ['claim', 'u-operator1', 'pending', 'in_review'],
            ['approve', 'u-operator1', 'in_review', 'awaiting_second_approval'],
        ]);
        expect(trail.at(-1).note).toBe('refund reference checked');

        // A double click on the first approval (the same body) is one approval.
        const again = await approve(record.id, operator1, { version: record.version, note: 'refund reference checked' });
        expect(again.status).toBe(200);
        expect(again.headers.get('idempotent-replay')).toBe('true');
        expect(again.body).toEqual(answer.body);

        // It is nobody's to claim, release or reject any more.
        expectError(await api.call('POST', `/cancellations/${record.id}/claim`, { token: operator2 }), 409, 'conflict_state');
        expectError(await api.call('POST', `/cancellations/${record.id}/release`, { token: supervisor, body: {} }), 409, 'conflict_state');
        const reject = await api.call('POST', `/cancellations/${record.id}/reject`, { token: supervisor, body: { version: answer.body.version, reasons: ['not_holder'] } });
        expectError(reject, 409, 'conflict_state');
        expect(reject.body.error.record).toMatchObject({ id: record.id, status: 'awaiting_second_approval' });
        expect(await auditOf(record.id)).toEqual(trail);

        // Review next never hands it out: with every pending request and every held one excluded, the queue is empty.
        const { body: open } = await api.list('/cancellations', { filter: { status: ['pending', 'in_review'] }, range: [0, 499] }, operator2);
        expectError(await api.call('POST', '/cancellations/claim-next', { token: operator2, body: { exclude: open.map(r => r.id) } }), 404, 'queue_empty');
        expect(await current(record.id)).toMatchObject({ status: 'awaiting_second_approval', version: answer.body.version });
    });

    it('an operator cannot give the second approval: 403, and a stale version is a 409', async () => {
        const record = await firstApproved(operator2);
        expectError(await approve(record.id, operator1, { version: record.version }), 403, 'forbidden');
        expectError(await approve(record.id, operator2, { version: record.version }), 403, 'forbidden');
        const stale = await approve(record.id, supervisor, { version: record.version - 1 });
        expectError(stale, 409, 'conflict_version');
        expect(stale.body.error.record).toMatchObject({ id: record.id, version: record.version, status: 'awaiting_second_approval' });
        expect(await current(record.id)).toMatchObject({ status: 'awaiting_second_approval', version: record.version, firstApproval: { by: 'u-operator2' }, numberReleasedAt: null });
    });

    it('the first approver cannot give the second approval, even as a supervisor: 403 four_eyes_same_person', async () => {
        const record = await firstApproved(supervisor);
        expect(record.firstApproval).toMatchObject({ by: 'u-supervisor1' });
        expectError(await approve(record.id, supervisor, { version: record.version }), 403, 'four_eyes_same_person');
        expect(await current(record.id)).toMatchObject({ status: 'awaiting_second_approval', version: record.version, decidedBy: null, numberReleasedAt: null });
        expect((await auditOf(record.id)).slice(-2).map(e => e.action)).toEqual(['claim', 'approve']);
        // Sending it back stays open to them.
        expect((await sendBack(record.id, supervisor, { version: record.version, note: 'needs another supervisor' })).status).toBe(200);
    });

    it('a supervisor other than the first approver gives the second approval: approved, the number released by the supervisor', async () => {
        const record = await firstApproved(operator1);
        const answer = await approve(record.id, supervisor, { version: record.version, note: 'refund settled, RF matches' });
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({
            status: 'approved', version: record.version + 1, assignee: null,
            decidedBy: 'u-supervisor1', decidedAt: expect.any(String),
            decision: { outcome: 'approved', reasons: [], note: 'refund settled, RF matches', customerMessage: null },
            numberReleasedBy: 'u-supervisor1', numberReleasedAt: expect.any(String),
            firstApproval: { by: 'u-operator1' },
        });
        const trail = await auditOf(record.id);
        expect(steps(trail.slice(-3))).toEqual([
            ['claim', 'u-operator1', 'pending', 'in_review'],
            ['approve', 'u-operator1', 'in_review', 'awaiting_second_approval'],
            ['second_approve', 'u-supervisor1', 'awaiting_second_approval', 'approved'],
        ]);
        expect(trail.at(-1).note).toBe('refund settled, RF matches');

        // The same second approval sent twice is one approval.
        const again = await approve(record.id, supervisor, { version: record.version, note: 'refund settled, RF matches' });
        expect(again.status).toBe(200);
        expect(again.headers.get('idempotent-replay')).toBe('true');
        expect(again.body).toEqual(answer.body);
        expect(await auditOf(record.id)).toEqual(trail);
    });

    it('a supervisor sends it back to the queue with a note: pending again, the first approval dropped, audited', async () => {
        const record = await firstApproved(operator1);
        const before = await auditOf(record.id);
        const url = `/cancellations/${record.id}/send-back`;
        for (const note of [undefined, null, '', '   ']) {
            const answer = await api.call('POST', url, { token: supervisor, body: { version: record.version, note } });
            expectError(answer, 400, 'bad_request');
            expect(answer.body.error.fields).toEqual({ note: 'required' });
        }
        expect((await sendBack(record.id, supervisor, { version: record.version, note: 'x'.repeat(2001) })).body.error.fields).toEqual({ note: 'too_long' });
        expect((await sendBack(record.id, supervisor, { note: 'no version' })).body.error.fields).toEqual({ version: 'required' });
        expectError(await sendBack(record.id, operator1, { version: record.version, note: 'mine' }), 403, 'forbidden');
        expectError(await sendBack(record.id, supervisor, { version: record.version - 1, note: 'stale' }), 409, 'conflict_version');

        const answer = await sendBack(record.id, supervisor, { version: record.version, note: 'refund reference does not match the bank' });
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({
            status: 'pending', version: record.version + 1, firstApproval: null, assignee: null, claimExpiresAt: null,
            decision: null, decidedBy: null, numberReleasedAt: null, numberReleasedBy: null,
        });
        const trail = await auditOf(record.id);
        expect(trail.at(-1)).toMatchObject({ action: 'send_back', actor: 'u-supervisor1', fromStatus: 'awaiting_second_approval', toStatus: 'pending', reasons: [], note: 'refund reference does not match the bank' });
        expect(trail).toHaveLength(before.length + 1);

        // The same send-back sent again (its answer was lost, say) is a replay: nothing changes.
        const replay = await sendBack(record.id, supervisor, { version: record.version, note: 'refund reference does not match the bank' });
        expect(replay.status).toBe(200);
        expect(replay.headers.get('idempotent-replay')).toBe('true');
        expect(await auditOf(record.id)).toHaveLength(before.length + 1);
        // Any other second send-back finds it pending. It is back in the queue for anyone to claim.
        expectError(await sendBack(record.id, supervisor, { version: answer.body.version, note: 'again' }), 409, 'conflict_state');
        expect((await api.call('POST', `/cancellations/${record.id}/claim`, { token: operator2 })).body).toMatchObject({ status: 'in_review', assignee: 'u-operator2' });
    });

    it('only a cancellation awaiting a second approval can be sent back; verifications have no send-back', async () => {
        const pending = await freshPending('cancellations', {}, function oneApprovalEnough(r) { return r.requiresSecondApproval === false; });
        expectError(await sendBack(pending.id, supervisor, { version: pending.version, note: 'why' }), 409, 'conflict_state');
        const { body: [verification] } = await api.list('/verifications', { range: [0, 0] }, supervisor);
        expectError(await api.call('POST', `/verifications/${verification.id}/send-back`, { token: supervisor, body: { version: verification.version, note: 'why' } }), 404, 'not_found');
    });

    it.each([
        ['a small refund', smallRefund],
        ['no refund', noRefund],
    ])('a cancellation with %s is approved in one step', async (_what, where) => {
        const record = await claimed('cancellations', operator1, ready, where);
        expect(record.requiresSecondApproval).toBe(false);
        const answer = await approve(record.id, operator1, { version: record.version });
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ status: 'approved', decidedBy: 'u-operator1', numberReleasedBy: 'u-operator1', firstApproval: null });
        expect(steps((await auditOf(record.id)).slice(-2))).toEqual([
            ['claim', 'u-operator1', 'pending', 'in_review'],
            ['approve', 'u-operator1', 'in_review', 'approved'],
        ]);
    });
});

describe('the reason catalogue and the operators (read-only)', () => {
    it('serves the reasons of one kind, each with retry or final, labels and templates', async () => {
        const answer = await api.list('/reasons', { filter: { kind: 'verification' }, range: [0, 99] }, operator1);
        expect(answer.status).toBe(200);
        expect(answer.body.length).toBeGreaterThan(5);
        for (const reason of answer.body) {
            expect(reason).toMatchObject({ id: expect.any(String), kind: 'verification', retry: expect.stringMatching(/^(retry|final)$/), label: { en: expect.any(String), 'zh-CN': expect.any(String) }, template: { en: expect.any(String), 'zh-CN': expect.any(String) } });
        }
        expect((await api.call('GET', '/reasons/id_expired', { token: operator1 })).body.id).toBe('id_expired');
    });

    it('serves the operators, without passwords', async () => {
        const answer = await api.list('/operators', {}, operator1);
        expect(answer.body.map(o => o.username).sort()).toEqual(['operator1', 'operator2', 'supervisor1']);
        expect(JSON.stringify(answer.body)).not.toContain('password');
    });

    it('refuses writes to the catalogue and the operators', async () => {
        expectError(await api.call('PUT', '/reasons/id_expired', { token: supervisor, body: { retry: 'final' } }), 405, 'method_not_allowed');
        expectError(await api.call('POST', '/reasons', { token: supervisor, body: { id: 'new' } }), 405, 'method_not_allowed');
        expectError(await api.call('PATCH', '/operators/u-operator1', { token: supervisor, body: { role: 'supervisor' } }), 405, 'method_not_allowed');
    });
});

describe('the audit trail', () => {
    it('every state change is written with who, from-state, to-state, reasons and note', async () => {
        const record = await claimed('verifications', operator2);
        await api.call('POST', `/verifications/${record.id}/reject`, { token: operator2, body: { version: record.version, reasons: ['side_missing'], note: 'back missing' } });
        const trail = await api.list('/audit', { filter: { requestId: record.id }, sort: ['id', 'ASC'] }, supervisor);
        expect(trail.body).toEqual([
            expect.objectContaining({ actor: 'u-operator2', action: 'claim', requestKind: 'verification', fromStatus: 'pending', toStatus: 'in_review' }),
            expect.objectContaining({ actor: 'u-operator2', action: 'reject', fromStatus: 'in_review', toStatus: 'rejected', reasons: ['side_missing'], note: 'back missing', at: expect.any(String) }),
        ]);
    });

    it('operators may read one request\'s timeline but not the whole trail', async () => {
        expectError(await api.list('/audit', {}, operator1), 403, 'forbidden');
        expectError(await api.list('/audit', { filter: { requestId: '' } }, operator1), 403, 'forbidden');
        expectError(await api.list('/audit', { filter: { requestId: ['V-000001', 'V-000002'] } }, operator1), 403, 'forbidden');
        const record = await claimed('verifications', operator1);
        expect((await api.list('/audit', { filter: { requestId: record.id } }, operator1)).status).toBe(200);
        const { body: [entry] } = await api.list('/audit', { range: [0, 0] }, supervisor);
        expectError(await api.call('GET', `/audit/${entry.id}`, { token: operator1 }), 403, 'forbidden');
        expect((await api.call('GET', `/audit/${entry.id}`, { token: supervisor })).body).toEqual(entry);
    });

    it('is append-only: no method edits, deletes or adds an entry', async () => {
        const { body: [entry] } = await api.list('/audit', { range: [0, 0] }, supervisor);
        expectError(await api.call('PUT', `/audit/${entry.id}`, { token: supervisor, body: { ...entry, note: 'edited' } }), 405, 'method_not_allowed');
        expectError(await api.call('PATCH', `/audit/${entry.id}`, { token: supervisor, body: { note: 'edited' } }), 405, 'method_not_allowed');
        expectError(await api.call('DELETE', `/audit/${entry.id}`, { token: supervisor }), 405, 'method_not_allowed');
        expectError(await api.call('POST', '/audit', { token: supervisor, body: { ...entry, id: undefined } }), 405, 'method_not_allowed');
        expect((await api.call('GET', `/audit/${entry.id}`, { token: supervisor })).body).toEqual(entry);
    });
});

/** The total after the "/" of a Content-Range. */
const totalOf = (answer: Answer) => Number(/\/(\d+)$/.exec(answer.headers.get('content-range') ?? '')?.[1] ?? Number.NaN);
/** Every row a list filter matches, page by page. */
async function everyRow(path: string, filter: Record<string, unknown>, token: string, sort: [string, string] = ['id', 'ASC']) {
    const rows: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any -- records are arbitrary JSON
    for (let start = 0; ; start += 500) {
        const answer = await api.list(path, { filter, range: [start, start + 499], sort }, token);
        expect(answer.status, `${path} ${JSON.stringify(filter)}`).toBe(200);
        rows.push(...answer.body);
        if (answer.body.length < 500) return rows;
    }
}
const auditTrail = async (id: string) => (await api.list('/audit', { filter: { requestId: id, action: STATE_CHANGES }, sort: ['id', 'ASC'] }, supervisor)).body;

describe('the audit trail: filters (supervisors)', () => {
    /** The list answer for a filter, checked to be a real filter: some entries but not all, each one matching. */
    async function filtered(filter: Record<string, unknown>, matches: (entry: any) => boolean) { // eslint-disable-line @typescript-eslint/no-explicit-any -- arbitrary JSON
        const all = totalOf(await api.list('/audit', { range: [0, 0] }, supervisor));
        const answer = await api.list('/audit', { filter, range: [0, 499] }, supervisor);
        expect(answer.status, JSON.stringify(filter)).toBe(200);
        expect(answer.body.length, JSON.stringify(filter)).toBeGreaterThan(0);
        expect(totalOf(answer), JSON.stringify(filter)).toBeLessThan(all);
        for (const entry of answer.body) expect(matches(entry), `${entry.id} for ${JSON.stringify(filter)}`).toBe(true);
        return answer;
    }

    it('filters by the status an entry led to, one or many', async () => {
        const rejected = await filtered({ toStatus: 'rejected' }, e => e.toStatus === 'rejected');
        const approved = await filtered({ toStatus: 'approved' }, e => e.toStatus === 'approved');
        const either = await filtered({ toStatus: ['approved', 'rejected'] }, e => ['approved', 'rejected'].includes(e.toStatus));
        expect(totalOf(either)).toBe(totalOf(rejected) + totalOf(approved));
        const bad = await api.list('/audit', { filter: { toStatus: 'lost' } }, supervisor);
        expectError(bad, 400, 'bad_request');
        expect(bad.body).toMatchObject({ error: { fields: { toStatus: 'invalid' } } });
    });

    it('q finds a part of the request id, whatever its case', async () => {
        const answer = await filtered({ q: ' v-00001' }, e => e.requestId.startsWith('V-00001'));
        expect(new Set(answer.body.map(e => e.requestId)).size).toBeGreaterThan(1);
        const exact = await filtered({ q: 'c-000001' }, e => e.requestId === 'C-000001' || e.requestId.startsWith('C-000001'));
        expect(totalOf(exact)).toBe(totalOf(await api.list('/audit', { filter: { q: 'C-000001' } }, supervisor)));
        expectError(await api.list('/audit', { filter: { q: 7 } }, supervisor), 400, 'bad_request');
    });

    it('filters by actor, action, reason and kind', async () => {
        await filtered({ actor: 'u-operator2' }, e => e.actor === 'u-operator2');
        await filtered({ actor: ['u-operator1', 'system'] }, e => ['u-operator1', 'system'].includes(e.actor));
        await filtered({ action: 'reject' }, e => e.action === 'reject');
        await filtered({ action: ['claim', 'release'] }, e => ['claim', 'release'].includes(e.action));
        await filtered({ reason: 'side_missing' }, e => e.reasons.includes('side_missing'));
        await filtered({ requestKind: 'cancellation' }, e => e.requestKind === 'cancellation');
    });

    it('filters by time, both bounds included', async () => {
        const ats = (await everyRow('/audit', {}, supervisor)).map(e => e.at).sort();
        const [low, high] = [ats[Math.floor(ats.length / 4)], ats[Math.floor((ats.length * 3) / 4)]];
        const answer = await filtered({ at_gte: low, at_lte: high }, e => e.at >= low && e.at <= high);
        expect(totalOf(answer)).toBe(ats.filter(at => at >= low && at <= high).length);
        await filtered({ at_gte: high }, e => e.at >= high);
        await filtered({ at_lte: low }, e => e.at <= low);
    });

    it('combines filters, and an operator still reads only one request\'s timeline', async () => {
        await filtered({ requestKind: 'verification', action: 'reject', toStatus: 'rejected', q: 'V-0000' }, e => e.requestKind === 'verification' && e.action === 'reject' && e.requestId.startsWith('V-0000'));
        expectError(await api.list('/audit', { filter: { q: 'V-000001' } }, operator1), 403, 'forbidden');
        expectError(await api.list('/audit', { filter: { toStatus: 'rejected' } }, operator1), 403, 'forbidden');
        const narrowed = await api.list('/audit', { filter: { requestId: 'V-000001', toStatus: 'in_review', q: 'v-000001' } }, operator1);
        expect(narrowed.status).toBe(200);
        expect(narrowed.body.every(e => e.requestId === 'V-000001' && e.toStatus === 'in_review')).toBe(true);
    });
});

describe('internal notes in lists', () => {
    const decide = (resource: string, record: { id: string; version: number }, token: string, action: 'approve' | 'reject', body: Record<string, unknown>) =>
        api.call('POST', `/${resource}/${record.id}/${action}`, { token, body: { version: record.version, ...body } });
    const rowsOf = async (resource: string, ids: string[], token: string) => {
        const { body } = await api.list(`/${resource}`, { filter: { id: ids } }, token);
        return Object.fromEntries(body.map(r => [r.id, r]));
    };

    it('an operator sees only their own decision notes in a list; the record itself, and supervisors, show every note', async () => {
        const mine = await claimed('verifications', operator1);
        expect((await decide('verifications', mine, operator1, 'approve', { note: 'operator1 remark' })).status).toBe(200);
        const theirs = await claimed('verifications', operator2);
        expect((await decide('verifications', theirs, operator2, 'reject', { reasons: ['photo_unclear'], note: 'operator2 remark' })).status).toBe(200);
        const ids = [mine.id, theirs.id];

        const forOperator1 = await rowsOf('verifications', ids, operator1);
        expect(forOperator1[mine.id].decision).toMatchObject({ outcome: 'approved', note: 'operator1 remark' });
        expect(forOperator1[theirs.id].decision).toMatchObject({ outcome: 'rejected', reasons: ['photo_unclear'], note: null, customerMessage: expect.any(String) });
        const forOperator2 = await rowsOf('verifications', ids, operator2);
        expect(forOperator2[mine.id].decision.note).toBeNull();
        expect(forOperator2[theirs.id].decision.note).toBe('operator2 remark');
        // The same through a filtered, paged list (the queue the console shows).
        const { body: decidedByOperator2 } = await api.list('/verifications', { filter: { decidedBy: 'u-operator2' }, range: [0, 499] }, operator1);
        expect(decidedByOperator2.find(r => r.id === theirs.id).decision.note).toBeNull();

        const forSupervisor = await rowsOf('verifications', ids, supervisor);
        expect(forSupervisor[mine.id].decision.note).toBe('operator1 remark');
        expect(forSupervisor[theirs.id].decision.note).toBe('operator2 remark');
        expect((await api.call('GET', `/verifications/${theirs.id}`, { token: operator1 })).body.decision.note).toBe('operator2 remark');
    });

    it('a first approval\'s note is its author\'s in a list, and the second approver\'s note is theirs', async () => {
        const record = await claimed('cancellations', operator2, { readyToApprove: true }, function largeRefund(r) { return r.requiresSecondApproval === true; });
        const first = await decide('cancellations', record, operator2, 'approve', { note: 'refund RF checked by operator2' });
        expect(first.body.status).toBe('awaiting_second_approval');

        expect((await rowsOf('cancellations', [record.id], operator1))[record.id].firstApproval).toEqual({ by: 'u-operator2', at: expect.any(String), note: null });
        expect((await rowsOf('cancellations', [record.id], operator2))[record.id].firstApproval.note).toBe('refund RF checked by operator2');
        expect((await rowsOf('cancellations', [record.id], supervisor))[record.id].firstApproval.note).toBe('refund RF checked by operator2');
        expect((await api.call('GET', `/cancellations/${record.id}`, { token: operator1 })).body.firstApproval.note).toBe('refund RF checked by operator2');

        expect((await decide('cancellations', first.body, supervisor, 'approve', { note: 'bank statement matches' })).body.status).toBe('approved');
        const forOperator2 = (await rowsOf('cancellations', [record.id], operator2))[record.id];
        expect(forOperator2.firstApproval.note).toBe('refund RF checked by operator2');
        expect(forOperator2.decision).toMatchObject({ outcome: 'approved', note: null });
        expect((await rowsOf('cancellations', [record.id], operator1))[record.id]).toMatchObject({ firstApproval: { note: null }, decision: { note: null } });
        expect((await api.call('GET', `/cancellations/${record.id}`, { token: operator2 })).body.decision.note).toBe('bank statement matches');
    });
});

describe('reassign (supervisors)', () => {
    const reassign = (resource: string, id: string, token: string, body: unknown) => api.call('POST', `/${resource}/${id}/reassign`, { token, body });

    it('hands a pending request to an operator: in review, held by them on a fresh claim, audited with the new assignee', async () => {
        const record = await freshPending('verifications');
        const answer = await reassign('verifications', record.id, supervisor, { to: 'u-operator1', note: 'Lin Xiao knows this customer' });
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ id: record.id, status: 'in_review', assignee: 'u-operator1', version: record.version + 1, claimedAt: expect.any(String) });
        expect(Date.parse(answer.body.claimExpiresAt) - Date.parse(answer.body.claimedAt)).toBe(15 * 60_000);
        expect((await auditTrail(record.id)).at(-1)).toMatchObject({
            action: 'reassign', actor: 'u-supervisor1', fromStatus: 'pending', toStatus: 'in_review', reasons: [], note: 'Lin Xiao knows this customer', assignee: 'u-operator1',
        });
        // The new holder decides it as if they had claimed it.
        const approved = await api.call('POST', `/verifications/${record.id}/approve`, { token: operator1, body: { version: answer.body.version } });
        expect(approved.body).toMatchObject({ status: 'approved', decidedBy: 'u-operator1' });
    });

    it('takes a claim from its holder and gives it to another: the old holder can no longer decide', async () => {
        const record = await claimed('cancellations', operator2, { readyToApprove: false });
        const answer = await reassign('cancellations', record.id, supervisor, { to: 'u-operator1', note: 'Dewi is on leave' });
        expect(answer.body).toMatchObject({ status: 'in_review', assignee: 'u-operator1', version: record.version + 1 });
        expect((await auditTrail(record.id)).at(-1)).toMatchObject({ action: 'reassign', fromStatus: 'in_review', toStatus: 'in_review', assignee: 'u-operator1', note: 'Dewi is on leave' });
        const stale = await api.call('POST', `/cancellations/${record.id}/reject`, { token: operator2, body: { version: answer.body.version, reasons: ['devices_bound'] } });
        expectError(stale, 409, 'conflict_claimed');
        // A supervisor may also hand it to themselves.
        expect((await reassign('cancellations', record.id, supervisor, { to: 'u-supervisor1', note: 'I will finish it' })).body.assignee).toBe('u-supervisor1');
    });

    it('refuses operators (403), an unknown or missing operator and a missing note (400), an unknown id (404)', async () => {
        const record = await freshPending('verifications');
        expectError(await reassign('verifications', record.id, operator1, { to: 'u-operator1', note: 'me please' }), 403, 'forbidden');
        const unknown = await reassign('verifications', record.id, supervisor, { to: 'u-nobody', note: 'who?' });
        expectError(unknown, 400, 'bad_request');
        expect(unknown.body.error.fields).toEqual({ to: 'unknown' });
        expect((await reassign('verifications', record.id, supervisor, { note: 'to whom?' })).body.error.fields).toEqual({ to: 'required' });
        for (const note of [undefined, '', '  ']) expect((await reassign('verifications', record.id, supervisor, { to: 'u-operator2', note })).body.error.fields).toEqual({ note: 'required' });
        expect((await reassign('verifications', record.id, supervisor, { to: 'u-operator2', note: 'x'.repeat(2001) })).body.error.fields).toEqual({ note: 'too_long' });
        expectError(await reassign('verifications', 'V-999999', supervisor, { to: 'u-operator2', note: 'ghost' }), 404, 'not_found');
        expect((await api.call('GET', `/verifications/${record.id}`, { token: supervisor })).body).toMatchObject({ status: 'pending', version: record.version });
    });

    it('only an open request in the queue can be reassigned: decided or awaiting a second approval is 409', async () => {
        const { body: [decided] } = await api.list('/verifications', { filter: { status: 'approved' }, range: [0, 0] }, supervisor);
        const answer = await reassign('verifications', decided.id, supervisor, { to: 'u-operator2', note: 'look again' });
        expectError(answer, 409, 'conflict_state');
        expect(answer.body.error.record).toMatchObject({ id: decided.id, status: 'approved' });
        const { body: [awaiting] } = await api.list('/cancellations', { filter: { status: 'awaiting_second_approval' }, range: [0, 0] }, supervisor);
        expectError(await reassign('cancellations', awaiting.id, supervisor, { to: 'u-operator2', note: 'look again' }), 409, 'conflict_state');
    });
});

describe('statistics (supervisors)', () => {
    const stats = (query: Record<string, string>, token = supervisor) => api.call('GET', `/stats?${new URLSearchParams(query)}`, { token });
    const shiftDay = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const rowOf = (body: any, id: string) => body.team.find((r: { operatorId: string }) => r.operatorId === id); // eslint-disable-line @typescript-eslint/no-explicit-any -- arbitrary JSON

    it('answers queue health per kind and a row per account for the last 7 days by default', async () => {
        const answer = await stats({});
        expect(answer.status).toBe(200);
        const { range, queues, team, reasons } = answer.body;
        expect(Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)).toBe(6 * 86_400_000);
        for (const kind of ['verification', 'cancellation']) {
            expect(queues[kind]).toEqual({
                pending: expect.any(Number), inReview: expect.any(Number), awaitingSecondApproval: expect.any(Number),
                oldestWaitingSince: expect.any(String), overdue: expect.any(Number), dueToday: expect.any(Number),
            });
        }
        expect(team.map((r: { operatorId: string }) => r.operatorId)).toEqual(expect.arrayContaining(['u-operator1', 'u-operator2', 'u-supervisor1']));
        for (const row of team) {
            expect(row).toEqual({
                operatorId: expect.any(String), name: expect.any(String), decisions: row.approved + row.rejected, approved: expect.any(Number), rejected: expect.any(Number),
                approvalRate: row.decisions ? row.approved / row.decisions : null, medianHandlingMs: row.decisions ? expect.any(Number) : null,
                perDay: expect.any(Array), sampled: expect.any(Number), reviewed: expect.any(Number), disagreements: expect.any(Number),
                disagreementRate: row.reviewed ? row.disagreements / row.reviewed : null,
            });
            expect(row.perDay).toHaveLength(7);
        }
        expect(reasons.length).toBeGreaterThan(0);
        expect(reasons.map((r: { count: number }) => r.count)).toEqual([...reasons.map((r: { count: number }) => r.count)].sort((a, b) => b - a));
    });

    it('queue figures agree with the request lists', async () => {
        const { body } = await stats({});
        for (const [kind, resource] of [['verification', '/verifications'], ['cancellation', '/cancellations']] as const) {
            const count = async (filter: Record<string, unknown>) => totalOf(await api.list(resource, { filter, range: [0, 0] }, supervisor));
            expect(body.queues[kind]).toMatchObject({
                pending: await count({ status: 'pending' }),
                inReview: await count({ status: 'in_review' }),
                awaitingSecondApproval: await count({ status: 'awaiting_second_approval' }),
                overdue: await count({ open: true, overdue: true }),
            });
            const { body: [oldest] } = await api.list(resource, { filter: { open: true }, sort: ['submittedAt', 'ASC'], range: [0, 0] }, supervisor);
            expect(body.queues[kind].oldestWaitingSince).toBe(oldest.submittedAt);
        }
    });

    it('counts the decisions made today, as the audit trail records them', async () => {
        const today = (await stats({})).body.range.to;
        const before = (await stats({ from: today, to: today })).body;

        // operator2: two approvals and a rejection; operator1: a first approval, which the supervisor approves a second time.
        for (const action of ['approve', 'approve', 'reject'] as const) {
            const record = await claimed('verifications', operator2);
            const body = action === 'reject' ? { version: record.version, reasons: ['id_expired', 'card_damaged'] } : { version: record.version };
            expect((await api.call('POST', `/verifications/${record.id}/${action}`, { token: operator2, body })).status).toBe(200);
        }
        const large = await claimed('cancellations', operator1, { readyToApprove: true }, function largeRefund(r) { return r.requiresSecondApproval === true; });
        const first = await api.call('POST', `/cancellations/${large.id}/approve`, { token: operator1, body: { version: large.version } });
        expect((await api.call('POST', `/cancellations/${large.id}/approve`, { token: supervisor, body: { version: first.body.version } })).body.status).toBe('approved');

        const after = (await stats({ from: today, to: today })).body;
        expect(after.range).toEqual({ from: today, to: today });
        const delta = (id: string, field: string) => rowOf(after, id)[field] - rowOf(before, id)[field];
        expect([delta('u-operator2', 'decisions'), delta('u-operator2', 'approved'), delta('u-operator2', 'rejected')]).toEqual([3, 2, 1]);
        expect([delta('u-operator1', 'decisions'), delta('u-operator1', 'approved'), delta('u-operator1', 'rejected')]).toEqual([1, 1, 0]);
        expect([delta('u-supervisor1', 'decisions'), delta('u-supervisor1', 'approved')]).toEqual([1, 1]);
        expect(rowOf(after, 'u-operator2').perDay).toEqual([{ day: today, decisions: rowOf(after, 'u-operator2').decisions }]);
        const reasonCount = (body: { reasons: { id: string; count: number }[] }, id: string) => body.reasons.find(r => r.id === id)?.count ?? 0;
        expect(reasonCount(after, 'id_expired') - reasonCount(before, 'id_expired')).toBe(1);
        expect(reasonCount(after, 'card_damaged') - reasonCount(before, 'card_damaged')).toBe(1);

        // The same figures from the audit trail itself.
        const decisions = await everyRow('/audit', { action: ['approve', 'reject', 'second_approve'], at_gte: `${today}T00:00:00.000Z`, at_lte: `${today}T23:59:59.999Z` }, supervisor);
        for (const row of after.team) {
            const own = decisions.filter(e => e.actor === row.operatorId);
            expect({ decisions: row.decisions, approved: row.approved, rejected: row.rejected }, row.operatorId).toEqual({
                decisions: own.length, approved: own.filter(e => e.action !== 'reject').length, rejected: own.filter(e => e.action === 'reject').length,
            });
        }
        const used = new Map<string, number>();
        for (const entry of decisions.filter(e => e.action === 'reject')) for (const id of entry.reasons) used.set(id, (used.get(id) ?? 0) + 1);
        expect(Object.fromEntries(after.reasons.map((r: { id: string; count: number }) => [r.id, r.count]))).toEqual(Object.fromEntries(used));
    });

    it('lists every day of the range for every account, days without decisions included', async () => {
        const today = (await stats({})).body.range.to;
        const from = shiftDay(today, -9);
        const answer = await stats({ from, to: today });
        expect(answer.status).toBe(200);
        const days = Array.from({ length: 10 }, (_, i) => shiftDay(from, i));
        for (const row of answer.body.team) {
            expect(row.perDay.map((d: { day: string }) => d.day)).toEqual(days);
            expect(row.perDay.reduce((sum: number, d: { decisions: number }) => sum + d.decisions, 0)).toBe(row.decisions);
        }
        expect(answer.body.team.some((row: { perDay: { decisions: number }[] }) => row.perDay.some(d => d.decisions === 0))).toBe(true);
    });

    it.each([
        ['a day that does not exist', { from: '2026-02-30', to: '2026-03-02' }, { from: 'invalid' }],
        ['a malformed day', { to: '23/11/2026' }, { to: 'invalid' }],
        ['a start after the end', { from: '2026-11-24', to: '2026-11-23' }, { from: 'after_to' }],
        ['more than a year', { from: '2024-01-01', to: '2026-01-01' }, { to: 'too_large' }],
    ])('answers 400 for %s', async (_what, query, fields) => {
        const answer = await stats(query);
        expectError(answer, 400, 'bad_request');
        expect(answer.body.error.fields).toEqual(fields);
    });
});

describe('quality sampling (supervisors)', () => {
    const post = (path: string, body: unknown, token = supervisor) => api.call('POST', path, { token, body });
    const get = (path: string, token = supervisor) => api.call('GET', path, { token });
    const statsRow = async (day: string, id: string) => (await get(`/stats?from=${day}&to=${day}`)).body.team.find((r: { operatorId: string }) => r.operatorId === id);

    it('draws a share of an operator\'s decisions, re-reviews them blind, and reveals the outcome with the verdict', async () => {
        const today = (await get('/stats')).body.range.to;
        // operator2 decides today: a rejection with an internal note, and an approval.
        const rejected = await claimed('verifications', operator2);
        expect((await post(`/verifications/${rejected.id}/reject`, { version: rejected.version, reasons: ['photo_unclear'], note: 'operator2 secret remark' }, operator2)).status).toBe(200);
        const approved = await claimed('verifications', operator2);
        expect((await post(`/verifications/${approved.id}/approve`, { version: approved.version }, operator2)).status).toBe(200);
        const before = await statsRow(today, 'u-operator2');

        const decidedToday = [...await everyRow('/verifications', { decidedBy: 'u-operator2' }, supervisor), ...await everyRow('/cancellations', { decidedBy: 'u-operator2' }, supervisor)]
            .filter(r => r.decidedAt.slice(0, 10) === today).map(r => r.id);
        const already = new Set((await everyRow('/quality-reviews', { operatorId: 'u-operator2' }, supervisor)).map(r => r.requestId));
        const population = decidedToday.filter(id => !already.has(id));
        expect(population).toEqual(expect.arrayContaining([rejected.id, approved.id]));

        // Half of them, then all the rest: a request is never sampled twice.
        const half = await post('/quality-samples', { operatorId: 'u-operator2', from: today, to: today, rate: 0.5 });
        expect(half.status).toBe(201);
        expect(half.body).toEqual({ id: expect.any(String), operatorId: 'u-operator2', from: today, to: today, rate: 0.5, createdBy: 'u-supervisor1', createdAt: expect.any(String), reviewIds: expect.any(Array) });
        expect(half.body.reviewIds).toHaveLength(Math.ceil(population.length / 2));
        const rest = await post('/quality-samples', { operatorId: 'u-operator2', from: today, to: today, rate: 1 });
        expect(rest.body.reviewIds).toHaveLength(population.length - half.body.reviewIds.length);
        const empty = await post('/quality-samples', { operatorId: 'u-operator2', from: today, to: today, rate: 1 });
        expect(empty.status).toBe(201);
        expect(empty.body.reviewIds).toEqual([]);

        // The samples, newest first, and one by id.
        const samples = await api.list('/quality-samples', { range: [0, 2] }, supervisor);
        expect(samples.body.map(s => s.id)).toEqual([empty.body.id, rest.body.id, half.body.id]);
        expect((await get(`/quality-samples/${half.body.id}`)).body).toEqual(half.body);
        expectError(await get('/quality-samples/QS-999999'), 404, 'not_found');

        // The reviews: blind, one per sampled request.
        const reviews = [...await everyRow('/quality-reviews', { sampleId: half.body.id }, supervisor), ...await everyRow('/quality-reviews', { sampleId: rest.body.id }, supervisor)];
        expect(reviews.map(r => r.requestId).sort()).toEqual([...population].sort());
        for (const review of reviews) {
            expect(review).toEqual({
                id: expect.any(String), sampleId: expect.any(String), requestKind: expect.stringMatching(/^(verification|cancellation)$/), requestId: expect.any(String),
                operatorId: 'u-operator2', decidedAt: expect.any(String), verdict: null, note: null, reviewedBy: null, reviewedAt: null, outcome: null, reasons: null,
            });
        }
        const sampled = await api.list('/quality-reviews', { filter: { sampleId: half.body.id } }, supervisor);
        expect(totalOf(sampled)).toBe(half.body.reviewIds.length);
        expect(sampled.body.map(r => r.id)).toEqual([...half.body.reviewIds].sort().reverse());

        // One review, with the request as the operator saw it and nothing of the decision.
        const review = reviews.find(r => r.requestId === rejected.id);
        const blind = await get(`/quality-reviews/${review.id}`);
        expect(blind.status).toBe(200);
        expect(blind.body).toMatchObject({ ...review, request: { id: rejected.id, kind: 'verification', fullName: rejected.fullName, idNumber: rejected.idNumber, status: null, decision: null, decidedBy: null, decidedAt: null } });
        expect(blind.body.request.documents.idFront).toMatch(/^https?:\/\//);
        expect(JSON.stringify(blind.body)).not.toMatch(/operator2 secret remark|photo_unclear|rejected/);

        // The verdict: a disagreement needs a note; the verdict reveals the outcome and reasons.
        const url = `/quality-reviews/${review.id}/verdict`;
        expect((await post(url, { verdict: 'disagree' })).body.error.fields).toEqual({ note: 'required' });
        expect((await post(url, { verdict: 'maybe', note: 'x' })).body.error.fields).toEqual({ verdict: 'invalid' });
        expect((await post(url, { note: 'x' })).body.error.fields).toEqual({ verdict: 'required' });
        expectError(await post('/quality-reviews/QR-999999/verdict', { verdict: 'agree' }), 404, 'not_found');
        const verdict = await post(url, { verdict: 'disagree', note: 'the photo is readable: should have been approved' });
        expect(verdict.status).toBe(200);
        expect(verdict.body).toMatchObject({
            id: review.id, verdict: 'disagree', note: 'the photo is readable: should have been approved', reviewedBy: 'u-supervisor1', reviewedAt: expect.any(String),
            outcome: 'rejected', reasons: ['photo_unclear'],
            request: { id: rejected.id, status: 'rejected', decidedBy: 'u-operator2', decision: { outcome: 'rejected', reasons: ['photo_unclear'], note: 'operator2 secret remark' } },
        });
        expect((await get(`/quality-reviews/${review.id}`)).body).toEqual(verdict.body);
        const again = await post(url, { verdict: 'agree' });
        expectError(again, 409, 'conflict_state');
        expect((await get(`/quality-reviews/${review.id}`)).body.verdict).toBe('disagree');

        // An agreement needs no note.
        const other = reviews.find(r => r.requestId === approved.id);
        expect((await post(`/quality-reviews/${other.id}/verdict`, { verdict: 'agree' })).body).toMatchObject({ verdict: 'agree', note: null, outcome: 'approved', reasons: [] });

        // Filters by verdict.
        const byVerdict = async (verdict: string) => (await everyRow('/quality-reviews', { operatorId: 'u-operator2', verdict }, supervisor)).map(r => r.id);
        expect(await byVerdict('disagree')).toContain(review.id);
        expect(await byVerdict('agree')).toEqual(expect.arrayContaining([other.id]));
        expect(await byVerdict('agree')).not.toContain(review.id);
        expect(await byVerdict('pending')).not.toEqual(expect.arrayContaining([review.id]));
        expect((await byVerdict('pending')).length).toBe(reviews.length - 2);
        expectError(await api.list('/quality-reviews', { filter: { verdict: 'bogus' } }, supervisor), 400, 'bad_request');
        expect((await api.list('/quality-reviews', { sort: ['reviewedAt', 'DESC'] }, supervisor)).status).toBe(200);

        // Audited against the sampled request; its status does not change.
        const entry = (await auditTrail(rejected.id)).find(e => e.action === 'quality_verdict');
        expect(entry).toMatchObject({ actor: 'u-supervisor1', requestKind: 'verification', requestId: rejected.id, fromStatus: 'rejected', toStatus: 'rejected', reasons: ['disagree'], note: 'the photo is readable: should have been approved' });
        expect((await get(`/verifications/${rejected.id}`)).body.status).toBe('rejected');

        // The dashboard's quality figures move.
        const after = await statsRow(today, 'u-operator2');
        expect(after.sampled - before.sampled).toBe(population.length);
        expect(after.reviewed - before.reviewed).toBe(2);
        expect(after.disagreements - before.disagreements).toBe(1);
        expect(after.disagreementRate).toBe(after.disagreements / after.reviewed);
    });

    it.each([
        ['no operator', { from: '2026-11-01', to: '2026-11-02', rate: 0.1 }, { operatorId: 'required' }],
        ['an unknown operator', { operatorId: 'u-nobody', from: '2026-11-01', to: '2026-11-02', rate: 0.1 }, { operatorId: 'unknown' }],
        ['a rate of 0', { operatorId: 'u-operator1', from: '2026-11-01', to: '2026-11-02', rate: 0 }, { rate: 'invalid' }],
        ['a rate above 1', { operatorId: 'u-operator1', from: '2026-11-01', to: '2026-11-02', rate: 1.5 }, { rate: 'invalid' }],
        ['a rate as text', { operatorId: 'u-operator1', from: '2026-11-01', to: '2026-11-02', rate: '0.5' }, { rate: 'invalid' }],
        ['no range', { operatorId: 'u-operator1', rate: 0.5 }, { from: 'required', to: 'required' }],
        ['a start after the end', { operatorId: 'u-operator1', from: '2026-11-03', to: '2026-11-02', rate: 0.5 }, { from: 'after_to' }],
    ])('refuses a sample with %s: 400', async (_what, body, fields) => {
        const answer = await post('/quality-samples', body);
        expectError(answer, 400, 'bad_request');
        expect(answer.body.error.fields).toEqual(fields);
    });

    it('nobody samples their own decisions (four eyes): 403 four_eyes_same_person', async () => {
        expectError(await post('/quality-samples', { operatorId: 'u-supervisor1', from: '2026-11-01', to: '2026-11-02', rate: 1 }), 403, 'four_eyes_same_person');
    });

    it('samples and reviews change only through drawing and the verdict: other writes answer 405', async () => {
        const { body: [review] } = await api.list('/quality-reviews', { range: [0, 0] }, supervisor);
        const { body: [sample] } = await api.list('/quality-samples', { range: [0, 0] }, supervisor);
        const put = await api.call('PUT', '/quality-samples', { token: supervisor, body: {} });
        expectError(put, 405, 'method_not_allowed');
        expect(put.headers.get('allow')).toBe('GET, POST');
        expectError(await api.call('DELETE', `/quality-samples/${sample.id}`, { token: supervisor }), 405, 'method_not_allowed');
        expectError(await api.call('POST', '/quality-reviews', { token: supervisor, body: review }), 405, 'method_not_allowed');
        expectError(await api.call('PATCH', `/quality-reviews/${review.id}`, { token: supervisor, body: { verdict: 'agree' } }), 405, 'method_not_allowed');
        expectError(await api.call('POST', '/stats', { token: supervisor, body: {} }), 405, 'method_not_allowed');
        expect((await get(`/quality-reviews/${review.id}`)).body).toMatchObject({ id: review.id, verdict: review.verdict });
    });
});

describe('supervisor-only endpoints', () => {
    it('answer 403 forbidden to operators, every one of them, and change nothing', async () => {
        // Real records for every id, so that the 403 is about the role and not a missing record.
        const { body: [entry] } = await api.list('/audit', { range: [0, 0] }, supervisor);
        const sample = await api.call('POST', '/quality-samples', { token: supervisor, body: { operatorId: 'u-operator1', from: '2020-01-01', to: '2020-01-01', rate: 0.1 } });
        const drawn = await api.call('POST', '/quality-samples', { token: supervisor, body: { operatorId: 'u-operator1', from: entry.at.slice(0, 10), to: (await api.call('GET', '/stats', { token: supervisor })).body.range.to, rate: 0.01 } });
        expect([sample.status, drawn.status]).toEqual([201, 201]);
        const reviewId = drawn.body.reviewIds[0] ?? 'QR-000001';
        const verification = await freshPending('verifications');
        const cancellation = await freshPending('cancellations', { readyToApprove: false });
        const { body: [awaiting] } = await api.list('/cancellations', { filter: { status: 'awaiting_second_approval' }, range: [0, 0] }, supervisor);
        const today = new Date().toISOString().slice(0, 10);

        const table: [string, string, string, unknown?][] = [
            ['the whole audit trail', 'GET', '/audit'],
            ['an audit entry', 'GET', `/audit/${entry.id}`],
            ['statistics', 'GET', `/stats?from=${today}&to=${today}`],
            ['the account events', 'GET', '/account-events'],
            ['drawing a quality sample', 'POST', '/quality-samples', { operatorId: 'u-operator2', from: today, to: today, rate: 1 }],
            ['the quality samples', 'GET', '/quality-samples'],
            ['a quality sample', 'GET', `/quality-samples/${sample.body.id}`],
            ['the quality reviews', 'GET', '/quality-reviews'],
            ['a quality review', 'GET', `/quality-reviews/${reviewId}`],
            ['a quality verdict', 'POST', `/quality-reviews/${reviewId}/verdict`, { verdict: 'agree' }],
            ['reassigning a verification', 'POST', `/verifications/${verification.id}/reassign`, { to: 'u-operator1', note: 'mine now' }],
            ['reassigning a cancellation', 'POST', `/cancellations/${cancellation.id}/reassign`, { to: 'u-operator1', note: 'mine now' }],
            ['sending a cancellation back', 'POST', `/cancellations/${awaiting.id}/send-back`, { version: awaiting.version, note: 'not sure' }],
        ];
        const samplesBefore = totalOf(await api.list('/quality-samples', {}, supervisor));
        for (const token of [operator1, operator2]) {
            for (const [what, method, path, body] of table) {
                const answer = await api.call(method, path, { token, body });
                expect(answer.status, what).toBe(403);
                expect(answer.body.error.code, what).toBe('forbidden');
            }
        }
        // The same calls are open to a supervisor (the reads at least), and the operators' attempts changed nothing.
        for (const [what, method, path] of table.filter(([, method]) => method === 'GET')) expect((await api.call(method, path, { token: supervisor })).status, what).toBe(200);
        expect(totalOf(await api.list('/quality-samples', {}, supervisor))).toBe(samplesBefore);
        expect((await api.call('GET', `/verifications/${verification.id}`, { token: supervisor })).body).toMatchObject({ status: 'pending', version: verification.version });
        expect((await api.call('GET', `/cancellations/${awaiting.id}`, { token: supervisor })).body).toMatchObject({ status: 'awaiting_second_approval', version: awaiting.version });
        if (drawn.body.reviewIds.length > 0) expect((await api.call('GET', `/quality-reviews/${reviewId}`, { token: supervisor })).body.verdict).toBeNull();
    });
});
