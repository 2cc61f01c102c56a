import { useEffect } from 'react';
import { useDataProvider } from 'react-admin';
import type { ReviewRequest } from '../../domain/types';
import type { ReviewDataProvider } from '../../providers/dataProvider';
import { isLoadableDocumentUrl } from '../../common/documentUrl';
import { releasedThisSession } from './releasedThisSession';

// Document images fetched ahead of their screen: the browser keeps them (the API answers max-age), so the viewer's
// <img> finds them in its cache instead of waiting one more round trip.

const documentsOf = (record: ReviewRequest): unknown[] =>
    record.kind === 'verification' ? [record.documents.idFront, record.documents.idBack, record.documents.selfie] : [record.idScan];

function preload(url: unknown) {
    if (!isLoadableDocumentUrl(url)) return;
    const image = new Image();
    // As the viewer's <img> asks for it, so that the cached answer is the one it gets.
    image.referrerPolicy = 'no-referrer';
    image.src = url;
}

/** The document the review screen shows first, while the screen renders. */
export const preloadFirstDocument = (record: ReviewRequest) => preload(documentsOf(record)[0]);


/** Whom claim-next would most likely hand me after `current`: my other claim, else the oldest-due pending one. */
export function likelyNext(queue: ReviewRequest[], current: ReviewRequest, me: string, exclude: string[]): ReviewRequest | undefined {
    return queue.find(request => request.id !== current.id && !exclude.includes(request.id)
        && (request.status === 'pending' || (request.status === 'in_review' && request.assignee === me)));
}

/**
 * While I look at a request I hold, fetches the documents of the request the decision will most likely bring next,
 * read from the queue in claim-next's order, without claiming it: the server still chooses (and another operator
 * may take it first, which only costs the preload).
 */
export function usePreloadLikelyNext(resource: string, current: ReviewRequest, me: string | undefined, enabled: boolean) {
    const dataProvider = useDataProvider<ReviewDataProvider>();
    useEffect(() => {
        if (!enabled || !me) return;
        let cancelled = false;
        // After the screen's own first render and requests, not before them.
        const timer = window.setTimeout(() => {
            dataProvider.getList<ReviewRequest>(resource, { filter: { open: true }, sort: { field: 'queue', order: 'ASC' }, pagination: { page: 1, perPage: 5 } })
                .then(({ data }) => {
                    const next = cancelled ? undefined : likelyNext(data, current, me, releasedThisSession.list());
                    if (next) documentsOf(next).forEach(preload);
                }, () => undefined);
        }, 0);
        return () => {
            cancelled = true;
            window.clearTimeout(timer);
        };
        // Once per request on screen: a refreshed record of the same request changes nothing about what comes next.
        // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [resource, current.id, me, enabled, dataProvider]);
}
