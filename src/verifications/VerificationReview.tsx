import { Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { LazyDocumentViewer, type DocumentViewerHandle, type ViewerDocument } from '../common/documentViewer/LazyDocumentViewer';
import { reviewDay } from '../domain/sla';
import type { Verification } from '../domain/types';
import { serverClock } from '../providers/serverClock';
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
import { PreviousAttempt } from './PreviousAttempt';
import { VerificationChecklist } from './VerificationChecklist';
import { VerificationFacts } from './VerificationFacts';

export const documentsOf = (record: Pick<Verification, 'documents'>): ViewerDocument[] => [
    { key: 'idFront', labelKey: 'app.documents.id_front', url: record.documents.idFront },
    { key: 'idBack', labelKey: 'app.documents.id_back', url: record.documents.idBack },
    { key: 'selfie', labelKey: 'app.documents.selfie', url: record.documents.selfie },
];

/** The ID card and selfie beside the automatic checks, the typed data, a resubmission's previous attempt and the timeline. */
function VerificationReviewScreen({ record }: { record: Verification }) {
    const translate = useTranslate();
    const viewer = useRef<DocumentViewerHandle>(null);
    const [activeDocument, setActiveDocument] = useState(0);
    const flow = useDecisionFlow({ resource: 'verifications', record, customerName: record.fullName, extraShortcuts: viewerShortcuts(viewer) });
    return (
        <ReviewScreen
            requestId={record.id}
            flow={flow}
            header={<ReviewHeader title={translate('app.review.title', { id: record.id })} customerName={record.fullName} />}
            actions={<DecisionPanel resource="verifications" record={record} flow={flow} />}
            main={record.identityMasked
                ? <DocumentsWithheld height={460} />
                : <LazyDocumentViewer ref={viewer} documents={documentsOf(record)} activeIndex={activeDocument} onActiveIndexChange={setActiveDocument} height={460} />}
            side={
                <>
                    <IdentityNotice record={record}><RevealIdentityButton resource="verifications" record={record} /></IdentityNotice>
                    <ReviewSection title={translate('app.review.checks')}>
                        {record.identityMasked
                            ? <Typography variant="body2" color="text.secondary">{translate('app.identity.checks_withheld')}</Typography>
                            : <VerificationChecklist record={record} today={reviewDay(serverClock.now())} />}
                    </ReviewSection>
                    <ReviewSection title={translate('app.review.data')}><VerificationFacts record={record} /></ReviewSection>
                    {record.previousId && <PreviousAttempt record={record} />}
                    <ReviewSection title={translate('app.review.timeline')}><AuditTimeline requestId={record.id} /></ReviewSection>
                </>
            }
            dialogs={<DecisionDialogs flow={flow} />}
        />
    );
}

export function VerificationReview() {
    return <RecordScreen<Verification> screen={VerificationReviewScreen} />;
}
