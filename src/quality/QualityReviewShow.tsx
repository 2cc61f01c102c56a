import { Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Loading, useTranslate } from 'react-admin';
import { RecordScreen } from '../review/RecordScreen';
import { CancellationFacts } from '../cancellations/CancellationFacts';
import { PreconditionChecklist } from '../cancellations/PreconditionChecklist';
import { VerificationChecklist } from '../verifications/VerificationChecklist';
import { VerificationFacts } from '../verifications/VerificationFacts';
import { LazyDocumentViewer, type ViewerDocument } from '../common/documentViewer/LazyDocumentViewer';
import type { BlindRequest, Cancellation, QualityReview, Verification } from '../domain/types';
import { VerdictPanel } from './VerdictPanel';
import { reviewDay } from '../domain/sla';
import { serverClock } from '../providers/serverClock';

type ReviewWithRequest = QualityReview & { request: BlindRequest };

function documentsOf(request: BlindRequest): ViewerDocument[] {
    if (request.kind === 'verification') {
        const { idFront, idBack, selfie } = (request as Verification).documents;
        return [
            { key: 'idFront', labelKey: 'app.documents.id_front', url: idFront },
            { key: 'idBack', labelKey: 'app.documents.id_back', url: idBack },
            { key: 'selfie', labelKey: 'app.documents.selfie', url: selfie },
        ];
    }
    return [{ key: 'idScan', labelKey: 'app.documents.id_scan', url: (request as Cancellation).idScan }];
}

/** The sampled request as the operator saw it, without the operator's decision, beside the verdict. */
function BlindReview({ review }: { review: ReviewWithRequest }) {
    const translate = useTranslate();
    const [active, setActive] = useState(0);
    const { request } = review;
    const today = reviewDay(serverClock.now());
    return (
        <Stack spacing={2} sx={{ py: 2 }} data-testid="quality-review" data-request={review.requestId}>
            <Typography variant="h6" component="h1">{translate('app.quality.title', { id: review.requestId })}</Typography>
            <VerdictPanel review={review} />
            <Grid container spacing={2}>
                <Grid size={{ xs: 12, lg: 7 }}>
                    <Card variant="outlined"><CardContent>
                        <LazyDocumentViewer documents={documentsOf(request)} activeIndex={active} onActiveIndexChange={setActive} height={400} />
                    </CardContent></Card>
                </Grid>
                <Grid size={{ xs: 12, lg: 5 }}>
                    <Card variant="outlined"><CardContent>
                        {request.kind === 'verification' ? (
                            <>
                                <VerificationChecklist record={request as Verification} today={today} />
                                <VerificationFacts record={request as Verification} />
                            </>
                        ) : (
                            <>
                                <PreconditionChecklist account={(request as Cancellation).account} />
                                <CancellationFacts record={request as Cancellation} />
                            </>
                        )}
                    </CardContent></Card>
                </Grid>
            </Grid>
        </Stack>
    );
}

export function QualityReviewShow() {
    // Its own cache entry: the list's rows (without the request) must not stand in for the full review.
    return <RecordScreen<ReviewWithRequest> queryOptions={{ meta: { withRequest: true } }} screen={({ record }) => (record.request ? <BlindReview review={record} /> : <Loading />)} />;
}
