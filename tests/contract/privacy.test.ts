// @vitest-environment node
/* eslint-disable @typescript-eslint/no-explicit-any -- contract tests read arbitrary JSON answers */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startTarget, type Answer } from './apiClient';

// Identity data on a need-to-know basis (docs/api.md §6.10, issue 15), over real HTTP on both backends: lists, search
// results and exports masked for everyone; the whole record and its documents for the claim's holder and supervisors.

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

type Resource = 'verifications' | 'cancellations';
const MASKED_ID = /^\d{6}\*{8}[\dX]{4}$/;
const MASKED_PHONE = /^\+\d{5}\*{4}\d{4}$/;
const MASKED_EMAIL = /^[^@*]{1,2}\*{3}@[^@]+$/;

const taken = new Set<string>();
async function pendingOne(resource: Resource, extra: Record<string, unknown> = {}) {
    const { body } = await api.list(`/${resource}`, { filter: { status: 'pending', ...extra }, range: [0, 199], sort: ['id', 'DESC'] }, supervisor);
    const record = body.find(r => !taken.has(r.id));
    if (!record) throw new Error(`no pending ${resource} left`);
    taken.add(record.id);
    return record;
}
const whole = async (resource: Resource, id: string) => (await api.call('GET', `/${resource}/${id}`, { token: supervisor })).body;
async function claimedBy(resource: Resource, token: string, extra: Record<string, unknown> = {}) {
    const answer = await api.call('POST', `/${resource}/${(await pendingOne(resource, extra)).id}/claim`, { token });
    expect(answer.status).toBe(200);
    return answer.body;
}

function expectMasked(record: any) {
    expect(record.identityMasked).toBe(true);
    expect(record.mobileNumber).toMatch(MASKED_PHONE);
    expect(record.email).toMatch(MASKED_EMAIL);
    if (record.kind === 'verification') {
        expect(record.idNumber).toMatch(MASKED_ID);
        expect(record.contactPhone).toMatch(MASKED_PHONE);
        expect(record.address).toMatch(/\*\*\*$/);
        expect(record.documents).toEqual({ idFront: null, idBack: null, selfie: null });
    } else {
        expect(record.idScan).toBeNull();
    }
}

