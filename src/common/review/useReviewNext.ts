import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { useNotify } from 'react-admin';
import type { ReviewRequest } from '../../domain/types';
import { isLoadableDocumentUrl } from '../documentUrl';
import type { Failure } from './failure';
import { releasedThisSession } from './releasedThisSession';
import { useReviewActions } from './useReviewActions';

/** Starts loading the document the review screen shows first while the screen renders (the browser keeps it: max-age). */
function preloadFirstDocument(record: ReviewRequest) {
    const url = record.kind === 'verification' ? record.documents.idFront : record.idScan;
    if (!isLoadableDocumentUrl(url)) return;
    const image = new Image();
    image.referrerPolicy = 'no-referrer';
    image.src = url;
}

/** "Review next": claims the oldest waiting request of the queue (or the one I already hold) and opens it (then true). */
export function useReviewNext(resource: string) {
    const actions = useReviewActions(resource);
    const navigate = useNavigate();
    const notify = useNotify();
    const reviewNext = useCallback(async (): Promise<boolean> => {
        try {
            const next = await actions.claimNext(releasedThisSession.list());
            preloadFirstDocument(next);
            navigate(`/${resource}/${encodeURIComponent(next.id)}/show`);
            return true;
        } catch (error) {
            const failure = error as Failure;
            if (failure.kind === 'queue_empty') {
                notify('app.review.queue_empty', { type: 'info' });
                navigate(`/${resource}`);
            } else actions.notifyFailure(failure);
            return false;
        }
    }, [actions, navigate, notify, resource]);
    return { reviewNext, busy: actions.busy };
}
