import { describe, expect, it } from 'vitest';
import { addressToCity, maskEmail, maskIdNumber, maskIdentity, maskPhone, mayReveal, needsToKnow, revealHolds, REVEAL_TTL_MS } from '../../src/domain/identityMasking';
import type { Cancellation, Verification } from '../../src/domain/types';

const verification = {
    id: 'V-000001', kind: 'verification', status: 'in_review', version: 2, submittedAt: '2026-11-20T03:00:00.000Z', dueAt: '2026-11-25T03:00:00.000Z',
    assignee: 'u-operator1', claimedAt: null, claimExpiresAt: null, decidedAt: null, decidedBy: null, decision: null, attempt: 1, previousId: null,
    customerLanguage: 'zh-CN', mobileNumber: '+6283212343316', email: 'siyuan.wang12@gmail.com', fullName: '王思远', idNumber: '110101199003070226',
    sex: 'female', contactPhone: '+8613812345678', address: '江苏省南京市玄武区人民路12号3栋101室',
    card: { name: '王思远', idNumber: '110101199003070226', validFrom: '2020-01-01', validUntil: 'long_term' },
    documents: { idFront: 'http://x/api/documents/V-000001/id-front.svg', idBack: 'http://x/api/documents/V-000001/id-back.svg', selfie: 'http://x/api/documents/V-000001/selfie.svg' },
    failedChecks: 0, duplicateIds: [],
} satisfies Verification;

describe('identity masking', () => {
    it('an ID number keeps its region and last four: 110101********0226', () => {
        expect(maskIdNumber('110101199003070226')).toBe('110101********0226');
        expect(maskIdNumber('11010119900307022X')).toBe('110101********022X');
        expect(maskIdNumber('12345')).toBe('*****');
    });

    it('a mobile keeps its country and operator prefix and last four: +62832****3316', () => {
        expect(maskPhone('+6283212343316')).toBe('+62832****3316');
        expect(maskPhone('+8613812345678')).toBe('+86138****5678');
        expect(maskPhone('0812')).toBe('****');
    });

    it('an e-mail keeps two letters and its domain: si***@gmail.com', () => {
        expect(maskEmail('siyuan.wang12@gmail.com')).toBe('si***@gmail.com');
        expect(maskEmail('ab@qq.com')).toBe('a***@qq.com');
        expect(maskEmail('not-an-address')).toBe('no***');
    });

    it('an address goes to its city, in Chinese and in Latin script', () => {
        expect(addressToCity('江苏省南京市玄武区人民路12号3栋101室')).toBe('江苏省南京市***');
        expect(addressToCity('北京市东城区和平街8号')).toBe('北京市***');
        expect(addressToCity('广西壮族自治区南宁市青秀区长江路1号')).toBe('广西壮族自治区南宁市***');
        expect(addressToCity('12 Jalan Sudirman, Jakarta')).toBe('Jakarta ***');
        expect(addressToCity('Jalan Sudirman 12')).toBe('***');
    });

    it('a masked verification keeps nothing of the full values and no document URL', () => {
        const masked = maskIdentity(verification) as Verification;
        const text = JSON.stringify(masked);
        for (const full of ['110101199003070226', '+6283212343316', '+8613812345678', 'siyuan.wang12@gmail.com', '玄武区', '/documents/']) expect(text).not.toContain(full);
        expect(masked).toMatchObject({ identityMasked: true, fullName: '王思远', idNumber: '110101********0226', card: { idNumber: '110101********0226', name: '王思远' }, documents: { idFront: null, idBack: null, selfie: null } });
    });

    it('a masked cancellation has no ID scan and keeps the last four digits of its number (the release check needs them)', () => {
        const cancellation = { ...verification, kind: 'cancellation', holderName: '王思远', leavingReason: 'x', idScan: 'http://x/api/documents/C-1/id-scan.svg', requiresSecondApproval: false, firstApproval: null, numberReleasedAt: null, numberReleasedBy: null,
            account: { accountId: 'AX-1', balance: 0, refundRequested: false, refundSettled: false, refundReference: null, boundDevices: [], openItems: [], verificationStatus: 'verified' } } as unknown as Cancellation;
        expect(maskIdentity(cancellation)).toMatchObject({ idScan: null, mobileNumber: '+62832****3316', email: 'si***@gmail.com', identityMasked: true });
    });
});

describe('who sees a request whole', () => {
    const operator1 = { id: 'u-operator1', role: 'operator' } as const;
    const operator2 = { id: 'u-operator2', role: 'operator' } as const;
    const supervisor = { id: 'u-supervisor1', role: 'supervisor' } as const;

    it('the operator holding the claim and supervisors; nobody else', () => {
        expect(needsToKnow(verification, operator1)).toBe(true);
        expect(needsToKnow(verification, supervisor)).toBe(true);
        expect(needsToKnow(verification, operator2)).toBe(false);
        expect(needsToKnow({ ...verification, status: 'pending', assignee: null }, operator1)).toBe(false);
    });

    it('an operator may ask to see a request they decided, not one somebody else decided; a supervisor any', () => {
        const decided = { ...verification, status: 'approved', assignee: null, decidedBy: 'u-operator1' } satisfies Verification;
        expect(mayReveal(decided, operator1)).toBe(true);
        expect(mayReveal(decided, operator2)).toBe(false);
        expect(mayReveal(verification, supervisor)).toBe(true);
    });

    it('a reveal holds for its lifetime only', () => {
        const at = '2026-11-20T03:00:00.000Z';
        expect(revealHolds(at, new Date(Date.parse(at) + REVEAL_TTL_MS - 1))).toBe(true);
        expect(revealHolds(at, new Date(Date.parse(at) + REVEAL_TTL_MS))).toBe(false);
    });
});
