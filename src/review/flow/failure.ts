import { HttpError } from 'react-admin';
import type { ApiErrorBody, ReviewRequest } from '../../domain/types';

// What a failed review call means for the operator: the key to show, and what to do next.

export interface Failure {
    kind: 'unauthenticated' | 'conflict' | 'invalid' | 'queue_empty' | 'other';
    messageKey: string;
    messageArgs: Record<string, string>;
    /** The server's current record, sent with 409s. */
    record?: ReviewRequest;
}

export function describeFailure(error: unknown): Failure {
    if (!(error instanceof HttpError)) return { kind: 'other', messageKey: 'app.errors.unexpected', messageArgs: {} };
    const body = (error.body ?? null) as ApiErrorBody | null;
    const code = body?.error?.code;
    const record = body?.error?.record;
    if (error.status === 401) return { kind: 'unauthenticated', messageKey: 'app.review.session_lost', messageArgs: {} };
    if (code === 'conflict_claimed') return { kind: 'conflict', messageKey: 'app.review.held_by', messageArgs: { holder: body?.error.holder ?? '?' }, record };
    if (code === 'conflict_version' || code === 'conflict_state') return { kind: 'conflict', messageKey: 'app.review.changed_meanwhile', messageArgs: {}, record };
    if (code === 'queue_empty') return { kind: 'queue_empty', messageKey: 'app.review.queue_empty', messageArgs: {} };
    if (error.status === 400) return { kind: 'invalid', messageKey: error.message, messageArgs: {} };
    return { kind: 'other', messageKey: error.message, messageArgs: {}, record };
}

export const isFailure = (value: unknown): value is Failure =>
    typeof value === 'object' && value !== null && 'kind' in value && 'messageKey' in value;
