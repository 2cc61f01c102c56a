// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../mocks/node';
import type { ReviewRequest } from '../../src/domain/types';
import { signInThroughApi } from '../support/session';

// The list indexes (mocks/api/listIndex.ts) answer exactly what reading the whole store would: the queue's pages
// and searches, for every viewer, before and after claims, decisions, lapses and a re-seed.

const BASE = 'http://localhost/api';
let clock = new Date('2026-11-20T03:00:00Z').getTime();
const { server, db } = createMockServer({ seed: 17, size: 1200, now: () => new Date(clock) });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const login = async (username: string) => (await signInThroughApi(BASE, username)).token;
const tokens: Record<string, string> = {};
beforeAll(async () => {
    for (const username of ['operator1', 'operator2', 'supervisor1']) tokens[username] = await login(username);
});

const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
async function list(username: string, resource: string, filter: object, range: [number, number], sort?: [string, string]) {
    const answer = await fetch(`${BASE}/${resource}?filter=${q(filter)}&range=${q(range)}${sort ? `&sort=${q(sort)}` : ''}`, { headers: { Authorization: `Bearer ${tokens[username]}` } });
    return { ids: ((await answer.json()) as ReviewRequest[]).map(r => r.id), contentRange: answer.headers.get('content-range') };
}
async function post(username: string, path: string, body: object = {}) {
    const answer = await fetch(`${BASE}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${tokens[username]}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as ReviewRequest;
}

/** The same question asked so that it takes the general path (an equivalent status filter instead of `open`). */
const OPEN_BY_STATUS = { status: ['pending', 'in_review', 'awaiting_second_approval'] };

async function expectQueuePagesAsFullRead() {
    for (const resource of ['verifications', 'cancellations']) {
        for (const username of ['operator1', 'operator2', 'supervisor1']) {
            for (const range of [[0, 24], [0, 0], [25, 49], [3, 140], [5000, 5024]] as [number, number][]) {
                const indexed = await list(username, resource, { open: true }, range, ['queue', 'ASC']);
                const read = await list(username, resource, OPEN_BY_STATUS, range, ['queue', 'ASC']);
                expect(indexed, `${resource} ${username} ${range}`).toEqual(read);
            }
        }
    }
}

describe('the queue index', () => {
    it('gives the pages and totals a full read gives, for every viewer', async () => {
        await expectQueuePagesAsFullRead();
    });

    it('still does after claims, decisions, a send-back, a lapse and a re-seed', async () => {
        for (let i = 0; i < 6; i += 1) {
            const claimed = await post('operator1', '/verifications/claim-next');
            if (i % 2 === 0) await post('operator1', `/verifications/${claimed.id}/approve`, { version: claimed.version });
        }
        const theirs = await post('operator2', '/cancellations/claim-next');
        await post('operator2', `/cancellations/${theirs.id}/reject`, { version: theirs.version, reasons: ['bills_unpaid'] });
        await post('operator2', '/cancellations/claim-next');
        await expectQueuePagesAsFullRead();
        clock += 20 * 60 * 1000; // every claim lapses
        await expectQueuePagesAsFullRead();
        db.reset();
        await expectQueuePagesAsFullRead();
    });
});

describe('the search index', () => {
    const searchText = (r: ReviewRequest) => [r.id, r.mobileNumber, r.email, r.kind === 'verification' ? r.fullName : r.holderName, r.kind === 'verification' ? r.idNumber : r.account.accountId].join('\n').toLowerCase().replace(/ /g, '');

    it('finds exactly the requests whose id, numbers, e-mail or name hold the text', async () => {
        const sample = db.state.verifications[123]!;
        const needles = [sample.id, sample.mobileNumber.slice(-5), sample.email.split('@')[0]!, sample.fullName, sample.idNumber.slice(2, 9), 'V-0001', '@', 'zzzz-nothing', ' Li  '];
        for (const needle of needles) {
            const wanted = needle.trim().toLowerCase().replace(/\s+/g, '');
            const expected = db.state.verifications.filter(r => searchText(r).includes(wanted));
            const found = await list('supervisor1', 'verifications', { q: needle }, [0, 999], ['id', 'ASC']);
            expect(found.ids, JSON.stringify(needle)).toEqual(expected.map(r => r.id).sort());
            expect(found.contentRange).toBe(expected.length === 0 ? 'verifications */0' : `verifications 0-${Math.min(expected.length, 1000) - 1}/${expected.length}`);
        }
    });

    it('refuses a search holding U+0000, which no store can keep (400 invalid_character)', async () => {
        const answer = await fetch(`${BASE}/verifications?filter=${q({ q: 'a\u0000' })}`, { headers: { Authorization: `Bearer ${tokens.supervisor1}` } });
        expect(answer.status).toBe(400);
        expect(await answer.json()).toMatchObject({ error: { code: 'bad_request', fields: { q: 'invalid_character' } } });
    });

    it('combines with the other filters', async () => {
        const open = await list('supervisor1', 'cancellations', { q: 'c-0000', open: true }, [0, 999], ['id', 'ASC']);
        const expected = db.state.cancellations.filter(r => searchText(r).includes('c-0000') && ['pending', 'in_review', 'awaiting_second_approval'].includes(r.status));
        expect(open.ids).toEqual(expected.map(r => r.id).sort());
    });
});
