import { CUSTOMER_LANGUAGES } from '../contract/primitives';
import { isIdNumberWellFormed } from './idNumber';
import type { ImageProblem } from './imageCheck';
import type { CustomerLanguage } from './types';

// What the customer app's forms must hold (docs/api.md §6.11, DOMAIN "Verification requests", "Cancellation requests"):
// the text fields of POST /intake/verifications and /intake/cancellations, each problem named per field. The images are
// checked by imageCheck.ts. Pure: the intake route (server/http/routes/intake.ts) and the customer-app script use it.

/** Axis numbers: +62 (Indonesia), one of Axis's prefixes, 8 more digits (the seed's numbers follow the same rule). */
export const AXIS_PREFIXES = ['831', '832', '833', '838'] as const;
export const isAxisNumber = (value: string) => new RegExp(`^\\+62(${AXIS_PREFIXES.join('|')})\\d{8}$`).test(value);

export type IntakeFieldProblem = 'required' | 'too_long' | 'invalid' | 'not_axis_number' | 'unknown' | 'not_rejected' | 'final_rejection' | 'other_account' | 'already_resubmitted' | ImageProblem;
export type FieldProblems = Record<string, IntakeFieldProblem>;

export const VERIFICATION_FILES = ['idFront', 'idBack', 'selfie'] as const;
export const CANCELLATION_FILES = ['idScan'] as const;

const LIMITS = { fullName: 100, holderName: 100, idNumber: 18, mobileNumber: 16, contactPhone: 16, email: 254, address: 300, leavingReason: 1000, accountId: 40, previousId: 40 } as const;

const E164 = /^\+[1-9]\d{7,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface VerificationForm {
    fullName: string; idNumber: string; mobileNumber: string; contactPhone: string; email: string; address: string;
    sex: 'male' | 'female' | null; customerLanguage: CustomerLanguage; previousId: string | null;
}
export interface CancellationForm {
    holderName: string; accountId: string; mobileNumber: string; email: string; leavingReason: string;
    refundRequested: boolean; customerLanguage: CustomerLanguage; previousId: string | null;
}

type Text = (name: string) => string | undefined;

function reader(text: Text, problems: FieldProblems) {
    return {
        required(name: keyof typeof LIMITS): string {
            const value = text(name)?.trim() ?? '';
            if (value === '') problems[name] = 'required';
            else if (value.length > LIMITS[name]) problems[name] = 'too_long';
            return value;
        },
        optional(name: keyof typeof LIMITS): string | null {
            const value = text(name)?.trim() ?? '';
            if (value.length > LIMITS[name]) problems[name] = 'too_long';
            return value === '' ? null : value;
        },
        choice<T extends string>(name: string, allowed: readonly T[], fallback: T | null): T | null {
            const value = text(name)?.trim() ?? '';
            if (value === '') return fallback;
            if (!(allowed as readonly string[]).includes(value)) problems[name] = 'invalid';
            return value as T;
        },
    };
}

function checkContact(read: ReturnType<typeof reader>, problems: FieldProblems) {
    const mobileNumber = read.required('mobileNumber').replace(/[\s-]/g, '');
    if (!problems.mobileNumber && !isAxisNumber(mobileNumber)) problems.mobileNumber = E164.test(mobileNumber) ? 'not_axis_number' : 'invalid';
    const email = read.required('email');
    if (!problems.email && !EMAIL.test(email)) problems.email = 'invalid';
    const customerLanguage = read.choice('customerLanguage', CUSTOMER_LANGUAGES, 'zh-CN')!;
    return { mobileNumber, email, customerLanguage };
}

export function checkVerificationForm(text: Text): { form: VerificationForm; problems: FieldProblems } {
    const problems: FieldProblems = {};
    const read = reader(text, problems);
    const fullName = read.required('fullName');
    const idNumber = read.required('idNumber').toUpperCase();
    // The form only: the check character, region, birth date and age are the reviewers' checklist (verificationChecks.ts).
    if (!problems.idNumber && !isIdNumberWellFormed(idNumber)) problems.idNumber = 'invalid';
    const contact = checkContact(read, problems);
    const contactPhone = read.required('contactPhone').replace(/[\s-]/g, '');
    if (!problems.contactPhone && !E164.test(contactPhone)) problems.contactPhone = 'invalid';
    const address = read.required('address');
    const sex = read.choice('sex', ['male', 'female'] as const, null);
    const previousId = read.optional('previousId');
    return { form: { fullName, idNumber, contactPhone, address, sex, previousId, ...contact }, problems };
}

export function checkCancellationForm(text: Text): { form: CancellationForm; problems: FieldProblems } {
    const problems: FieldProblems = {};
    const read = reader(text, problems);
    const holderName = read.required('holderName');
    const accountId = read.required('accountId');
    const contact = checkContact(read, problems);
    const leavingReason = read.required('leavingReason');
    const refund = read.choice('refundRequested', ['true', 'false'] as const, 'false');
    const previousId = read.optional('previousId');
    return { form: { holderName, accountId, leavingReason, refundRequested: refund === 'true', previousId, ...contact }, problems };
}
