// @vitest-environment node
/* eslint-disable @typescript-eslint/no-explicit-any -- contract tests read arbitrary JSON answers */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REASONS } from '../../src/domain/reasonCatalogue';
import { apiClient, startTarget, type Answer } from './apiClient';

// Customer notices (docs/api.md §6.11) over real HTTP on both backends: a final decision queues one e-mail and one SMS in the
// customer's language, in the decision's transaction; a replay, a first approval and a claim queue nothing.

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
const taken = new Set<string>();
async function claimed(resource: Resource, token: string, extra: Record<string, unknown> = {}, where: (r: any) => boolean = () => true) {
    const { body } = await api.list(`/${resource}`, { filter: { status: 'pending', ...extra }, range: [0, 199], sort: ['id', 'ASC'] }, supervisor);
    const record = body.find(r => !taken.has(r.id) && where(r));
    if (!record) throw new Error(`no pending ${resource} left`);
    taken.add(record.id);
    const answer = await api.call('POST', `/${resource}/${record.id}/claim`, { token });
    expect(answer.status).toBe(200);
    return answer.body;
}
const noticesOf = async (requestId: string, token = supervisor) => api.list('/notices', { filter: { requestId }, sort: ['id', 'ASC'] }, token) as Promise<Answer<any[]>>;
const template = (id: string, language: 'en' | 'zh-CN') => REASONS.find(reason => reason.id === id)!.template[language];

describe('a decision queues the customer\'s notices', () => {
    it('a rejection with retry reasons queues one e-mail and one SMS in the customer\'s language, with the reasons and that they may resubmit', async () => {
        for (const language of ['zh-CN', 'en'] as const) {
            const record = await claimed('verifications', operator1, {}, r => r.customerLanguage === language);
            const answer = await api.call('POST', `/verifications/${record.id}/reject`, { token: operator1, body: { version: record.version, reasons: ['photo_unclear'] } });
            expect(answer.status).toBe(200);
            const { status, body } = await noticesOf(record.id);
            expect(status).toBe(200);
            expect(body.map(n => n.channel)).toEqual(['email', 'sms']);
            const whole = (await api.call('GET', `/verifications/${record.id}`, { token: supervisor })).body;
            const [email, sms] = body;
            expect(email).toMatchObject({ requestId: record.id, requestKind: 'verification', language, to: whole.email, state: 'queued', attempts: 0, lastError: null, sentAt: null });
            expect(sms).toMatchObject({ language, to: whole.mobileNumber, subject: null, state: 'queued' });
            // The e-mail is the customer message the operator saw; both carry the reason's sentence and the way back.
            expect(email.body).toContain(answer.body.decision.customerMessage);
            for (const notice of body) expect(notice.body).toContain(template('photo_unclear', language));
            expect(sms.body).toContain(language === 'en' ? 'submit' : '重新提交');
            expect(email.body).toContain(language === 'en' ? 'submit a new request' : '重新提交申请');
        }
    });

    it('a final rejection says the decision is final, not that they may resubmit', async () => {
        const record = await claimed('verifications', operator1, {}, r => r.customerLanguage === 'en');
        await api.call('POST', `/verifications/${record.id}/reject`, { token: operator1, body: { version: record.version, reasons: ['document_forged'] } });
        const { body } = await noticesOf(record.id);
        expect(body).toHaveLength(2);
        for (const notice of body) {
            expect(notice.body).toContain('This decision is final.');
            expect(notice.body).not.toContain('submit a new request');
        }
    });

    it('a decision sent twice (an idempotent replay) queues its notices once', async () => {
        const record = await claimed('verifications', operator2);
        const body = { version: record.version, reasons: ['side_missing'], note: 'twice' };
        const first = await api.call('POST', `/verifications/${record.id}/reject`, { token: operator2, body });
        const again = await api.call('POST', `/verifications/${record.id}/reject`, { token: operator2, body });
        expect([first.status, again.status, again.headers.get('idempotent-replay')]).toEqual([200, 200, 'true']);
        expect((await noticesOf(record.id)).body).toHaveLength(2);

        const approved = await claimed('verifications', operator2);
        for (let i = 0; i < 2; i += 1) expect((await api.call('POST', `/verifications/${approved.id}/approve`, { token: operator2, body: { version: approved.version } })).status).toBe(200);
        const notices = (await noticesOf(approved.id)).body;
        expect(notices.map(n => n.channel)).toEqual(['email', 'sms']);
        expect(notices[0].subject).toMatch(/approved|已通过/);
    });

    it('decide-and-claim-next queues the decided request\'s notices, none for the next one', async () => {
        const record = await claimed('verifications', operator1);
        const answer = await api.call('POST', `/verifications/${record.id}/approve`, { token: operator1, body: { version: record.version, next: {} } });
        expect(answer.status).toBe(200);
        expect((await noticesOf(record.id)).body).toHaveLength(2);
        if (answer.body.next) {
            taken.add(answer.body.next.id);
            expect((await noticesOf(answer.body.next.id)).body).toEqual([]);
            await api.call('POST', `/verifications/${answer.body.next.id}/release`, { token: operator1, body: {} });
        }
    });

    it('four eyes: the first approval queues nothing, the second approval queues the cancellation\'s notices', async () => {
        const record = await claimed('cancellations', operator1, { readyToApprove: true }, r => r.requiresSecondApproval === true);
        const first = await api.call('POST', `/cancellations/${record.id}/approve`, { token: operator1, body: { version: record.version } });
        expect(first.body.status).toBe('awaiting_second_approval');
        expect((await noticesOf(record.id)).body).toEqual([]);
        const second = await api.call('POST', `/cancellations/${record.id}/approve`, { token: supervisor, body: { version: first.body.version } });
        expect(second.body.status).toBe('approved');
        const notices = (await noticesOf(record.id)).body;
        expect(notices.map(n => [n.channel, n.requestKind, n.state])).toEqual([['email', 'cancellation', 'queued'], ['sms', 'cancellation', 'queued']]);
        expect(notices[0].body).toMatch(/cancelled|已注销/);
    });

    it('a refused decision queues nothing (nothing half-stored)', async () => {
        const record = await claimed('verifications', operator1);
        const stale = await api.call('POST', `/verifications/${record.id}/approve`, { token: operator1, body: { version: record.version + 5 } });
        expect(stale.status).toBe(409);
        expect((await noticesOf(record.id)).body).toEqual([]);
        await api.call('POST', `/verifications/${record.id}/release`, { token: operator1, body: {} });
    });
});

