import * as z from 'zod/mini';

// The contract's vocabulary (docs/api.md): every enum the API speaks, once, for the schemas, the domain and the console.
// zod/mini, not zod: the console checks every answer with these schemas, and the mini build keeps its first chunk small.

export const REQUEST_KINDS = ['verification', 'cancellation'] as const;
export const REQUEST_STATUSES = ['pending', 'in_review', 'awaiting_second_approval', 'approved', 'rejected'] as const;
export const ROLES = ['operator', 'supervisor'] as const;
/** How a customer notice travels (docs/api.md §6.12). */
export const NOTICE_CHANNELS = ['email', 'sms'] as const;
/** queued: waiting for (another) attempt; sending: claimed by a sender; sent; failed: given up after the last attempt. */
export const NOTICE_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export const CUSTOMER_LANGUAGES = ['zh-CN', 'en'] as const;
export const OUTCOMES = ['approved', 'rejected'] as const;
export const AUDIT_ACTIONS = ['claim', 'release', 'lapse', 'approve', 'reject', 'second_approve', 'send_back', 'reassign', 'quality_verdict', 'view', 'reveal', 'export', 'purge'] as const;
export const QUALITY_VERDICTS = ['agree', 'disagree'] as const;
export const ERROR_CODES = [
    'bad_request', 'invalid_reasons', 'unauthenticated', 'forbidden', 'not_found', 'method_not_allowed',
    'conflict_claimed', 'conflict_version', 'conflict_state', 'preconditions_failed', 'four_eyes_same_person', 'queue_empty',
    'payload_too_large', 'uri_too_long', 'headers_too_large', 'too_many_attempts', 'idempotency_key_reused', 'internal',
] as const;
export const PRECONDITION_IDS = ['balance_cleared', 'devices_unbound', 'nothing_unpaid'] as const;

export const requestKind = z.enum(REQUEST_KINDS);
export const requestStatus = z.enum(REQUEST_STATUSES);
export const noticeChannel = z.enum(NOTICE_CHANNELS);
export const noticeState = z.enum(NOTICE_STATES);
export const role = z.enum(ROLES);
export const customerLanguage = z.enum(CUSTOMER_LANGUAGES);
export const outcome = z.enum(OUTCOMES);
export const auditAction = z.enum(AUDIT_ACTIONS);
export const qualityVerdict = z.enum(QUALITY_VERDICTS);
export const errorCode = z.enum(ERROR_CODES);

/** An ISO 8601 instant (the API sends UTC with milliseconds and `Z`; an offset is read too). */
export const instant = z.iso.datetime({ offset: true });
/** A calendar day, YYYY-MM-DD, that exists. */
export const calendarDay = z.iso.date();
/** Whole Indonesian rupiah. */
export const rupiah = z.int();
/** Text in both languages the customers and the operators read. */
export const bilingual = z.object({ 'zh-CN': z.string(), en: z.string() });