function expectWhole(record: any) {
    expect(record.identityMasked ?? false).toBe(false);
    expect(record.mobileNumber).not.toContain('*');
    if (record.kind === 'verification') {
        expect(record.idNumber).toMatch(/^\d{17}[\dX]$/);
        expect(record.documents.idFront).toMatch(/^https?:\/\//);
    }
}

describe('identity data on a need-to-know basis', () => {
    it('list rows are masked for everyone, supervisors included, and the search still finds the full values', async () => {
        const { id } = await pendingOne('verifications');
        const full = await whole('verifications', id);
        expectWhole(full);
        for (const q of [full.idNumber, full.mobileNumber, full.email]) {
            for (const token of [operator1, supervisor]) {
                const { status, body } = await api.list('/verifications', { filter: { q }, range: [0, 49] }, token);
                expect(status).toBe(200);
                const row = body.find(r => r.id === id);
                expect(row, `search for ${q}`).toBeDefined();
                expectMasked(row);
                expect(row.idNumber).toBe(`${full.idNumber.slice(0, 6)}********${full.idNumber.slice(-4)}`);
            }
        }
        const { body: cancellations } = await api.list('/cancellations', { range: [0, 49] }, supervisor);
        cancellations.forEach(expectMasked);
    });

    it('the operator holding the claim sees the whole record and its documents; another operator sees it masked, without document URLs', async () => {
        const held = await claimedBy('verifications', operator1);
        expectWhole(held);
        expectWhole((await api.call('GET', `/verifications/${held.id}`, { token: operator1 })).body);
        const other = await api.call('GET', `/verifications/${held.id}`, { token: operator2 });
        expect(other.status).toBe(200);
        expectMasked(other.body);
        expect(other.body).toMatchObject({ id: held.id, fullName: held.fullName, status: 'in_review', assignee: 'u-operator1', version: held.version });

        const cancellation = await claimedBy('cancellations', operator1);
        expectWhole(cancellation);
        expectMasked((await api.call('GET', `/cancellations/${cancellation.id}`, { token: operator2 })).body);
    });

    it('a pending request nobody holds is masked to operators until they claim it', async () => {
        const { id } = await pendingOne('verifications');
        expectMasked((await api.call('GET', `/verifications/${id}`, { token: operator2 })).body);
        expectWhole((await api.call('POST', `/verifications/${id}/claim`, { token: operator2 })).body);
    });

    it('a refusal\'s record is masked for whoever does not hold the request', async () => {
        const held = await claimedBy('verifications', operator1);
        const refused = await api.call('POST', `/verifications/${held.id}/claim`, { token: operator2 });
        expect(refused.status).toBe(409);
        expectMasked(refused.body.error.record);
    });

    it('the holder of a resubmission sees the attempt before it whole, to compare; others see it masked', async () => {
        const resubmission = await claimedBy('verifications', operator2, { resubmission: true });
        const previous = await api.call('GET', `/verifications/${resubmission.previousId}`, { token: operator2 });
        expectWhole(previous.body);
        expectMasked((await api.call('GET', `/verifications/${resubmission.previousId}`, { token: operator1 })).body);
    });

    it('once decided, the request is masked to the operator who decided it, like to anyone else', async () => {
        const held = await claimedBy('verifications', operator1);
        const decided = await api.call('POST', `/verifications/${held.id}/approve`, { token: operator1, body: { version: held.version } });
        expect(decided.status).toBe(200);
        expectMasked(decided.body);
        expectMasked((await api.call('GET', `/verifications/${held.id}`, { token: operator1 })).body);
        expectWhole((await api.call('GET', `/verifications/${held.id}`, { token: supervisor })).body);
    });
});

const trail = async (id: string, actions: string[]) => (await api.list('/audit', { filter: { requestId: id, action: actions }, sort: ['id', 'ASC'] }, supervisor)).body;

describe('who looked: views and reveals in the audit trail', () => {
    it('a whole record shown is a view entry (who, when), one per viewer and request within the reveal time; a masked one is none', async () => {
        const { id } = await pendingOne('verifications');
        await api.call('GET', `/verifications/${id}`, { token: operator2 });
        expect(await trail(id, ['view'])).toEqual([]);
        await api.call('GET', `/verifications/${id}`, { token: supervisor });
        await api.call('GET', `/verifications/${id}`, { token: supervisor });
        expect(await trail(id, ['view'])).toEqual([expect.objectContaining({ actor: 'u-supervisor1', action: 'view', requestId: id, fromStatus: 'pending', toStatus: 'pending', at: expect.any(String) })]);
    });

    it('"show identity data" needs a purpose; an operator gets it for a request they decided, audited with the purpose, then sees the record whole for a while', async () => {
        const held = await claimedBy('verifications', operator1);
        const decided = (await api.call('POST', `/verifications/${held.id}/reject`, { token: operator1, body: { version: held.version, reasons: ['id_expired'] } })).body;
        expectMasked(decided);
        const missing = await api.call('POST', `/verifications/${held.id}/reveal`, { token: operator1, body: { purpose: '  ' } });
        expect(missing.status).toBe(400);
        expect(missing.body.error.fields).toEqual({ purpose: 'required' });
        const revealed = await api.call('POST', `/verifications/${held.id}/reveal`, { token: operator1, body: { purpose: 'customer called about the rejection' } });
        expect(revealed.status).toBe(200);
        expectWhole(revealed.body);
        expectWhole((await api.call('GET', `/verifications/${held.id}`, { token: operator1 })).body);
        expect(await trail(held.id, ['reveal', 'view'])).toEqual([expect.objectContaining({ actor: 'u-operator1', action: 'reveal', note: 'customer called about the rejection', toStatus: 'rejected' })]);
    });

    it('an operator cannot reveal a request they did not decide: 403, and nothing is written', async () => {
        const held = await claimedBy('verifications', operator1);
        const refused = await api.call('POST', `/verifications/${held.id}/reveal`, { token: operator2, body: { purpose: 'curious' } });
        expect(refused.status).toBe(403);
        expect(refused.body.error.code).toBe('forbidden');
        expect(await trail(held.id, ['reveal'])).toEqual([]);
        expect((await api.call('POST', '/verifications/V-999999/reveal', { token: supervisor, body: { purpose: 'x' } })).status).toBe(404);
    });

    it('a reveal holds for 15 minutes, then the record is masked again', async () => {
        const held = await claimedBy('verifications', operator1);
        await api.call('POST', `/verifications/${held.id}/approve`, { token: operator1, body: { version: held.version } });
        expect((await api.call('POST', `/verifications/${held.id}/reveal`, { token: operator1, body: { purpose: 'complaint' } })).status).toBe(200);
        const start = clock.now;
        try {
            clock.now = new Date(start.getTime() + 14 * 60 * 1000);
            expectWhole((await api.call('GET', `/verifications/${held.id}`, { token: operator1 })).body);
            clock.now = new Date(start.getTime() + 16 * 60 * 1000);
            expectMasked((await api.call('GET', `/verifications/${held.id}`, { token: operator1 })).body);
        } finally {
            clock.now = start;
        }
    });
});

/** Full identity values and document URLs of the records in `records`, each a needle no answer may hold. */
function secretsOf(records: any[]): Set<string> {
    const secrets = new Set<string>();
    for (const record of records) {
        for (const value of [record.mobileNumber, record.email, record.idNumber, record.contactPhone, record.address, record.card?.idNumber, record.idScan, ...Object.values(record.documents ?? {})]) {
            if (typeof value === 'string' && value !== '') secrets.add(value);
        }
    }
    return secrets;
}

/** What never appears unmasked, whoever the record: an 18-character ID number, a whole phone number, an e-mail's local part, a document URL, a street address. */
const LEAK_PATTERNS = [/\d{17}[\dX]/, /\+\d{10,}/, /[\w.%+-]{3,}@/, /\/documents\//, /\d+号/];

describe('zero leaks', () => {
    it('an operator who holds no request finds no unmasked ID number, phone, e-mail, address or document URL in any answer', async () => {
        // operator2 holds nothing (the seed gives them claims: a supervisor takes them back); someone else holds requests of
        // both kinds, and some are decided: the walk sees every state.
        for (const resource of ['verifications', 'cancellations'] as const) {
            const { body: theirs } = await api.list(`/${resource}`, { filter: { assignee: 'u-operator2' }, range: [0, 999] }, supervisor);
            for (const record of theirs) expect((await api.call('POST', `/${resource}/${record.id}/release`, { token: supervisor, body: { note: 'zero-leak walk' } })).status).toBe(200);
        }
        // Decisions made here queue customer notices (§6.11), which quote the customer's phone number and e-mail address.
        const decided: { resource: Resource; id: string }[] = [];
        for (const [resource, action, body] of [['verifications', 'reject', { reasons: ['photo_unclear'] }], ['verifications', 'approve', {}], ['cancellations', 'reject', { reasons: ['bills_unpaid'] }]] as const) {
            const record = await claimedBy(resource, operator1);
            expect((await api.call('POST', `/${resource}/${record.id}/${action}`, { token: operator1, body: { version: record.version, ...body } })).status).toBe(200);
            decided.push({ resource, id: record.id });
        }
        const heldV = await claimedBy('verifications', operator1);
        const heldC = await claimedBy('cancellations', operator1);
        const sample: { resource: Resource; id: string }[] = [...decided];
        for (const resource of ['verifications', 'cancellations'] as const) {
            for (const status of ['pending', 'in_review', 'approved', 'rejected']) {
                const { body } = await api.list(`/${resource}`, { filter: { status }, range: [0, 7] }, supervisor);
                sample.push(...body.map(r => ({ resource, id: r.id as string })));
            }
        }
        sample.push({ resource: 'verifications', id: heldV.id }, { resource: 'cancellations', id: heldC.id });
        const secrets = secretsOf(await Promise.all(sample.map(({ resource, id }) => whole(resource, id))));
        expect(secrets.size).toBeGreaterThan(100);

        const leaks: string[] = [];
        let checked = 0;
        const check = (what: string, answer: Answer) => {
            checked += 1;
            const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
            for (const secret of secrets) if (text.includes(secret)) leaks.push(`${what}: ${secret}`);
            for (const pattern of LEAK_PATTERNS) { const found = pattern.exec(text); if (found) leaks.push(`${what}: ${found[0]}`); }
        };
        const walk = async (token: string, who: string) => {
            for (const resource of ['verifications', 'cancellations'] as const) {
                check(`${who} ${resource} page of 1000`, await api.list(`/${resource}`, { range: [0, 999] }, token));
                // The server's CSV export (docs/api.md §6.11), masked unless a supervisor asks for full data with a purpose.
                check(`${who} ${resource} export`, await api.call('GET', `/${resource}/export`, { token }));
                for (const filter of [{ status: 'in_review' }, { assignee: 'u-operator1' }, { open: false }, { resubmission: true }]) {
                    check(`${who} ${resource} ${JSON.stringify(filter)}`, await api.list(`/${resource}`, { filter, range: [0, 99] }, token));
                    check(`${who} ${resource} export ${JSON.stringify(filter)}`, await api.call('GET', `/${resource}/export?${new URLSearchParams({ filter: JSON.stringify(filter) })}`, { token }));
                }
                const full = await api.call('GET', `/${resource}/export?full=true&purpose=zero-leak`, { token });
                if (token === operator2) expect(full.status).toBe(403);
                if (token === operator2) check(`${who} ${resource} full export (refused)`, full);
            }
            for (const secret of [...secrets].filter(s => !s.includes('/')).slice(0, 40)) {
                check(`${who} search`, await api.list('/verifications', { filter: { q: secret }, range: [0, 9] }, token));
                check(`${who} search`, await api.list('/cancellations', { filter: { q: secret }, range: [0, 9] }, token));
            }
            check(`${who} stats`, await api.call('GET', '/stats', { token }));
            check(`${who} audit`, await api.list('/audit', { range: [0, 999] }, token));
            check(`${who} audit export`, await api.call('GET', '/audit/export', { token }));
            check(`${who} operators`, await api.call('GET', '/operators', { token }));
            check(`${who} reasons`, await api.call('GET', '/reasons', { token }));
            check(`${who} notices`, await api.list('/notices', { range: [0, 999] }, token));
        };
        await walk(operator2, 'operator2');
        for (const { resource, id } of sample) {
            check(`operator2 GET ${id}`, await api.call('GET', `/${resource}/${id}`, { token: operator2 }));
            check(`operator2 timeline ${id}`, await api.list('/audit', { filter: { requestId: id } }, operator2));
            const notices = await api.list('/notices', { filter: { requestId: id } }, operator2);
            if (decided.some(d => d.id === id)) expect(notices.body).toHaveLength(2);
            check(`operator2 notices ${id}`, notices);
            check(`operator2 getMany ${id}`, await api.list(`/${resource}`, { filter: { id: [id] } }, operator2));
        }
        // Refusals carry the record: each must be masked too.
        for (const [resource, held] of [['verifications', heldV], ['cancellations', heldC]] as const) {
            for (const action of ['claim', 'release', 'approve', 'reject']) {
                check(`operator2 ${action} ${held.id}`, await api.call('POST', `/${resource}/${held.id}/${action}`, { token: operator2, body: { version: held.version, reasons: ['id_expired'] } }));
            }
        }
        // Supervisors see records whole, but their lists, searches, exports and dashboard are masked like everyone's.
        await walk(supervisor, 'supervisor');

        console.info(`zero-leak walk: ${checked} answers checked, ${leaks.length} leaks found`);
        expect(checked).toBeGreaterThan(200);
        expect(leaks).toEqual([]);
    });
});
