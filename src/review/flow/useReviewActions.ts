import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useState } from 'react';
import { HttpError, useDataProvider, useLogoutIfAccessDenied, useNotify } from 'react-admin';
import type { ReviewRequest } from '../../domain/types';
import type { Decided, NextClaim, ReviewDataProvider } from '../../providers/dataProvider';
import { describeFailure, isFailure, type Failure } from './failure';

// The review actions of one request kind, with what every failure means for the screen.
// Decisions are pessimistic: the screen changes only once the server has recorded them.

/** The request an audit query is limited to (a request's timeline), if any. */
const auditRequestOf = (queryKey: readonly unknown[]): string | undefined => {
    const requestId = (queryKey[2] as { filter?: { requestId?: unknown } } | undefined)?.filter?.requestId;
    return requestId === undefined ? undefined : String(requestId);
};

/** A fresh set of actions with its own sending state; a review screen makes one (useDecisionFlow) and shares it. */
export function useOwnReviewActions(resource: string) {
    const dataProvider = useDataProvider<ReviewDataProvider>();
    const queryClient = useQueryClient();
    const notify = useNotify();
    const logoutIfAccessDenied = useLogoutIfAccessDenied();
    const [busy, setBusy] = useState(false);

    /**
     * Puts the server's answer (or the record sent with a 409) into react-admin's cache, as the record's getOne
     * (so a request claim-next hands out opens without fetching it again), and marks stale only what it changed:
     * the resource's lists and this request's audit trail. Other requests' records and timelines are untouched.
     * After a decision the request's own timeline is only marked stale: the next request usually replaces the
     * screen, and the flow refreshes it when the screen stays (refreshTimeline).
     */
    const remember = useCallback((record: ReviewRequest, afterDecision = false) => {
        const id = String(record.id);
        // react-admin's getOne key (ra-core useGetOne): [resource, 'getOne', { id, meta }]; screens pass no meta.
        queryClient.setQueriesData({ queryKey: [resource, 'getOne', { id }] }, { ...record });
        queryClient.setQueryData([resource, 'getOne', { id, meta: undefined }], { ...record });
        void queryClient.invalidateQueries({ queryKey: [resource], predicate: query => query.queryKey[1] !== 'getOne' });
        void queryClient.invalidateQueries({ queryKey: ['audit'], predicate: query => auditRequestOf(query.queryKey) === undefined });
        void queryClient.invalidateQueries({ queryKey: ['audit'], predicate: query => auditRequestOf(query.queryKey) === id, refetchType: afterDecision ? 'none' : 'active' });
    }, [queryClient, resource]);

    /** Fetches a request's timeline again where a screen shows it. */
    const refreshTimeline = useCallback((id: string) => {
        void queryClient.invalidateQueries({ queryKey: ['audit'], predicate: query => auditRequestOf(query.queryKey) === String(id) });
    }, [queryClient]);

    /**
     * Drops what the cache holds for requests no screen shows any more (their record and timeline), so that a
     * session of hundreds of decisions does not keep every one of them; going back to one fetches it again.
     */
    const forgetLeftBehind = useCallback(() => {
        queryClient.removeQueries({ queryKey: [resource, 'getOne'], type: 'inactive' });
        queryClient.removeQueries({ queryKey: ['audit'], type: 'inactive', predicate: query => auditRequestOf(query.queryKey) !== undefined });
    }, [queryClient, resource]);

    /** Puts a request claimed for the caller into the cache as its getOne, so that its screen opens without a fetch. */
    const rememberClaimed = useCallback((record: ReviewRequest) => {
        queryClient.setQueryData([resource, 'getOne', { id: String(record.id), meta: undefined }], { ...record });
    }, [queryClient, resource]);

    /** Runs a call; on failure refreshes what the server sent, handles 401, and rethrows the Failure. */
    const run = useCallback(async <T extends Decided>(call: () => Promise<T>, decision = false): Promise<T> => {
        setBusy(true);
        try {
            const answer = await call();
            // react-admin's data provider wrapper answers an auth failure with empty data after logging out.
            if (!answer?.data?.id) throw describeFailure(new HttpError('app.errors.unauthenticated', 401));
            remember(answer.data, decision);
            if (answer.next) rememberClaimed(answer.next);
            return answer;
        } catch (error) {
            const failure = isFailure(error) ? error : describeFailure(error);
            if (failure.record) remember(failure.record);
            if (failure.kind === 'unauthenticated' && !isFailure(error)) void logoutIfAccessDenied(error);
            throw failure;
        } finally {
            setBusy(false);
        }
    }, [remember, rememberClaimed, logoutIfAccessDenied]);

    /** For actions without a dialog: the failure becomes a notification. */
    const notifyFailure = useCallback((failure: Failure) => {
        // notify translates the key itself: a translated text given to it is looked up again, and missing.
        if (failure.kind !== 'unauthenticated') notify(failure.messageKey, { type: failure.kind === 'queue_empty' ? 'info' : 'error', messageArgs: failure.messageArgs });
    }, [notify]);

    return {
        resource,
        /** True while any action of this set is on its way: every button of the screen waits for it. */
        busy,
        notifyFailure,
        refreshTimeline,
        /** Any other call that answers the request's new state (e.g. a supervisor's reassign). */
        claimedBy: (call: () => Promise<{ data: ReviewRequest }>) => run(call),
        claim: (id: string) => run(() => dataProvider.claim(resource, { id })),
        release: (id: string, note?: string) => run(() => dataProvider.release(resource, { id, note })),
        /** With `next`, the answer also carries the next request claimed in the same transaction (null: none left). */
        approve: (record: ReviewRequest, note: string, next?: NextClaim) => {
            if (next) forgetLeftBehind();
            return run(() => dataProvider.approve(resource, { id: record.id, version: record.version, note: note || undefined, next }), true);
        },
        reject: (record: ReviewRequest, draft: { reasons: string[]; note: string; customerMessage: string }, next?: NextClaim) => {
            if (next) forgetLeftBehind();
            return run(() => dataProvider.reject(resource, {
                id: record.id, version: record.version, reasons: draft.reasons,
                note: draft.note || undefined, customerMessage: draft.customerMessage || undefined, next,
            }), true);
        },
        sendBack: (record: ReviewRequest, note: string) => run(() => dataProvider.sendBack(resource, { id: record.id, version: record.version, note })),
        claimNext: async (exclude: string[]) => {
            forgetLeftBehind();
            return (await run(() => dataProvider.claimNext(resource, { exclude }))).data;
        },
    };
}

export type ReviewActions = ReturnType<typeof useOwnReviewActions>;

/** The actions of the review screen on display, shared by everything on it (one `busy` for the whole screen). */
export const ScreenActions = createContext<ReviewActions | null>(null);

/** The screen's shared actions when inside a review screen of `resource`, else a set of its own (the queue's review next). */
export function useReviewActions(resource: string): ReviewActions {
    const shared = useContext(ScreenActions);
    const own = useOwnReviewActions(resource);
    return shared?.resource === resource ? shared : own;
}
