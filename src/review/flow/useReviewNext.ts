import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { useNotify } from 'react-admin';
import type { ReviewRequest } from '../../domain/types';
import type { Failure } from './failure';
import { preloadFirstDocument } from './preloadDocuments';
import { releasedThisSession } from './releasedThisSession';
import { useReviewActions, type ReviewActions } from './useReviewActions';

/** "Review next": claims the oldest waiting request of the queue (or the one I already hold) and opens it (then true). */
export function useReviewNext(resource: string, given?: ReviewActions) {
    const found = useReviewActions(resource);
    const actions = given ?? found;
    const navigate = useNavigate();
    const notify = useNotify();

    /** Opens a request claimed for me (its record is in the cache already), or the queue when none was left (null). */
    const openClaimed = useCallback((next: ReviewRequest | null): boolean => {
        if (!next) {
            notify('app.review.queue_empty', { type: 'info' });
            navigate(`/${resource}`);
            return false;
        }
        preloadFirstDocument(next);
        navigate(`/${resource}/${encodeURIComponent(next.id)}/show`);
        return true;
    }, [navigate, notify, resource]);

    const reviewNext = useCallback(async (): Promise<boolean> => {
        try {
            return openClaimed(await actions.claimNext(releasedThisSession.list()));
        } catch (error) {
            const failure = error as Failure;
            if (failure.kind === 'queue_empty') return openClaimed(null);
            actions.notifyFailure(failure);
            return false;
        }
    }, [actions, openClaimed]);
    return { reviewNext, openClaimed, busy: actions.busy };
}
