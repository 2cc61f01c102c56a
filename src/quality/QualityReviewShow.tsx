import { useState } from 'react';
import { Loading, useTranslate } from 'react-admin';
import { RecordScreen } from '../review/RecordScreen';
import { ReviewHeader } from '../review/ReviewHeader';
import { ReviewScreen } from '../review/ReviewScreen';
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
        <ReviewScreen
            requestId={review.requestId}
            testId="quality-review"
            header={<ReviewHeader title={translate('app.quality.title', { id: review.requestId })} withStatus={false} />}
            actions={<VerdictPanel review={review} />}
            main={<LazyDocumentViewer documents={documentsOf(request)} activeIndex={active} onActiveIndexChange={setActive} height={400} />}
            side={request.kind === 'verification' ? (
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
        />
    );
}

export function QualityReviewShow() {
    // Its own cache entry: the list's rows (without the request) must not stand in for the full review.
    return <RecordScreen<ReviewWithRequest> queryOptions={{ meta: { withRequest: true } }} screen={({ record }) => (record.request ? <BlindReview review={record} /> : <Loading />)} />;
}
