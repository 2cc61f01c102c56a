import { Alert } from '@mui/material';
import { useRef, useState } from 'react';
import { ReferenceField, useLocale, useTranslate } from 'react-admin';
import { LazyDocumentViewer, type DocumentViewerHandle } from '../common/documentViewer/LazyDocumentViewer';
import { isReadyToApprove } from '../domain/cancellationPreconditions';
import type { Cancellation } from '../domain/types';
import { AuditTimeline } from '../review/AuditTimeline';
import { DecisionPanel } from '../review/DecisionPanel';
import { DocumentsWithheld, IdentityNotice } from '../review/IdentityNotice';
import { RevealIdentityButton } from '../review/RevealIdentityButton';
import { DecisionDialogs } from '../review/flow/DecisionDialogs';
import { useDecisionFlow } from '../review/flow/useDecisionFlow';
import { viewerShortcuts } from '../review/keyboard/viewerShortcuts';
import { RecordScreen } from '../review/RecordScreen';
import { ReviewHeader } from '../review/ReviewHeader';
import { ReviewScreen } from '../review/ReviewScreen';
import { ReviewSection } from '../review/ReviewSection';
import { CancellationFacts } from './CancellationFacts';
import { NumberReleaseConfirmation } from './NumberReleaseConfirmation';
import { PreconditionChecklist } from './PreconditionChecklist';
import { SecondApprovalPanel } from './SecondApprovalPanel';
import { useNumberReleaseGuard } from './useNumberReleaseGuard';
import { dateTimeFormat } from '../common/formatters';

function NumberReleased({ record }: { record: Cancellation }) {
    const translate = useTranslate();
    const locale = useLocale();
    // Approved, but the number-release system has not confirmed yet: the server keeps trying (docs/api.md §6.2).
    if (record.status === 'approved' && !record.numberReleasedAt && record.numberRelease) {
        const { attempts, lastError, nextAttemptAt } = record.numberRelease;
        return (
            <Alert severity="warning" data-testid="number-release-pending">
                {translate('app.cancellation.release_pending', { attempts, reason: lastError ?? '', at: dateTimeFormat(locale).format(new Date(nextAttemptAt)) })}
            </Alert>
        );
    }
    if (!record.numberReleasedAt) return null;
    return (
        <Alert severity="success" data-testid="number-released">
            <ReferenceField source="numberReleasedBy" reference="operators" link={false} render={({ referenceRecord }) =>
                translate('app.cancellation.released', { when: dateTimeFormat(locale).format(new Date(record.numberReleasedAt!)), who: referenceRecord?.name ?? record.numberReleasedBy })} />
        </Alert>
    );
}

/** The account's preconditions and facts beside the ID scan and the timeline; approving releases the number for good. */
function CancellationReviewScreen({ record }: { record: Cancellation }) {
    const translate = useTranslate();
    const viewer = useRef<DocumentViewerHandle>(null);
    const [activeDocument, setActiveDocument] = useState(0);
    const ready = isReadyToApprove(record.account);
    const guard = useNumberReleaseGuard(record, { firstOfTwo: record.requiresSecondApproval });
    const flow = useDecisionFlow({ resource: 'cancellations', record, customerName: record.holderName, approveGuard: guard, approveBlocked: !ready, extraShortcuts: viewerShortcuts(viewer) });
    return (
        <ReviewScreen
            requestId={record.id}
            flow={flow}
            header={<ReviewHeader title={translate('app.review.title', { id: record.id })} customerName={record.holderName} />}
            actions={
                <>
                    {record.status === 'awaiting_second_approval' ? <SecondApprovalPanel record={record} /> : <DecisionPanel resource="cancellations" record={record} flow={flow} />}
                    {!ready && record.status === 'in_review' && <Alert severity="error" data-testid="approve-blocked">{translate('app.cancellation.approve_blocked')}</Alert>}
                    <NumberReleased record={record} />
                </>
            }
            main={
                <>
                    <ReviewSection title={translate('app.cancellation.preconditions')}><PreconditionChecklist account={record.account} /></ReviewSection>
                    <ReviewSection title={translate('app.cancellation.account')}><CancellationFacts record={record} /></ReviewSection>
                </>
            }
            side={
                <>
                    <IdentityNotice record={record}><RevealIdentityButton resource="cancellations" record={record} /></IdentityNotice>
                    <ReviewSection title={translate('app.cancellation.id_scan')}>
                        {record.identityMasked
                            ? <DocumentsWithheld height={260} />
                            : <LazyDocumentViewer ref={viewer} documents={[{ key: 'idScan', labelKey: 'app.documents.id_scan', url: record.idScan }]} activeIndex={activeDocument} onActiveIndexChange={setActiveDocument} height={260} />}
                    </ReviewSection>
                    <ReviewSection title={translate('app.review.timeline')}><AuditTimeline requestId={record.id} /></ReviewSection>
                </>
            }
            dialogs={<DecisionDialogs flow={flow} approveContent={<NumberReleaseConfirmation record={record} guard={guard} />} />}
        />
    );
}

export function CancellationReview() {
    return <RecordScreen<Cancellation> screen={CancellationReviewScreen} />;
}
