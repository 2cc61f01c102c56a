// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ageOn, idBirthDate, idCheckCharacter, idSex, isIdCheckCharacterValid, isIdNumberWellFormed, makeIdNumber, regionStatus } from '../../src/domain/idNumber';

describe('ID number check character (ISO 7064 MOD 11-2)', () => {
    it.each(['11010519491231002X', '440524188001010014', '110101199003074477'])('accepts the published valid number %s', number => {
        expect(isIdCheckCharacterValid(number)).toBe(true);
    });

    it.each(['11010519491231002Y', '110105194912310021', '440524188001010015', '11010119900307447X'])('refuses %s, whose last character is wrong', number => {
        expect(isIdCheckCharacterValid(number)).toBe(false);
    });

    it('treats a lower-case x like an X', () => {
        expect(isIdCheckCharacterValid('11010519491231002x')).toBe(true);
    });

    it('computes X when the weighted sum mod 11 is 2', () => {
        expect(idCheckCharacter('11010519491231002')).toBe('X');
    });

    it('has no check character for anything but 17 digits', () => {
        expect(idCheckCharacter('1101051949123100')).toBeNull();
        expect(idCheckCharacter('1101051949123100A')).toBeNull();
    });
});

describe('ID number format', () => {
    it.each(['', '1234', '11010519491231002XX', '1101051949123100XX', 'A1010519491231002X'])('refuses the malformed "%s"', number => {
        expect(isIdNumberWellFormed(number)).toBe(false);
    });
});

describe('the parts of an ID number', () => {
    it('reads the birth date from digits 7-14', () => {
        expect(idBirthDate('11010519491231002X')).toBe('1949-12-31');
    });

    it('refuses a birth date that is not on the calendar', () => {
        expect(idBirthDate('110105' + '20230230' + '0011')).toBeNull();
        expect(idBirthDate('110105' + '18991231' + '0011')).toBeNull();
    });

    it('reads the sex from digit 17: odd male, even female', () => {
        expect(idSex('110101199003074477')).toBe('male');
        expect(idSex('11010519491231002X')).toBe('female');
    });

    it('knows a listed district, does not fail an unlisted district of a real province, and fails an unknown province', () => {
        expect(regionStatus('110105194912310021')).toBe('known');
        expect(regionStatus('440524188001010014')).toBe('unknown_district');
        expect(regionStatus('990105194912310021')).toBe('invalid');
    });

    it('counts age in whole years, turning on the birthday', () => {
        expect(ageOn('2008-11-22', '2026-11-21')).toBe(17);
        expect(ageOn('2008-11-22', '2026-11-22')).toBe(18);
    });

    it('builds valid numbers for the seed', () => {
        const number = makeIdNumber('310104', '1990-03-07', 447);
        expect(number).toHaveLength(18);
        expect(isIdCheckCharacterValid(number)).toBe(true);
        expect(idSex(number)).toBe('male');
    });
});