describe('reading notices', () => {
    it('an operator reads one request\'s notices only, masked unless they see the request whole; supervisors read the outbox', async () => {
        const record = await claimed('verifications', operator1, {}, r => r.customerLanguage === 'en');
        await api.call('POST', `/verifications/${record.id}/approve`, { token: operator1, body: { version: record.version } });
        const whole = (await api.call('GET', `/verifications/${record.id}`, { token: supervisor })).body;

        const all = await api.list('/notices', {}, operator1);
        expect(all.status).toBe(403);
        expect(all.body).toMatchObject({ error: { code: 'forbidden' } });

        const masked = (await noticesOf(record.id, operator2)).body;
        expect(masked).toHaveLength(2);
        for (const notice of masked) {
            expect(notice.identityMasked).toBe(true);
            expect(JSON.stringify(notice)).not.toContain(whole.mobileNumber);
            expect(JSON.stringify(notice)).not.toContain(whole.email);
        }
        expect(masked[1].to).toMatch(/\*{4}\d{4}$/);

        const outbox = await api.list('/notices', { filter: { state: 'queued' }, range: [0, 999] }, supervisor);
        expect(outbox.status).toBe(200);
        expect(outbox.headers.get('content-range')).toMatch(/^notices 0-\d+\/\d+$/);
        expect(outbox.body.some((n: any) => n.requestId === record.id)).toBe(true);
        // Rows of several requests are masked for supervisors too, like every list (§6.10).
        expect(outbox.body.every((n: any) => n.identityMasked === true)).toBe(true);
    });

    it('refuses a bad filter with 400 and writes with 405', async () => {
        const bad = await api.list('/notices', { filter: { state: 'lost' } }, supervisor);
        expect(bad.status).toBe(400);
        expect((await api.call('POST', '/notices', { token: supervisor, body: {} })).status).toBe(405);
    });
});
