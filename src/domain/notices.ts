import { maskEmail, maskIdNumber, maskPhone } from './identityMasking';
import { composeCustomerMessage, customerClosing, isFinalRejection, REASONS } from './reasonCatalogue';
import type { CustomerLanguage, Notice, NoticeChannel, ReviewRequest } from './types';

// The customer notices a decision sends (docs/api.md §6.12): one e-mail and one SMS, in the customer's language, written
// to the outbox in the decision's transaction. Pure: the mock and the review server write the same texts.
//
// Languages: the request's `customerLanguage`, zh-CN or en (the reason catalogue's two). Indonesian customers are served in
// English until the catalogue has Indonesian templates: a notice is never sent in a language its reasons are not written in.

/** A notice before the store numbers it: queued, due at once. */
export type NoticeDraft = Omit<Notice, 'id' | 'identityMasked'>;

interface Texts {
    brand: string;
    subject: Record<'verification' | 'cancellation', Record<'approved' | 'rejected', string>>;
    approvedBody: Record<'verification' | 'cancellation', (mobile: string) => string>;
    greeting: (name: string) => string;
    resubmit: string;
    /** Where to submit again, after a message that already says the customer may. */
    where: string;
    final: string;
    smsRejected: Record<'verification' | 'cancellation', (mobile: string) => string>;
    emailSent: string;
    signature: string;
}

const TEXTS: Record<CustomerLanguage, Texts> = {
    en: {
        brand: '[Axis]',
        subject: {
            verification: { approved: 'Your real-name verification is approved', rejected: 'Your real-name verification was not approved' },
            cancellation: { approved: 'Your account is cancelled', rejected: 'Your cancellation request was not approved' },
        },
        approvedBody: {
            verification: mobile => `Your real-name verification for ${mobile} is approved. You can now bind your number, top up and see your bills.`,
            cancellation: mobile => `Your account for ${mobile} is cancelled and the number has been released. This cannot be undone. Your other services are not affected.`,
        },
        greeting: name => `Dear ${name},`,
        resubmit: 'You may correct this and submit a new request in the Axis app or on the website.',
        where: 'You can submit a new request in the Axis app or on the website.',
        final: 'This decision is final.',
        smsRejected: {
            verification: mobile => `Real-name verification for ${mobile} not approved:`,
            cancellation: mobile => `Cancellation of ${mobile} not approved:`,
        },
        emailSent: 'Details were sent to your e-mail.',
        signature: 'Axis customer service',
    },
    'zh-CN': {
        brand: '【Axis】',
        subject: {
            verification: { approved: '您的实名认证已通过', rejected: '您的实名认证未通过' },
            cancellation: { approved: '您的账户已注销', rejected: '您的注销申请未通过' },
        },
        approvedBody: {
            verification: mobile => `您的号码 ${mobile} 实名认证已通过，现在可以绑定号码、充值和查看账单。`,
            cancellation: mobile => `您的号码 ${mobile} 对应的账户已注销，号码已释放，此操作不可恢复。您的其他业务不受影响。`,
        },
        greeting: name => `尊敬的${name}：`,
        resubmit: '您可以修改后在 Axis 应用或网站重新提交申请。',
        where: '请在 Axis 应用或网站重新提交申请。',
        final: '此决定为最终结果。',
        smsRejected: {
            verification: mobile => `您的号码 ${mobile} 实名认证未通过：`,
            cancellation: mobile => `您的号码 ${mobile} 注销申请未通过：`,
        },
        emailSent: '详情已发送至您的邮箱。',
        signature: 'Axis 客户服务',
    },
};

/** N-000001: the outbox's numbers, in creation order. */
export const noticeId = (sequence: number) => `N-${String(sequence).padStart(6, '0')}`;

const customerName = (record: ReviewRequest) => (record.kind === 'verification' ? record.fullName : record.holderName);

