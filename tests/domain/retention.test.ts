import { describe, expect, it } from 'vitest';
import { isPurgeDue, purgeIdentity, retentionCutoffs } from '../../src/domain/retention';
import { buildCancellation, buildVerification } from '../support/requests';

// Retention (docs/api.md §6.12): when a decided request's data is due, and what purging leaves.

const now = new Date('2027-03-01T00:00:00.000Z');
const cutoffs = retentionCutoffs(now, { days: 90, disputeDays: 365 });
const decided = (status: 'approved' | 'rejected', daysAgo: number) =>
    buildVerification({ status, decidedAt: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(), decidedBy: 'u-operator1' });

describe('when a request\'s data is due for purging', () => {
    it('a decision more than 90 days ago, not one of 89 days, and never an open or purged request', () => {
        expect(isPurgeDue(decided('approved', 91), false, cutoffs)).toBe(true);
        expect(isPurgeDue(decided('approved', 89), false, cutoffs)).toBe(false);
        expect(isPurgeDue(buildVerification({ status: 'pending', decidedAt: null }), false, cutoffs)).toBe(false);
        expect(isPurgeDue({ ...decided('approved', 200), identityPurgedAt: '2027-01-01T00:00:00.000Z' }, false, cutoffs)).toBe(false);
    });

    it('a rejection under dispute (the customer submitted again) is kept 365 days; an approval is not disputed', () => {
        expect(isPurgeDue(decided('rejected', 200), true, cutoffs)).toBe(false);
        expect(isPurgeDue(decided('rejected', 366), true, cutoffs)).toBe(true);
        expect(isPurgeDue(decided('rejected', 200), false, cutoffs)).toBe(true);
        expect(isPurgeDue(decided('approved', 200), true, cutoffs)).toBe(true);
    });
});

describe('what purging leaves', () => {
    it('no ID number, phone, e-mail, address, card reading or document; the decision, name and dates stay, with when', () => {
        const record = decided('rejected', 100);
        const purged = purgeIdentity(record, now);
        expect(purged).toMatchObject({
            id: record.id, status: 'rejected', decision: record.decision, decidedAt: record.decidedAt, fullName: record.fullName, version: record.version + 1,
            idNumber: '', mobileNumber: '', email: '', contactPhone: '', address: '', sex: null, identityPurgedAt: now.toISOString(),
            card: { name: null, idNumber: null, validFrom: null, validUntil: null }, documents: { idFront: null, idBack: null, selfie: null },
        });
        for (const secret of [record.idNumber, record.mobileNumber, record.email, record.address, record.contactPhone]) expect(JSON.stringify(purged)).not.toContain(secret);
        const cancellation = buildCancellation({ status: 'approved', decidedAt: record.decidedAt, idScan: 'https://docs.example/scan.png' });
        expect(purgeIdentity(cancellation, now)).toMatchObject({ mobileNumber: '', email: '', idScan: null, account: cancellation.account, holderName: cancellation.holderName });
    });
});
