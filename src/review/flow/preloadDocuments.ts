import { useCallback, useEffect, useRef } from 'react';
import { useDataProvider } from 'react-admin';
import type { ReviewRequest } from '../../domain/types';
import type { ReviewDataProvider } from '../../providers/dataProvider';
import { isLoadableDocumentUrl } from '../../common/documentUrl';
import { releasedThisSession } from './releasedThisSession';

// Document images fetched ahead of their screen: the browser keeps them (the API answers max-age), so the viewer's
// <img> finds them in its cache instead of waiting one more round trip. Only ever of a request the viewer holds.

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


/** Pending requests the queue must hold for the console to claim one ahead: near the end of a queue it leaves them to others. */
export const CLAIM_AHEAD_MIN_PENDING = 10;

/**
 * Claim ahead: while I look at a request I hold, claims the one I will review next (claim-next, skipping this one and
 * those I released in this tab) and fetches its documents, so that my decision's answer opens a request whose images
 * are already here (docs/api.md §7 "Claim ahead"). The request is mine as any claim is: nobody else is handed it, its
 * documents come to me as their holder (need to know), it shows as mine in the queue, and it lapses like any claim.
 * Only with enough pending requests left (CLAIM_AHEAD_MIN_PENDING), so that the end of a queue is shared out.
 * Returns `keepAlive`, for the heartbeat to renew the claim ahead with the one on screen.
 */
export function useClaimAhead(resource: string, current: ReviewRequest, enabled: boolean) {
    const dataProvider = useDataProvider<ReviewDataProvider>();
    const ahead = useRef<string | null>(null);
    useEffect(() => {
        ahead.current = null;
        if (!enabled) return;
        let cancelled = false;
        // After the screen's own first render and requests, not before them.
        const timer = window.setTimeout(() => {
            void (async () => {
                const { total } = await dataProvider.getList(resource, { filter: { status: 'pending' }, sort: { field: 'queue', order: 'ASC' }, pagination: { page: 1, perPage: 1 } });
                if (cancelled || (total ?? 0) < CLAIM_AHEAD_MIN_PENDING) return;
                const { data } = await dataProvider.claimNext(resource, { exclude: [current.id, ...releasedThisSession.list()] });
                if (cancelled) return;
                ahead.current = data.id;
                documentsOf(data).forEach(preload);
            })().catch(() => undefined); // A convenience only: without it the decision still claims the next request.
        }, 0);
        return () => {
            cancelled = true;
            window.clearTimeout(timer);
        };
        // Once per request on screen: a refreshed record of the same request changes nothing about what comes next.
    }, [resource, current.id, enabled, dataProvider]);
    /** Renews the claim ahead, silently: if it lapsed or was taken, the decision claims another. */
    const keepAlive = useCallback(() => {
        if (ahead.current) dataProvider.claim(resource, { id: ahead.current }).catch(() => undefined);
    }, [dataProvider, resource]);
    return { keepAlive };
}
