import * as z from 'zod/mini';
import { errorCode } from './primitives';
import { reviewRequest } from './records';

// The one body of every non-2xx answer (docs/api.md §3).

export const errorBody = z.object({
    error: z.object({
        code: errorCode,
        /** Human-readable English, for logs only. */
        message: z.string(),
        /** Per-field problems of a 400: { "<field>": "<problem>" }. */
        fields: z.optional(z.record(z.string(), z.string())),
        /** preconditions_failed: the failing precondition ids. */
        preconditions: z.optional(z.array(z.string())),
        /** conflict_claimed: the display name of the claim's holder. */
        holder: z.optional(z.string()),
        /** Every 409 about a request: the request as it is now. */
        record: z.optional(reviewRequest),
    }),
});

/** The problems a field of a 400 can have (`fields` values). */
export type FieldProblem =
    | 'required' | 'not_string' | 'too_long' | 'invalid' | 'invalid_json' | 'unsupported_field' | 'too_large'
    | 'not_boolean' | 'unknown' | 'disabled' | 'after_to' | 'too_deep' | 'invalid_character';
