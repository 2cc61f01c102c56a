// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatOutbox, outboxOf, playJourney, type JourneyStep } from '../../scripts/customerApp';
import { REASONS } from '../../src/domain/reasonCatalogue';
import { apiClient, INTAKE_KEY, startTarget } from './apiClient';

// `npm run customer-app`'s journey (scripts/customerApp.ts), on both backends: real JPEG and PNG photos accepted, a retry
// answered with the same request, an SVG renamed .jpg, a 3 MB photo and a PDF refused by name, a cancellation, and the
// resubmission that follows an operator's rejection, linked and counted, in the operators' queue. Then operators decide,
// and the outbox (docs/api.md §6.12) holds one e-mail and one SMS per decided request, in the customer's language; on the
// review server the sender delivers them to the file transport.

const clock = { now: new Date() };
let target: Awaited<ReturnType<typeof startTarget>>;
let steps: JourneyStep[];

beforeAll(async () => {
    target = await startTarget(clock);
    steps = await playJourney({ baseUrl: target.baseUrl, intakeKey: INTAKE_KEY, operator: { username: 'operator1', password: 'demo' }, photoSize: 'small', mobileNumber: '+6283812340001' });
}, 120_000);
afterAll(() => target.close());

describe('the customer app journey', () => {
    it('gets every answer the guides promise', () => {
        const [first, again, svg, big, pdf, cancellation, rejection, resubmission, english] = steps;
        expect(first).toMatchObject({ status: 201, attempt: 1, previousId: null });
        expect(again).toMatchObject({ status: 200, id: first!.id, replay: true });
        expect(svg).toMatchObject({ status: 400, code: 'bad_request', fields: { idFront: 'type_svg' } });
        expect(big).toMatchObject({ status: 413, code: 'payload_too_large', fields: { selfie: 'too_large' } });
        expect(pdf).toMatchObject({ status: 400, fields: { idBack: 'type_pdf' } });
        expect(cancellation).toMatchObject({ status: 201 });
        expect(rejection).toMatchObject({ status: 200, id: first!.id });
        expect(resubmission).toMatchObject({ status: 201, attempt: 2, previousId: first!.id });
        expect(english).toMatchObject({ status: 201, attempt: 1, previousId: null });
        expect(steps).toHaveLength(9);
    });

    it('leaves the resubmission in the queue, pending, and the first attempt rejected', async () => {
        const api = apiClient(target.baseUrl);
        const supervisor = await api.login('supervisor1');
        const { body: rows } = await api.list('/verifications', { filter: { previousId: steps[0]!.id }, range: [0, 9] }, supervisor);
        expect(rows.map(row => [row.id, row.status, row.attempt])).toEqual([[steps[7]!.id, 'pending', 2]]);
        const { body: first } = await api.call('GET', `/verifications/${steps[0]!.id}`, { token: supervisor });
        expect(first).toMatchObject({ status: 'rejected', decision: { reasons: ['photo_unclear'] } });
    });
});

// What the customer reads (src/domain/notices.ts), per language: the closings and the subjects' outcome.
const SAYS = {
    en: { resubmit: 'a new request in the Axis app', final: 'This decision is final.', rejected: 'was not approved', approved: 'is approved' },
    'zh-CN': { resubmit: '在 Axis 应用或网站重新提交申请', final: '此决定为最终结果。', rejected: '未通过', approved: '已通过' },
} as const;
const template = (id: string, language: 'en' | 'zh-CN') => REASONS.find(reason => reason.id === id)!.template[language];

