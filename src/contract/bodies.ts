import * as z from 'zod/mini';
import type { FieldProblem } from './errors';
import { QUALITY_VERDICTS } from './primitives';

// Request bodies (docs/api.md §2, §6.8, §6.9, §7). Each field's error is the contract's `fields` problem, so that the
// server answers a 400 straight from the first issue (server/http/validate.ts). Keys are in the order the contract
// checks them: the first issue is the problem the answer names.

const problem = (code: FieldProblem) => ({ error: code });
/** `required` when absent, null or "", `other` for any other wrong value. */
const requiredOr = (other: FieldProblem) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null || issue.input === '' ? 'required' : other) });

/** A longest note (release, approve, reject, send-back, reassign, verdict). */
export const NOTE_MAX = 2000;
export const CUSTOMER_MESSAGE_MAX = 4000;

/** Optional text: absent, null and "" all mean none. */
export const optionalText = (max: number) => z.optional(z.nullable(z.string(problem('not_string')).check(z.maxLength(max, problem('too_long')))));
/** Text that must be given: absent, null, "" or only white space is `required`. */
export const requiredText = (max: number) => z.string(requiredOr('not_string')).check(
    z.maxLength(max, problem('too_long')),
    z.refine(text => text.trim() !== '', problem('required')),
);
/** A decision's `version`: any value that is not an integer is `required`. */
const version = z.int(problem('required'));
/** Ids of requests to pass over (claim-next, and `next` of a decision). */
export const exclude = z.optional(z.array(z.string(problem('invalid')), problem('invalid')));
/** Decide-and-claim-next: with it, the same transaction claims the caller's next request (docs/api.md §7). */
const next = z.optional(z.object({ exclude }, problem('invalid')));

export const loginBody = z.object({ username: z.string().check(z.minLength(1)), password: z.string().check(z.minLength(1)) });
export const claimNextBody = z.object({ exclude });
export const releaseBody = z.object({ note: optionalText(NOTE_MAX) });
export const approveBody = z.object({ version, note: optionalText(NOTE_MAX), next });
export const rejectBody = z.object({
    version,
    note: optionalText(NOTE_MAX),
    customerMessage: optionalText(CUSTOMER_MESSAGE_MAX),
    next,
    /** Problems here answer `invalid_reasons`, after every `bad_request` problem. */
    reasons: z.array(z.string(problem('required')), problem('required')).check(z.minLength(1, problem('required'))),
});
export const sendBackBody = z.object({ version, note: requiredText(NOTE_MAX) });
/** Why someone asks to see a request's identity data: required, kept in the audit trail. */
export const PURPOSE_MAX = 500;
export const revealBody = z.object({ purpose: requiredText(PURPOSE_MAX) });

/**
 * `isAccount`: whether an id names an account; `isDisabled`: whether it names a disabled one, which cannot sign in to work
 * what it is given (reassign's `to` is checked before its `note`).
 */
export const reassignBody = (isAccount: (id: string) => boolean = () => true, isDisabled: (id: string) => boolean = () => false) => z.object({
    to: z.string(problem('required')).check(z.minLength(1, problem('required')), z.refine(isAccount, problem('unknown')), z.refine(id => !isDisabled(id), problem('disabled'))),
    note: requiredText(NOTE_MAX),
});

/** A day of a range: absent, null or "" is `required`, anything but a real YYYY-MM-DD day `invalid`. */
const rangeDay = z.iso.date(requiredOr('invalid'));
/** Every problem of this body is reported at once; `after_to` and `too_large` come from src/domain/dayRange.ts. */
export const qualitySampleBody = (isAccount: (id: string) => boolean = () => true) => z.object({
    operatorId: z.string(problem('required')).check(z.minLength(1, problem('required')), z.refine(isAccount, problem('unknown'))),
    from: rangeDay,
    to: rangeDay,
    rate: z.number(requiredOr('invalid')).check(z.gt(0, problem('invalid')), z.lte(1, problem('invalid'))),
});

/** `note` is required with "disagree" (checked with the verdict: server/http/routes/quality.ts). */
export const verdictBody = z.object({
    verdict: z.enum(QUALITY_VERDICTS, requiredOr('invalid')),
    note: optionalText(NOTE_MAX),
});
