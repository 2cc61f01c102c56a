import { isReadyToApprove } from '../../../src/domain/cancellationPreconditions';
import { searchText } from '../../../src/domain/lists/requests';
import { isOpen } from '../../../src/domain/requestStatus';
import type { AuditEntry, QualityReview, QualitySample, ReviewRequest } from '../../../src/domain/types';

// The columns stored beside each record: derived here, by the pure rules the memory store uses, so that SQL only filters
// and sorts on them and never re-implements a rule. Each row goes to SQL as one JSON value (jsonb_to_recordset).

export function requestRow(record: ReviewRequest) {
    return {
        id: record.id,
        kind: record.kind,
        status: record.status,
        is_open: isOpen(record.status),
        assignee: record.assignee,
        claim_expires_at: record.claimExpiresAt,
        submitted_at: record.submittedAt,
        due_at: record.dueAt,
        decided_at: record.decidedAt,
        decided_by: record.decidedBy,
        attempt: record.attempt,
        previous_id: record.previousId,
        mobile_number: record.mobileNumber,
        holder_name: record.kind === 'verification' ? record.fullName : record.holderName,
        failed_checks: record.kind === 'verification' ? record.failedChecks : 0,
        ready_to_approve: record.kind === 'cancellation' ? isReadyToApprove(record.account) : null,
        search_text: searchText(record),
        version: record.version,
        record,
    };
}

/** Audit entries with their numbers known (the seed's history). */
export const auditRow = (entry: AuditEntry) => ({
    seq: Number(entry.id.replace(/^A-/, '')),
    id: entry.id,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    request_kind: entry.requestKind ?? '',
    request_id: entry.requestId,
    to_status: entry.toStatus,
    reasons: entry.reasons,
    entry,
});

export const qualityReviewColumns = (review: QualityReview) => [review.id, review.verdict, review.reviewedAt, review] as const;

export const qualitySampleColumns = (sample: QualitySample) => [sample.operatorId, sample.createdBy, sample.createdAt] as const;
