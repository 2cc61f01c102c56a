import { DISTRICTS, PROVINCES } from './regions';

// Resident identity card numbers (GB 11643): 6-digit region, 8-digit birth date, 3-digit sequence, check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character (ISO 7064 MOD 11-2) for the first 17 digits, or null if they are not 17 digits. */
export function idCheckCharacter(first17: string): string | null {
    if (!/^\d{17}$/.test(first17)) return null;
    const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
    return CHECK_CHARACTERS[sum % 11] ?? null;
}

/** 17 digits then a digit or X (lower-case x is what customers type; it means the same). */
export function isIdNumberWellFormed(idNumber: string): boolean {
    return /^\d{17}[\dXx]$/.test(idNumber);
}

export function isIdCheckCharacterValid(idNumber: string): boolean {
    if (!isIdNumberWellFormed(idNumber)) return false;
    return idCheckCharacter(idNumber.slice(0, 17)) === idNumber[17]!.toUpperCase();
}

export type RegionStatus = 'known' | 'unknown_district' | 'invalid';

export function regionStatus(idNumber: string): RegionStatus {
    const code = idNumber.slice(0, 6);
    if (!/^\d{6}$/.test(code) || !PROVINCES[code.slice(0, 2)]) return 'invalid';
    return DISTRICTS[code] ? 'known' : 'unknown_district';
}

/** The birth date encoded in digits 7-14 as YYYY-MM-DD, or null when it is not a real calendar date. */
export function idBirthDate(idNumber: string): string | null {
    const digits = idNumber.slice(6, 14);
    if (!/^\d{8}$/.test(digits)) return null;
    const year = Number(digits.slice(0, 4));
    const month = Number(digits.slice(4, 6));
    const day = Number(digits.slice(6, 8));
    if (year < 1900) return null;
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
    return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

/** Whole years between a YYYY-MM-DD birth date and a YYYY-MM-DD day. */
export function ageOn(birthDate: string, day: string): number {
    const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Digit 17: odd is male, even is female. */
export function idSex(idNumber: string): 'male' | 'female' | null {
    const digit = idNumber[16];
    if (digit === undefined || !/\d/.test(digit)) return null;
    return Number(digit) % 2 === 1 ? 'male' : 'female';
}

/** Builds a valid number from its parts; the seed and the tests use it. */
export function makeIdNumber(region: string, birthDate: string, sequence: number): string {
    const first17 = `${region}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    return first17 + idCheckCharacter(first17);
}
