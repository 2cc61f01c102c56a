import { Alert, Card, CardContent, Divider, Grid, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { ReferenceField, useLocale, useTranslate } from 'react-admin';
import { DueTag } from '../common/DueTag';
import { LazyDocumentViewer, type DocumentViewerHandle } from '../common/documentViewer/LazyDocumentViewer';
import { AuditTimeline } from '../review/AuditTimeline';
import { RecordScreen } from '../review/RecordScreen';
import { ReviewSection } from '../review/ReviewSection';
import { ClaimStatus } from '../review/ClaimStatus';
import { DecisionBar } from '../review/DecisionBar';
import { SupervisorClaimActions } from '../review/SupervisorClaimActions';
import { useDecisionFlow } from '../review/flow/useDecisionFlow';
import { StatusChip } from '../common/StatusChip';
import { isReadyToApprove } from '../domain/cancellationPreconditions';
import type { Cancellation } from '../domain/types';
import { CancellationFacts } from './CancellationFacts';
import { PreconditionChecklist } from './PreconditionChecklist';
import { SecondApprovalPanel } from './SecondApprovalPanel';
import { useNumberReleaseGuard } from './useNumberReleaseGuard';
import { CustomerText } from '../common/CustomerText';


function NumberReleased({ record }: { record: Cancellation }) {
    const translate = useTranslate();
    const locale = useLocale();
    if (!record.numberReleasedAt) return null;
    return (
        <Alert severity="success" data-testid="number-released">
            <ReferenceField source="numberReleasedBy" reference="operators" link={false} render={({ referenceRecord }) =>
                translate('app.cancellation.released', { when: new Date(record.numberReleasedAt!).toLocaleString(locale), who: referenceRecord?.name ?? record.numberReleasedBy })} />
        </Alert>
    );
}

function CancellationReviewScreen({ record }: { record: Cancellation }) {
    const translate = useTranslate();
    const viewer = useRef<DocumentViewerHandle>(null);
    const [activeDocument, setActiveDocument] = useState(0);
    const ready = isReadyToApprove(record.account);
    const guard = useNumberReleaseGuard(record, { firstOfTwo: record.requiresSecondApproval });
    const flow = useDecisionFlow({
        resource: 'cancellations',
        record,
        customerName: record.holderName,
        approveGuard: guard,
        approveBlocked: !ready,
        extraShortcuts: { '+': () => viewer.current?.zoomIn(), '-': () => viewer.current?.zoomOut(), '0': () => viewer.current?.resetView(), o: () => viewer.current?.rotate() },
    });

    return (
        <Stack spacing={2} sx={{ py: 2 }} data-testid="review-screen" data-request={record.id}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="h6" component="h1" sx={{ display: 'flex', minWidth: 0, maxWidth: '100%' }}>
                    <span style={{ whiteSpace: 'pre' }}>{`${translate('app.review.title', { id: record.id })} · `}</span>
                    <CustomerText value={record.holderName} maxWidth="60vw" />
                </Typography>
                <StatusChip />
                <DueTag />
            </Stack>
            {record.status === 'awaiting_second_approval' ? <SecondApprovalPanel record={record} /> : (
                <>
                    <ClaimStatus record={record} heldByMe={flow.heldByMe} onHeartbeat={flow.heartbeat} />
            <SupervisorClaimActions resource="cancellations" record={record} />
                    <DecisionBar resource="cancellations" record={record} flow={flow} />
                    {!ready && record.status === 'in_review' && <Alert severity="error" data-testid="approve-blocked">{translate('app.cancellation.approve_blocked')}</Alert>}
                </>
            )}
            <NumberReleased record={record} />
            <Grid container spacing={2}>
                <Grid size={{ xs: 12, lg: 7 }}>
                    <Card variant="outlined">
                        <CardContent>
                            <Stack spacing={2} divider={<Divider flexItem />}>
                                <ReviewSection title={translate('app.cancellation.preconditions')}><PreconditionChecklist account={record.account} /></ReviewSection>
                                <ReviewSection title={translate('app.cancellation.account')}><CancellationFacts record={record} /></ReviewSection>
                            </Stack>
                        </CardContent>
                    </Card>
                </Grid>
                <Grid size={{ xs: 12, lg: 5 }}>
                    <Card variant="outlined">
                        <CardContent>
                            <Stack spacing={2} divider={<Divider flexItem />}>
                                <ReviewSection title={translate('app.cancellation.id_scan')}>
                                    <LazyDocumentViewer ref={viewer} documents={[{ key: 'idScan', labelKey: 'app.documents.id_scan', url: record.idScan }]} activeIndex={activeDocument} onActiveIndexChange={setActiveDocument} height={260} />
                                </ReviewSection>
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

export function CancellationReview() {
    return <RecordScreen<Cancellation> screen={CancellationReviewScreen} />;
}
