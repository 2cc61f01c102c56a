import { ageOn, idBirthDate, idSex, isIdCheckCharacterValid, isIdNumberWellFormed, regionStatus } from './idNumber';
import type { Verification } from './types';

// The automatic checks a reviewer sees as a checklist: each passes, fails or cannot be decided ("unknown").

export type CheckId =
    | 'format'
    | 'check_digit'
    | 'region'
    | 'birth_date'
    | 'age'
    | 'sex'
    | 'card_validity'
    | 'name_match'
    | 'number_match'
    | 'duplicates';

export type CheckStatus = 'pass' | 'fail' | 'unknown';

export interface CheckResult {
    id: CheckId;
    status: CheckStatus;
    /** Values for the translated explanation, e.g. { age: 16, minimum: 18 }. */
    params: Record<string, string | number>;
}

export interface CheckOptions {
    /** The review day, YYYY-MM-DD. */
    today: string;
    minimumAge?: number;
}

type CheckedFields = Pick<Verification, 'fullName' | 'idNumber' | 'sex' | 'card' | 'duplicateIds'>;

const result = (id: CheckId, status: CheckStatus, params: CheckResult['params'] = {}): CheckResult => ({ id, status, params });

/** A name as the name check compares it: no spaces or dots, upper case. */
export const normaliseName = (name: string) => name.replace(/[\s·•.]/g, '').toUpperCase();

/** A calendar day written YYYY-MM-DD (the only spelling that compares with `today` as text). */
function isCalendarDay(text: string): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
    const [year, month, day] = text.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function runVerificationChecks(request: CheckedFields, { today, minimumAge = 18 }: CheckOptions): CheckResult[] {
    const { idNumber } = request;
    const wellFormed = isIdNumberWellFormed(idNumber);
    const birthDate = wellFormed ? idBirthDate(idNumber) : null;
    const region = regionStatus(idNumber);
    const checks: CheckResult[] = [
        result('format', wellFormed ? 'pass' : 'fail', { length: idNumber.length }),
        result('check_digit', !wellFormed ? 'unknown' : isIdCheckCharacterValid(idNumber) ? 'pass' : 'fail'),
        result('region', region === 'known' ? 'pass' : region === 'invalid' ? 'fail' : 'unknown', { code: idNumber.slice(0, 6) }),
    ];

    if (!wellFormed) checks.push(result('birth_date', 'unknown'), result('age', 'unknown'));
    else if (!birthDate || birthDate > today) checks.push(result('birth_date', 'fail', { digits: idNumber.slice(6, 14) }), result('age', 'unknown'));
    else {
        const age = ageOn(birthDate, today);
        checks.push(
            result('birth_date', 'pass', { birthDate }),
            result('age', age >= minimumAge ? 'pass' : 'fail', { age, minimum: minimumAge }),
        );
    }

    const encodedSex = wellFormed ? idSex(idNumber) : null;
    checks.push(
        !request.sex || !encodedSex
            ? result('sex', 'unknown')
            : result('sex', request.sex === encodedSex ? 'pass' : 'fail', { recorded: request.sex, encoded: encodedSex }),
    );

    // A validity that is neither "long term" nor a calendar day fails: it must never pass by comparing as text.
    const { validUntil } = request.card;
    checks.push(
        validUntil === null
            ? result('card_validity', 'unknown')
            : validUntil !== 'long_term' && !isCalendarDay(validUntil)
              ? result('card_validity', 'fail', { validUntil, notADate: 1 })
              : validUntil === 'long_term' || validUntil >= today
                ? result('card_validity', 'pass', { validUntil })
                : result('card_validity', 'fail', { validUntil }),
    );

    checks.push(
        request.card.name === null
            ? result('name_match', 'unknown')
            : result('name_match', normaliseName(request.card.name) === normaliseName(request.fullName) ? 'pass' : 'fail', {
                  typed: request.fullName,
                  card: request.card.name,
              }),
        request.card.idNumber === null
            ? result('number_match', 'unknown')
            : result('number_match', request.card.idNumber.toUpperCase() === idNumber.toUpperCase() ? 'pass' : 'fail', {
                  typed: idNumber,
                  card: request.card.idNumber,
              }),
        result('duplicates', request.duplicateIds.length === 0 ? 'pass' : 'fail', { count: request.duplicateIds.length }),
    );
    return checks;
}

export const countFailedChecks = (checks: CheckResult[]) => checks.filter(check => check.status === 'fail').length;
