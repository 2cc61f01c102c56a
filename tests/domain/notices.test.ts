// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { composeNotices, maskNotice, mayResubmit } from '../../src/domain/notices';
import { composeCustomerMessage, REASONS } from '../../src/domain/reasonCatalogue';
import { buildCancellation, buildVerification, NOW } from '../support/requests';

// The customer notices a decision sends (src/domain/notices.ts): the texts both backends write to the outbox.

const at = NOW.toISOString();
const template = (id: string, language: 'en' | 'zh-CN') => REASONS.find(reason => reason.id === id)!.template[language];
const rejected = (reasons: string[], language: 'en' | 'zh-CN', customerMessage?: string) => {
    const base = buildVerification({ customerLanguage: language });
    return { ...base, status: 'rejected' as const, decidedAt: at, decidedBy: 'u-operator1',
        decision: { outcome: 'rejected' as const, reasons, note: 'internal only', customerMessage: customerMessage ?? composeCustomerMessage(reasons, language, base.fullName) } };
};

describe('the notices of a decision', () => {
    it('an open or first-approved request sends nothing', () => {
        expect(composeNotices(buildVerification(), at)).toEqual([]);
        expect(composeNotices(buildCancellation({ status: 'awaiting_second_approval' }), at)).toEqual([]);
    });

    it('a rejection sends an e-mail (the message the operator sent) and an SMS with the reasons, queued and due now', () => {
        const record = rejected(['photo_unclear', 'id_expired'], 'zh-CN', '尊敬的客户：照片不清楚（已编辑）');
        const [email, sms] = composeNotices(record, at);
        expect(email).toMatchObject({ channel: 'email', to: record.email, language: 'zh-CN', state: 'queued', attempts: 0, nextAttemptAt: at, createdAt: at, sentAt: null, lastError: null });
        expect(email!.subject).toBe('【Axis】 您的实名认证未通过');
        expect(email!.body.startsWith('尊敬的客户：照片不清楚（已编辑）')).toBe(true);
        expect(email!.body).toContain('您可以修改后在 Axis 应用或网站重新提交申请。');
        expect(sms).toMatchObject({ channel: 'sms', to: record.mobileNumber, subject: null });
        expect(sms!.body).toContain(template('photo_unclear', 'zh-CN'));
        expect(sms!.body).toContain(template('id_expired', 'zh-CN'));
        for (const notice of [email!, sms!]) expect(notice.body).not.toContain('internal only');
    });

    it('says the closing once: after the composed message (which has it) the e-mail adds only where to submit again, or nothing', () => {
        const times = (text: string, part: string) => text.split(part).length - 1;
        const [retryEmail] = composeNotices(rejected(['photo_unclear'], 'en'), at);
        expect(times(retryEmail!.body, 'You are welcome to correct this and submit again.')).toBe(1);
        expect(retryEmail!.body).not.toContain('You may correct this and submit a new request');
        expect(retryEmail!.body).toContain('You can submit a new request in the Axis app or on the website.');
        const [finalEmail] = composeNotices(rejected(['document_forged'], 'zh-CN'), at);
        expect(times(finalEmail!.body, '此决定为最终结果。')).toBe(1);
        expect(finalEmail!.body).not.toContain('重新提交');
    });

    it('a rejection with a final reason says it is final and offers no resubmission', () => {
        const record = rejected(['photo_unclear', 'document_forged'], 'en');
        expect(mayResubmit(record)).toBe(false);
        for (const notice of composeNotices(record, at)) {
            expect(notice.body).toContain('This decision is final.');
            expect(notice.body).not.toContain('submit a new request');
        }
        expect(mayResubmit(rejected(['photo_unclear'], 'en'))).toBe(true);
    });

    it('an approved cancellation tells the customer the number is released, in their language', () => {
        const record = buildCancellation({ status: 'approved', customerLanguage: 'en', decidedAt: at, decidedBy: 'u-supervisor1', decision: { outcome: 'approved', reasons: [], note: null, customerMessage: null } });
        const [email, sms] = composeNotices(record, at);
        expect(email!.subject).toBe('[Axis] Your account is cancelled');
        expect(email!.body).toContain(`Dear ${record.holderName},`);
        expect(sms!.body).toContain(record.mobileNumber);
        expect(sms!.body).toContain('released');
    });

    it('masked: the address it goes to and every piece of identity data it quotes', () => {
        const record = { ...buildVerification({ customerLanguage: 'en' }), status: 'approved' as const, decision: { outcome: 'approved' as const, reasons: [], note: null, customerMessage: null } };
        for (const notice of composeNotices(record, at).map((draft, i) => ({ id: `N-${i}`, ...draft }))) {
            const masked = maskNotice(notice, record);
            expect(masked.identityMasked).toBe(true);
            expect(JSON.stringify(masked)).not.toContain(record.mobileNumber);
            expect(JSON.stringify(masked)).not.toContain(record.email);
            expect(masked.to).toContain('***');
        }
    });
});
