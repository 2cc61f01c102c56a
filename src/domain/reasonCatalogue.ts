import type { CustomerLanguage, Reason, RequestKind } from './types';

// The rejection reason catalogue the API serves (GET /reasons). Templates are what the customer reads.

const reason = (id: string, kind: RequestKind, retry: Reason['retry'], en: [string, string], zh: [string, string]): Omit<Reason, 'order'> => ({
    id,
    kind,
    retry,
    label: { en: en[0], 'zh-CN': zh[0] },
    template: { en: en[1], 'zh-CN': zh[1] },
});

export const REASONS: readonly Reason[] = ([
    reason('id_expired', 'verification', 'retry',
        ['ID card expired', 'Your ID card has expired. Please submit a card that is currently valid.'],
        ['身份证已过期', '您的身份证已过有效期，请使用有效期内的身份证重新提交。']),
    reason('photo_unclear', 'verification', 'retry',
        ['Photo blurred, dark, cropped or with glare', 'Your ID card photo is not clear enough to read. Please take a sharp, well-lit photo of the whole card without glare.'],
        ['照片模糊、过暗、不完整或反光', '您上传的身份证照片无法清晰辨认，请在光线充足处拍摄完整、清晰、无反光的证件照片。']),
    reason('side_missing', 'verification', 'retry',
        ['One side of the card missing', 'We need photos of both the front and the back of your ID card.'],
        ['缺少证件正面或反面', '请同时上传身份证正面（人像面）和反面（国徽面）的照片。']),
    reason('card_damaged', 'verification', 'retry',
        ['Card worn or damaged', 'Your ID card appears worn or damaged, so we cannot verify it. Please submit photos of an undamaged card.'],
        ['证件磨损或损坏', '您的身份证存在磨损或损坏，无法核验，请使用完好的证件重新提交。']),
    reason('data_mismatch', 'verification', 'retry',
        ['Typed data does not match the card', 'The name or ID number you entered does not match your ID card. Please check and submit again.'],
        ['填写信息与证件不符', '您填写的姓名或身份证号码与证件不一致，请核对后重新提交。']),
    reason('id_number_invalid', 'verification', 'retry',
        ['ID number malformed', 'The ID number you entered is not valid. Please enter the 18-character number exactly as printed on your card.'],
        ['身份证号码格式错误', '您填写的身份证号码无效，请按证件上的 18 位号码准确填写。']),
    reason('selfie_unusable', 'verification', 'retry',
        ['Selfie obstructed or not the card holder', 'Your photo could not be matched to your ID card. Please take a recent bare-headed photo facing forward, without hat, sunglasses or mask.'],
        ['免冠照遮挡或非本人', '您的免冠照无法与证件核对，请上传本人近期正面免冠照片，勿佩戴帽子、墨镜或口罩。']),
    reason('underage', 'verification', 'final',
        ['Below the minimum age', 'We are unable to verify this account because the card holder is below the minimum age.'],
        ['未达到最低年龄', '证件持有人未达到最低年龄要求，无法完成实名认证。']),
    reason('document_forged', 'verification', 'final',
        ['Forged or altered document', 'We are unable to verify your identity with the documents provided.'],
        ['证件伪造或涂改', '无法通过您提供的证件完成身份核验。']),
    reason('identity_overused', 'verification', 'final',
        ['Identity used on too many accounts', 'This identity is already registered on the maximum number of accounts.'],
        ['该身份已绑定过多账户', '该身份证件已登记的账户数量已达上限。']),
    reason('balance_outstanding', 'cancellation', 'retry',
        ['Outstanding balance', 'Your account still has a balance. Please use it or request a refund before cancelling.'],
        ['账户仍有余额', '您的账户仍有余额，请先使用完毕或申请退款后再申请注销。']),
    reason('devices_bound', 'cancellation', 'retry',
        ['Devices still bound', 'Devices are still bound to your account. Please unbind every device before cancelling.'],
        ['仍有绑定设备', '您的账户仍绑定有设备，请先解绑所有设备后再申请注销。']),
    reason('bills_unpaid', 'cancellation', 'retry',
        ['Unpaid bills or open orders', 'Your account has unpaid bills or open orders. Please settle them before cancelling.'],
        ['存在未付账单或未完成订单', '您的账户存在未付账单或未完成的订单，请结清后再申请注销。']),
    reason('identity_unconfirmed', 'cancellation', 'retry',
        ['Identity not confirmed', 'We could not confirm your identity. Please complete real-name verification or attach a clear ID scan.'],
        ['身份未能确认', '我们无法确认您的身份，请完成实名认证或上传清晰的身份证件扫描件。']),
    reason('not_holder', 'cancellation', 'final',
        ['Not the account holder', 'Only the account holder can cancel this account.'],
        ['非账户持有人', '只有账户持有人本人可以注销该账户。']),
    reason('duplicate_request', 'cancellation', 'final',
        ['Duplicate request', 'A cancellation request for this account is already being processed.'],
        ['重复申请', '该账户已有正在处理的注销申请。']),
] as const).map((entry, index) => ({ ...entry, order: index + 1 }));

export const reasonsFor = (kind: RequestKind) => REASONS.filter(entry => entry.kind === kind);

/** The ids among `ids` that are not reason codes for `kind` (empty when all are valid). */
export function invalidReasonIds(kind: RequestKind, ids: readonly string[]): string[] {
    const valid = new Set(reasonsFor(kind).map(entry => entry.id));
    return ids.filter(id => !valid.has(id));
}

/** A rejection is final when any of its reasons is final: the customer may not try again. */
export function isFinalRejection(ids: readonly string[]): boolean {
    return REASONS.some(entry => ids.includes(entry.id) && entry.retry === 'final');
}

const GREETING: Record<CustomerLanguage, (name: string) => string> = {
    en: name => `Dear ${name},`,
    'zh-CN': name => `尊敬的${name}：`,
};

const CLOSING: Record<CustomerLanguage, { retry: string; final: string }> = {
    en: { retry: 'You are welcome to correct this and submit again.', final: 'This decision is final.' },
    'zh-CN': { retry: '您可以修改后重新提交。', final: '此决定为最终结果。' },
};

/** The last line of a composed customer message: that the customer may submit again, or that the decision is final. */
export const customerClosing = (ids: readonly string[], language: CustomerLanguage): string => CLOSING[language][isFinalRejection(ids) ? 'final' : 'retry'];

/** The customer message a rejection sends, built from the reason templates in the customer's language. */
export function composeCustomerMessage(ids: readonly string[], language: CustomerLanguage, customerName: string): string {
    const chosen = REASONS.filter(entry => ids.includes(entry.id));
    return [GREETING[language](customerName), ...chosen.map(entry => entry.template[language]), customerClosing(ids, language)].join('\n');
}