describe('the decisions\' customer notices', () => {
    let api: ReturnType<typeof apiClient>;
    const tokens: Record<string, string> = {};
    /** Each decided request: who decided it (the other operator reads its notices masked), the outcome and its reasons. */
    const decided: { id: string; language: 'en' | 'zh-CN'; outcome: 'approved' | 'rejected'; reasons: string[]; by: string; other: string }[] = [];

    beforeAll(async () => {
        api = apiClient(target.baseUrl);
        for (const name of ['operator1', 'operator2', 'supervisor1']) tokens[name] = await api.login(name);
        const decide = async (id: string, by: string, action: 'approve' | 'reject', reasons: string[] = []) => {
            const claimed = await api.call('POST', `/verifications/${id}/claim`, { token: tokens[by] });
            expect(claimed.status).toBe(200);
            const answer = await api.call('POST', `/verifications/${id}/${action}`, { token: tokens[by], body: { version: claimed.body.version, ...(action === 'reject' ? { reasons } : {}) } });
            expect(answer.status).toBe(200);
        };
        // The journey's rejection (zh-CN, photo_unclear by operator1); operator1 approves the resubmission (zh-CN);
        // operator2 rejects the English customer's request with two reasons the customer may fix.
        decided.push({ id: steps[0]!.id!, language: 'zh-CN', outcome: 'rejected', reasons: ['photo_unclear'], by: 'operator1', other: 'operator2' });
        await decide(steps[7]!.id!, 'operator1', 'approve');
        decided.push({ id: steps[7]!.id!, language: 'zh-CN', outcome: 'approved', reasons: [], by: 'operator1', other: 'operator2' });
        await decide(steps[8]!.id!, 'operator2', 'reject', ['side_missing', 'selfie_unusable']);
        decided.push({ id: steps[8]!.id!, language: 'en', outcome: 'rejected', reasons: ['side_missing', 'selfie_unusable'], by: 'operator2', other: 'operator1' });
    });

    const noticesOf = async (requestId: string | string[], token: string) => {
        const answer = await api.list('/notices', { filter: { requestId }, sort: ['id', 'ASC'], range: [0, 99] }, token);
        expect(answer.status).toBe(200);
        return answer.body;
    };

    it('the outbox holds exactly one e-mail and one SMS per decided request, to its e-mail and mobile number, in its language, with the reasons or the approval', async () => {
        const supervisor = tokens.supervisor1!;
        // The outbox of these requests (one list: masked, §6.12): their e-mails and SMS, nothing else.
        const all = await noticesOf(decided.map(d => d.id), supervisor);
        expect(all.map(n => [n.requestId, n.channel]).sort()).toEqual(decided.flatMap(d => [[d.id, 'email'], [d.id, 'sms']]).sort());
        expect(all.every(n => n.identityMasked === true)).toBe(true);
        for (const { id, language, outcome, reasons } of decided) {
            const whole = (await api.call('GET', `/verifications/${id}`, { token: supervisor })).body;
            expect(whole).toMatchObject({ status: outcome, customerLanguage: language });
            const [email, sms, ...more] = await noticesOf(id, supervisor);
            expect(more).toEqual([]);
            expect(email).toMatchObject({ requestKind: 'verification', requestId: id, channel: 'email', language, to: whole.email });
            expect(sms).toMatchObject({ requestKind: 'verification', requestId: id, channel: 'sms', language, to: whole.mobileNumber, subject: null });
            for (const notice of [email, sms]) expect(notice.identityMasked ?? false).toBe(false);
            const says = SAYS[language];
            if (outcome === 'rejected') {
                expect(email.subject).toContain(says.rejected);
                expect(email.body).toContain(whole.decision.customerMessage);
                for (const notice of [email, sms]) {
                    for (const reason of reasons) expect(notice.body).toContain(template(reason, language));
                    expect(notice.body).toContain(says.resubmit);
                    expect(notice.body).not.toContain(says.final);
                }
            } else {
                expect(email.subject).toContain(says.approved);
                for (const notice of [email, sms]) {
                    expect(notice.body).toContain(says.approved);
                    expect(notice.body).toContain(whole.mobileNumber);
                    expect(notice.body).not.toContain(says.resubmit);
                }
            }
            // Nothing in the other language.
            const other = SAYS[language === 'en' ? 'zh-CN' : 'en'];
            for (const notice of [email, sms]) expect(notice.body).not.toContain(other[outcome]);
        }
        // The requests nobody decided tell the customer nothing yet.
        for (const step of [steps[5]!]) expect(await noticesOf(step.id!, supervisor)).toEqual([]);
    });

    it('an operator who does not hold the request reads its notices masked', async () => {
        for (const { id, other } of decided) {
            const whole = (await api.call('GET', `/verifications/${id}`, { token: tokens.supervisor1 })).body;
            const masked = await noticesOf(id, tokens[other]!);
            expect(masked.map(n => n.channel)).toEqual(['email', 'sms']);
            for (const notice of masked) {
                expect(notice.identityMasked).toBe(true);
                const text = JSON.stringify(notice);
                for (const value of [whole.email, whole.mobileNumber, whole.idNumber]) expect(text).not.toContain(value);
            }
            expect(masked[1].to).toMatch(/\*{4}\d{4}$/);
        }
    });

    it('npm run customer-app\'s summary of the outbox lists each created request\'s notices, none for the undecided ones', async () => {
        const outbox = await outboxOf({ baseUrl: target.baseUrl, operator: { username: 'operator1', password: 'demo' } }, steps);
        // The created requests: the first, the cancellation, the resubmission, the English one (the replay is the first).
        expect(outbox.map(entry => entry.requestId)).toEqual([steps[0]!.id, steps[5]!.id, steps[7]!.id, steps[8]!.id]);
        const byId = new Map(outbox.map(entry => [entry.requestId, entry.notices]));
        for (const { id, language } of decided) expect(byId.get(id)!.map(n => [n.channel, n.language])).toEqual([['email', language], ['sms', language]]);
        expect(byId.get(steps[5]!.id!)).toEqual([]);
        const lines = formatOutbox(outbox);
        expect(lines[0]).toMatch(new RegExp(`^${steps[0]!.id}: N-\\d{6} email zh-CN (queued|sent) "【Axis】 您的实名认证未通过"; N-\\d{6} sms zh-CN (queued|sent)$`));
        expect(lines[1]).toBe(`${steps[5]!.id}: no notice (not decided)`);
    });

    it('the sender delivers them (the review server: a file each under $DATA_DIR/outbox; the mock keeps them queued)', async () => {
        const supervisor = tokens.supervisor1!;
        if (!target.sendNotices || !target.outboxDir) {
            // The mock has no sender (docs/api.md §9).
            for (const n of await noticesOf(decided.map(d => d.id), supervisor)) expect([n.state, n.attempts, n.sentAt]).toEqual(['queued', 0, null]);
            return;
        }
        // Every due notice (the demo's too), one pass at a time, on the test's clock.
        let sent = 0;
        for (let run = await target.sendNotices(); run.sent + run.retried + run.failed > 0; run = await target.sendNotices()) sent += run.sent;
        expect(sent).toBeGreaterThanOrEqual(decided.length * 2);
        // One request's notices at a time: a list of several requests' is masked, even for a supervisor (§6.12).
        const notices = (await Promise.all(decided.map(d => noticesOf(d.id, supervisor)))).flat();
        expect(notices).toHaveLength(decided.length * 2);
        for (const notice of notices) {
            expect([notice.state, notice.attempts, notice.sentAt, notice.lastError]).toEqual(['sent', 1, clock.now.toISOString(), null]);
            const file = readFileSync(join(target.outboxDir, `${notice.id}.${notice.channel}.txt`), 'utf8');
            expect(file).toContain(`Request: ${notice.requestId}`);
            expect(file).toContain(`Language: ${notice.language}`);
            expect(file).toContain(`To: ${notice.to}`);
            if (notice.subject !== null) expect(file).toContain(`Subject: ${notice.subject}`);
            expect(file).toContain(notice.body);
        }
    });
});