/** Whether the customer may submit again after this decision: a rejection with only retry reasons. */
export const mayResubmit = (record: ReviewRequest) => record.decision?.outcome === 'rejected' && !isFinalRejection(record.decision.reasons);

/** The reasons' customer-facing sentences in `language`, in catalogue order. */
const reasonTexts = (ids: readonly string[], language: CustomerLanguage) => REASONS.filter(entry => ids.includes(entry.id)).map(entry => entry.template[language]);

/**
 * The e-mail and the SMS a decided request sends; [] for a request not (finally) decided. A rejection's e-mail is the
 * customer message the operator saw and sent (`decision.customerMessage`), then whether they may resubmit: said once.
 * A composed message ends with the catalogue's closing already, so the e-mail then adds only where to submit again
 * (nothing after a final one); a message the operator rewrote without it gets the e-mail's own closing.
 */
export function composeNotices(record: ReviewRequest, at: string): NoticeDraft[] {
    const { decision } = record;
    if (!decision || (record.status !== 'approved' && record.status !== 'rejected')) return [];
    const language = record.customerLanguage;
    const t = TEXTS[language];
    const outcome = decision.outcome;
    const subject = t.subject[record.kind][outcome];
    const closing = mayResubmit(record) ? t.resubmit : t.final;
    const rejectionEmail = (message: string) => {
        const saidAlready = decision.outcome === 'rejected' && message.includes(customerClosing(decision.reasons, language));
        const added = saidAlready ? (mayResubmit(record) ? t.where : null) : closing;
        return [message, ...(added ? ['', added] : []), '', t.signature].join('\n');
    };
    const emailBody = outcome === 'approved'
        ? [t.greeting(customerName(record)), t.approvedBody[record.kind](record.mobileNumber), '', t.signature].join('\n')
        : rejectionEmail(decision.customerMessage ?? composeCustomerMessage(decision.reasons, language, customerName(record)));
    const smsBody = outcome === 'approved'
        ? `${t.brand}${t.approvedBody[record.kind](record.mobileNumber)}`
        : [`${t.brand}${t.smsRejected[record.kind](record.mobileNumber)}`, ...reasonTexts(decision.reasons, language), closing, t.emailSent].join(' ');
    const draft = (channel: NoticeChannel, to: string, subjectLine: string | null, body: string): NoticeDraft => ({
        requestKind: record.kind, requestId: record.id, channel, language, to, subject: subjectLine, body,
        state: 'queued', attempts: 0, nextAttemptAt: at, lastError: null, createdAt: at, sentAt: null,
    });
    return [draft('email', record.email, `${t.brand} ${subject}`, emailBody), draft('sms', record.mobileNumber, null, smsBody)];
}

/** The identity data of `record` that a notice may quote, each with its masked form (src/domain/identityMasking.ts). */
function identityStrings(record: ReviewRequest): [string, string][] {
    const pairs: [string, string][] = [[record.mobileNumber, maskPhone(record.mobileNumber)], [record.email, maskEmail(record.email)]];
    if (record.kind === 'verification') pairs.push([record.idNumber, maskIdNumber(record.idNumber)], [record.contactPhone, maskPhone(record.contactPhone)], [record.address, '***']);
    return pairs.filter(([value]) => value !== '').sort((a, b) => b[0].length - a[0].length);
}

/** A notice as someone who may not see the request's identity data reads it: address and quoted identity data masked. */
export function maskNotice(notice: Notice, record: ReviewRequest | null): Notice {
    const to = notice.channel === 'email' ? maskEmail(notice.to) : maskPhone(notice.to);
    const hide = (text: string) => {
        let out = text.split(notice.to).join(to);
        for (const [value, masked] of record ? identityStrings(record) : []) out = out.split(value).join(masked);
        return out;
    };
    return { ...notice, to, subject: notice.subject === null ? null : hide(notice.subject), body: hide(notice.body), identityMasked: true };
}
