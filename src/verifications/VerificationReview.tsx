import { Card, CardContent, Divider, Grid, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { LazyDocumentViewer, type DocumentViewerHandle, type ViewerDocument } from '../common/documentViewer/LazyDocumentViewer';
import { DueTag } from '../common/DueTag';
import { AuditTimeline } from '../review/AuditTimeline';
import { RecordScreen } from '../review/RecordScreen';
import { ReviewSection } from '../review/ReviewSection';
import { StatusChip } from '../common/StatusChip';
import { ClaimStatus } from '../review/ClaimStatus';
import { DecisionBar } from '../review/DecisionBar';
import { SupervisorClaimActions } from '../review/SupervisorClaimActions';
import { useDecisionFlow } from '../review/flow/useDecisionFlow';
import type { Verification } from '../domain/types';
import { PreviousAttempt } from './PreviousAttempt';
import { VerificationChecklist } from './VerificationChecklist';
import { VerificationFacts } from './VerificationFacts';
import { CustomerText } from '../common/CustomerText';
import { reviewDay } from '../domain/sla';
import { serverClock } from '../providers/serverClock';

const documentsOf = (record: Verification): ViewerDocument[] => [
    { key: 'idFront', labelKey: 'app.documents.id_front', url: record.documents.idFront },
    { key: 'idBack', labelKey: 'app.documents.id_back', url: record.documents.idBack },
    { key: 'selfie', labelKey: 'app.documents.selfie', url: record.documents.selfie },
];


function VerificationReviewScreen({ record }: { record: Verification }) {
    const translate = useTranslate();
    const viewer = useRef<DocumentViewerHandle>(null);
    const [activeDocument, setActiveDocument] = useState(0);
    const flow = useDecisionFlow({
        resource: 'verifications',
        record,
        customerName: record.fullName,
        extraShortcuts: {
            ']': () => viewer.current?.next(),
            '[': () => viewer.current?.previous(),
            '+': () => viewer.current?.zoomIn(),
            '=': () => viewer.current?.zoomIn(),
            '-': () => viewer.current?.zoomOut(),
            '0': () => viewer.current?.resetView(),
            o: () => viewer.current?.rotate(),
        },
    });
    const today = reviewDay(serverClock.now());

    return (
        <Stack spacing={2} sx={{ py: 2 }} data-testid="review-screen" data-request={record.id}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="h6" component="h1" sx={{ display: 'flex', minWidth: 0, maxWidth: '100%' }}>
                    <span style={{ whiteSpace: 'pre' }}>{`${translate('app.review.title', { id: record.id })} · `}</span>
                    <CustomerText value={record.fullName} maxWidth="60vw" />
                </Typography>
                <StatusChip />
                <DueTag />
            </Stack>
            <ClaimStatus record={record} heldByMe={flow.heldByMe} onHeartbeat={flow.heartbeat} />
            <SupervisorClaimActions resource="verifications" record={record} />
            <DecisionBar resource="verifications" record={record} flow={flow} />
            <Grid container spacing={2}>
                <Grid size={{ xs: 12, lg: 7 }}>
                    <Card variant="outlined">
                        <CardContent>
                            <LazyDocumentViewer ref={viewer} documents={documentsOf(record)} activeIndex={activeDocument} onActiveIndexChange={setActiveDocument} height={460} />
                        </CardContent>
                    </Card>
                </Grid>
                <Grid size={{ xs: 12, lg: 5 }}>
                    <Card variant="outlined">
                        <CardContent>
                            <Stack spacing={2} divider={<Divider flexItem />}>
                                <ReviewSection title={translate('app.review.checks')}><VerificationChecklist record={record} today={today} /></ReviewSection>
                                <ReviewSection title={translate('app.review.data')}><VerificationFacts record={record} /></ReviewSection>
                                {record.previousId && <PreviousAttempt record={record} />}
                                <ReviewSection title={translate('app.review.timeline')}><AuditTimeline requestId={record.id} /></ReviewSection>
                            </Stack>
                        </CardContent>
                    </Card>
                </Grid>
            </Grid>
            {flow.dialogs}
        </Stack>
    );
}

export function VerificationReview() {
    return <RecordScreen<Verification> screen={VerificationReviewScreen} />;
}
