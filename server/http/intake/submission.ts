import { isFinalRejection } from '../../../src/domain/reasonCatalogue';
import { refuse } from '../../../src/domain/refusal';
import { dueAt, reviewDay, type SlaCalendar } from '../../../src/domain/sla';
import type { CancellationForm, VerificationForm } from '../../../src/domain/intakeForm';
import type { RequestKind, ReviewRequest } from '../../../src/domain/types';
import { countFailedChecks, runVerificationChecks } from '../../../src/domain/verificationChecks';
import type { RequestDraft, StoreWrites } from '../../store/store';

// A submitted form as a new request (docs/api.md §6.11): what a resubmission may follow, and the record the queue shows,
// with its SLA due time and automatic checks computed by the same rules as every other request.

/** The rejected request a resubmission follows, locked; refused (400, `fields.previousId`) unless a retry is allowed. */
export async function previousAttempt(tx: StoreWrites, kind: RequestKind, previousId: string, mobileNumber: string): Promise<ReviewRequest> {
    const problem = (value: string, message: string) => refuse('bad_request', message, { fields: { previousId: value } });
    const previous = await tx.lockRequest(kind, previousId) ?? problem('unknown', `no ${kind} ${previousId}`);
    if (previous.status !== 'rejected') problem('not_rejected', `${previousId} was not rejected`);
    if (isFinalRejection(previous.decision?.reasons ?? [])) problem('final_rejection', `${previousId} was rejected for good: it cannot be resubmitted`);
    if (previous.mobileNumber !== mobileNumber) problem('other_account', `${previousId} belongs to another account`);
    const later = await tx.requests({ kind, viewerId: 'intake', now: new Date(0), sort: { field: 'id', order: 'ASC' }, range: [0, 0], filter: { previousId } });
    if (later.total > 0) problem('already_resubmitted', `${previousId} was resubmitted already (${later.rows[0]?.id})`);
    return previous;
}

interface Stamp {
    now: Date;
    sla: SlaCalendar;
    previous: ReviewRequest | null;
}

function common({ now, sla, previous }: Stamp) {
    return {
        status: 'pending' as const, version: 1, submittedAt: now.toISOString(), dueAt: dueAt(now, sla).toISOString(),
        assignee: null, claimedAt: null, claimExpiresAt: null, decidedAt: null, decidedBy: null, decision: null,
        attempt: previous ? previous.attempt + 1 : 1, previousId: previous?.id ?? null,
    };
}

/** Documents are stored paths (`files/<key>`), shown as signed URLs (present.ts). */
export function verificationDraft(form: VerificationForm, documents: { idFront: string; idBack: string; selfie: string }, stamp: Stamp): Omit<Extract<RequestDraft, { kind: 'verification' }>, 'failedChecks' | 'duplicateIds'> & { failedChecks: number; duplicateIds: string[] } {
    const draft = {
        ...common(stamp), kind: 'verification' as const, customerLanguage: form.customerLanguage, mobileNumber: form.mobileNumber, email: form.email,
        fullName: form.fullName, idNumber: form.idNumber, sex: form.sex, contactPhone: form.contactPhone, address: form.address,
        // Nothing has read the card yet: the checks that compare with it stay "unknown" for the reviewer.
        card: { name: null, idNumber: null, validFrom: null, validUntil: null },
        documents: { idFront: `files/${documents.idFront}`, idBack: `files/${documents.idBack}`, selfie: `files/${documents.selfie}` },
        failedChecks: 0, duplicateIds: [] as string[],
    };
    return { ...draft, failedChecks: countFailedChecks(runVerificationChecks(draft, { today: reviewDay(stamp.now, stamp.sla) })) };
}

export function cancellationDraft(form: CancellationForm, idScan: string | null, stamp: Stamp): Extract<RequestDraft, { kind: 'cancellation' }> {
    return {
        ...common(stamp), kind: 'cancellation', customerLanguage: form.customerLanguage, mobileNumber: form.mobileNumber, email: form.email,
        holderName: form.holderName, leavingReason: form.leavingReason,
        // The customer names the account and asks for a refund or not; balance, devices and bills are the billing system's,
        // not the customer's: empty here until the account-facts interface reads them at review time.
        account: { accountId: form.accountId, balance: 0, refundRequested: form.refundRequested, refundSettled: false, refundReference: null, boundDevices: [], openItems: [], verificationStatus: 'pending' },
        idScan: idScan === null ? null : `files/${idScan}`,
        requiresSecondApproval: false, firstApproval: null, numberReleasedAt: null, numberReleasedBy: null,
    };
}
