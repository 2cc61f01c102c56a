import type { Cancellation, Verification } from '../../src/domain/types';

// Factories for request records, with overrides (bulletproof-react style): the rules' unit tests start from these.

export const NOW = new Date('2026-11-20T03:00:00.000Z');

export function buildVerification(overrides: Partial<Verification> = {}): Verification {
    return {
        id: 'V-000001', kind: 'verification', status: 'pending', version: 1,
        submittedAt: '2026-11-18T01:00:00.000Z', dueAt: '2026-11-21T01:00:00.000Z',
        assignee: null, claimedAt: null, claimExpiresAt: null, decidedAt: null, decidedBy: null, decision: null,
        attempt: 1, previousId: null, customerLanguage: 'en', mobileNumber: '+6283100000001', email: 'wei.wang@example.com',
        fullName: 'Wang Wei', idNumber: '11010119900307803X', sex: 'male', contactPhone: '+8613800000000', address: 'Beijing',
        card: { name: 'Wang Wei', idNumber: '11010119900307803X', validFrom: '2020-01-01', validUntil: '2040-01-01' },
        documents: { idFront: 'documents/V-000001/id-front.svg', idBack: 'documents/V-000001/id-back.svg', selfie: 'documents/V-000001/selfie.svg' },
        failedChecks: 0, duplicateIds: [],
        ...overrides,
    };
}

export function buildCancellation(overrides: Partial<Cancellation> = {}): Cancellation {
    return {
        id: 'C-000001', kind: 'cancellation', status: 'pending', version: 1,
        submittedAt: '2026-11-18T01:00:00.000Z', dueAt: '2026-11-21T01:00:00.000Z',
        assignee: null, claimedAt: null, claimExpiresAt: null, decidedAt: null, decidedBy: null, decision: null,
        attempt: 1, previousId: null, customerLanguage: 'zh-CN', mobileNumber: '+6283100000002', email: 'ping.li@example.com',
        holderName: '李平', leavingReason: 'moved home',
        account: { accountId: 'AX-10000001', balance: 0, refundRequested: false, refundSettled: false, refundReference: null, boundDevices: [], openItems: [], verificationStatus: 'verified' },
        idScan: null, requiresSecondApproval: false, firstApproval: null, numberReleasedAt: null, numberReleasedBy: null,
        ...overrides,
    };
}

/** A request held by `userId` since `NOW`. */
export const heldBy = (userId: string) => ({ status: 'in_review' as const, version: 2, assignee: userId, claimedAt: NOW.toISOString(), claimExpiresAt: new Date(NOW.getTime() + 15 * 60_000).toISOString() });
