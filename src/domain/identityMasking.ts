import type { Operator, ReviewRequest } from './types';

// Identity data on a need-to-know basis (issue 15): what is masked, how, and who sees a request whole. One module for the
// API (server/http/present.ts), the mock and the console's hints.

/** How long a granted "show identity data" lasts. */
export const REVEAL_TTL_MS = 15 * 60 * 1000;

/** `110101199003070226` -> `110101********0226`: the region and the last four stay, the birth date goes. */
export function maskIdNumber(value: string): string {
    if (value.length < 8) return '*'.repeat(value.length);
    const keepStart = value.length >= 14 ? 6 : 2;
    return `${value.slice(0, keepStart)}${'*'.repeat(value.length - keepStart - 4)}${value.slice(-4)}`;
}

/** `+6283212343316` -> `+62832****3316`: the country and operator prefix and the last four digits stay. */
export function maskPhone(value: string): string {
    if (value.length <= 4) return '*'.repeat(value.length);
    const keepStart = Math.min(6, Math.max(0, value.length - 8));
    return `${value.slice(0, keepStart)}${'*'.repeat(value.length - keepStart - 4)}${value.slice(-4)}`;
}

/** `siyuan.wang12@gmail.com` -> `si***@gmail.com`. */
export function maskEmail(value: string): string {
    const at = value.lastIndexOf('@');
    if (at < 0) return value.length <= 2 ? '***' : `${value.slice(0, 2)}***`;
    const local = value.slice(0, at);
    return `${local.slice(0, local.length > 2 ? 2 : 1)}***${value.slice(at)}`;
}

// A Chinese address up to its city (北京市, 江苏省南京市, 新疆维吾尔自治区乌鲁木齐市, 延边朝鲜族自治州).
const CHINESE_CITY = /^(?:[^\d\s]{2,12}?(?:省|自治区))?[^\d\s]{1,12}?(?:市|自治州|地区|盟)/u;

/** An address to its city: `江苏省南京市玄武区人民路12号` -> `江苏省南京市***`; `12 Jalan Sudirman, Jakarta` -> `Jakarta ***`. */
export function addressToCity(value: string): string {
    const chinese = CHINESE_CITY.exec(value);
    if (chinese) return `${chinese[0]}***`;
    const parts = value.split(',').map(part => part.trim()).filter(Boolean);
    const city = parts.length > 1 ? parts[parts.length - 1]! : '';
    return city && !/\d/.test(city) ? `${city} ***` : '***';
}

/** The request with its identity data masked and no document URL: what lists, exports and anyone without the need see. */
export function maskIdentity(record: ReviewRequest): ReviewRequest {
    const common = { mobileNumber: maskPhone(record.mobileNumber), email: maskEmail(record.email), identityMasked: true };
    if (record.kind === 'cancellation') return { ...record, ...common, idScan: null };
    return {
        ...record,
        ...common,
        idNumber: maskIdNumber(record.idNumber),
        contactPhone: maskPhone(record.contactPhone),
        address: addressToCity(record.address),
        card: { ...record.card, idNumber: record.card.idNumber === null ? null : maskIdNumber(record.card.idNumber) },
        documents: { idFront: null, idBack: null, selfie: null },
    };
}

/** Who sees a request whole without asking: supervisors, and the operator holding its claim. */
export function needsToKnow(record: ReviewRequest, viewer: Pick<Operator, 'id' | 'role'>): boolean {
    return viewer.role === 'supervisor' || (record.status === 'in_review' && record.assignee === viewer.id);
}

/** Who may ask to see a request whole ("show identity data", with a purpose): supervisors, and whoever decided it. */
export function mayReveal(record: ReviewRequest, viewer: Pick<Operator, 'id' | 'role'>): boolean {
    if (viewer.role === 'supervisor') return true;
    if (record.decidedBy === viewer.id) return true;
    return record.kind === 'cancellation' && record.firstApproval?.by === viewer.id;
}

/** Whether a reveal granted at `grantedAt` still holds at `now`. */
export const revealHolds = (grantedAt: string, now: Date) => Date.parse(grantedAt) + REVEAL_TTL_MS > now.getTime();
