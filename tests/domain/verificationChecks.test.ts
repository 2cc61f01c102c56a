// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../src/domain/idNumber';
import { countFailedChecks, runVerificationChecks, type CheckId } from '../../src/domain/verificationChecks';

const today = '2026-11-22';
const idNumber = makeIdNumber('310104', '1990-03-07', 447);
const clean = {
    fullName: '王伟', idNumber, sex: 'male' as const, duplicateIds: [],
    card: { name: '王伟', idNumber, validFrom: '2016-01-01', validUntil: '2036-01-01' },
};
const statusOf = (checks: ReturnType<typeof runVerificationChecks>, id: CheckId) => checks.find(c => c.id === id)?.status;

describe('automatic verification checks', () => {
    it('a clean request passes every check', () => {
        const checks = runVerificationChecks(clean, { today });
        expect(checks.every(c => c.status === 'pass')).toBe(true);
        expect(countFailedChecks(checks)).toBe(0);
    });

    it('a wrong check character fails check_digit', () => {
        const bad = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0');
        const checks = runVerificationChecks({ ...clean, idNumber: bad, card: { ...clean.card, idNumber: bad } }, { today });
        expect(statusOf(checks, 'check_digit')).toBe('fail');
    });

    it('a malformed number fails format and leaves what it cannot read unknown', () => {
        const checks = runVerificationChecks({ ...clean, idNumber: '3101041990' }, { today });
        expect(statusOf(checks, 'format')).toBe('fail');
        expect(statusOf(checks, 'check_digit')).toBe('unknown');
        expect(statusOf(checks, 'age')).toBe('unknown');
    });

    it('a birth date in the future fails', () => {
        const future = makeIdNumber('310104', '2027-01-01', 447);
        expect(statusOf(runVerificationChecks({ ...clean, idNumber: future, card: { ...clean.card, idNumber: future } }, { today }), 'birth_date')).toBe('fail');
    });

    it('an under-age holder fails age, and the minimum is configurable', () => {
        const minor = makeIdNumber('310104', '2010-05-01', 447);
        const request = { ...clean, idNumber: minor, card: { ...clean.card, idNumber: minor } };
        const checks = runVerificationChecks(request, { today });
        expect(checks.find(c => c.id === 'age')).toMatchObject({ status: 'fail', params: { age: 16, minimum: 18 } });
        expect(statusOf(runVerificationChecks(request, { today, minimumAge: 16 }), 'age')).toBe('pass');
    });

    it('a recorded sex that contradicts digit 17 fails; none recorded is unknown', () => {
        expect(statusOf(runVerificationChecks({ ...clean, sex: 'female' }, { today }), 'sex')).toBe('fail');
        expect(statusOf(runVerificationChecks({ ...clean, sex: null }, { today }), 'sex')).toBe('unknown');
    });

    it('an expired card fails; a long-term card passes; an unread validity is unknown', () => {
        expect(statusOf(runVerificationChecks({ ...clean, card: { ...clean.card, validUntil: '2026-11-21' } }, { today }), 'card_validity')).toBe('fail');
        expect(statusOf(runVerificationChecks({ ...clean, card: { ...clean.card, validUntil: '2026-11-22' } }, { today }), 'card_validity')).toBe('pass');
        expect(statusOf(runVerificationChecks({ ...clean, card: { ...clean.card, validUntil: 'long_term' } }, { today }), 'card_validity')).toBe('pass');
        expect(statusOf(runVerificationChecks({ ...clean, card: { ...clean.card, validUntil: null } }, { today }), 'card_validity')).toBe('unknown');
        // Anything else is not a date and fails, however it would compare as text.
        for (const validUntil of ['broken pair end', '9999', '2036-02-30', '2036-1-01', '长期', '2036-01-01T00:00:00Z']) {
            expect(statusOf(runVerificationChecks({ ...clean, card: { ...clean.card, validUntil } }, { today }), 'card_validity'), validUntil).toBe('fail');
        }
    });

    it('a typed name or number that differs from the card fails; an unread card is unknown', () => {
        expect(statusOf(runVerificationChecks({ ...clean, fullName: '王玮' }, { today }), 'name_match')).toBe('fail');
        const other = makeIdNumber('310104', '1990-03-07', 449);
        expect(statusOf(runVerificationChecks({ ...clean, card: { ...clean.card, idNumber: other } }, { today }), 'number_match')).toBe('fail');
        expect(statusOf(runVerificationChecks({ ...clean, card: { ...clean.card, name: null } }, { today }), 'name_match')).toBe('unknown');
    });

    it('the same ID number on other accounts fails duplicates', () => {
        expect(runVerificationChecks({ ...clean, duplicateIds: ['V-000002', 'V-000007'] }, { today }).find(c => c.id === 'duplicates'))
            .toMatchObject({ status: 'fail', params: { count: 2 } });
    });
});
