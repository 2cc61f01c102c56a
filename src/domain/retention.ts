import type { ReviewRequest } from './types';

// Retention (issue 15, docs/api.md §6.14): the documents and full identity data of a decided request are deleted a while
// after the decision; the record keeps its decision, reasons and audit trail, and says when the data was purged.

export interface RetentionSettings {
    /** Days after the decision (API_RETENTION_DAYS). */
    days: number;
    /** Days after the decision for a rejection under dispute (API_RETENTION_DISPUTE_DAYS). */
    disputeDays: number;
}

export const DEFAULT_RETENTION: RetentionSettings = { days: 90, disputeDays: 365 };

const DAY_MS = 86_400_000;

/**
 * The decision instants before which a request's data is due: any decided request decided before `decidedBefore`; a
 * rejection under dispute (the customer submitted again: some request has it as `previousId`) only before `disputeBefore`.
 */
export function retentionCutoffs(now: Date, settings: RetentionSettings) {
    return {
        decidedBefore: new Date(now.getTime() - settings.days * DAY_MS).toISOString(),
        disputeBefore: new Date(now.getTime() - Math.max(settings.days, settings.disputeDays) * DAY_MS).toISOString(),
    };
}

/** Whether a request's data is due for purging: decided, not purged yet, and past its retention. */
export function isPurgeDue(record: ReviewRequest, underDispute: boolean, cutoffs: ReturnType<typeof retentionCutoffs>): boolean {
    if (record.decidedAt === null || record.identityPurgedAt) return false;
    if (record.status !== 'approved' && record.status !== 'rejected') return false;
    const cutoff = record.status === 'rejected' && underDispute ? cutoffs.disputeBefore : cutoffs.decidedBefore;
    return record.decidedAt < cutoff;
}

/**
 * The record without its full identity data and documents: ID numbers, phone numbers, e-mail, address, the card reading
 * and document URLs are emptied (not masked: nothing of them is kept). Kept: names, decision, reasons, dates, the account
 * facts of a cancellation, and `identityPurgedAt`.
 */
export function purgeIdentity(record: ReviewRequest, now: Date): ReviewRequest {
    const common = { mobileNumber: '', email: '', identityPurgedAt: now.toISOString(), version: record.version + 1 };
    if (record.kind === 'cancellation') return { ...record, ...common, idScan: null };
    return {
        ...record,
        ...common,
        idNumber: '',
        contactPhone: '',
        address: '',
        sex: null,
        card: { name: null, idNumber: null, validFrom: null, validUntil: null },
        documents: { idFront: null, idBack: null, selfie: null },
        duplicateIds: [],
    };
}
