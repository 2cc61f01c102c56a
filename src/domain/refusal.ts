import type { FieldProblem } from '../contract/errors';
import type { ApiErrorCode, ReviewRequest } from './types';

// Why the contract refuses something, said without HTTP: the servers turn a Refusal into the error body of docs/api.md §3
// (the status follows from the code).

export interface Refusal {
    code: ApiErrorCode;
    /** Human-readable English, for logs only. */
    message: string;
    fields?: Record<string, string>;
    preconditions?: string[];
    /** conflict_claimed: the account id of the claim's holder (the answer shows their display name). */
    holderId?: string | null;
    /** The request as it is now, which every 409 about a request carries. */
    record?: ReviewRequest;
}

/** Thrown by the rules; the HTTP layer answers it. */
export class RefusalError extends Error {
    constructor(readonly refusal: Refusal) {
        super(refusal.message);
    }
}

export function refuse(code: ApiErrorCode, message: string, extra: Omit<Refusal, 'code' | 'message'> = {}): never {
    throw new RefusalError({ code, message, ...extra });
}

const WORDING: Record<FieldProblem, string> = {
    required: 'is required',
    not_string: 'must be a string',
    too_long: 'is too long',
    invalid: 'is invalid',
    invalid_json: 'is not valid JSON',
    unsupported_field: 'names a field that is not supported',
    too_large: 'is too large',
    not_boolean: 'must be true or false',
    unknown: 'names no account',
    disabled: 'names a disabled account',
    after_to: 'is after "to"',
    too_deep: 'is nested too deeply',
    invalid_character: 'contains a character that is not allowed (U+0000)',
};

/** A 400 for one field, e.g. `"note" is too long`. */
export function badField(field: string, problem: FieldProblem, message = `"${field}" ${WORDING[problem]}`): never {
    return refuse('bad_request', message, { fields: { [field]: problem } });
}
