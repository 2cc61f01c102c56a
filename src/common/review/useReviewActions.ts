import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { HttpError, useDataProvider, useLogoutIfAccessDenied, useNotify, useTranslate } from 'react-admin';
import type { ReviewRequest } from '../../domain/types';
import type { ReviewDataProvider } from '../../providers/dataProvider';
import { describeFailure, isFailure, type Failure } from './failure';

// The review actions of one request kind, with what every failure means for the screen.
// Decisions are pessimistic: the screen changes only once the server has recorded them.

export function useReviewActions(resource: string) {
    const dataProvider = useDataProvider<ReviewDataProvider>();
    const queryClient = useQueryClient();
    const notify = useNotify();
    const translate = useTranslate();
    const logoutIfAccessDenied = useLogoutIfAccessDenied();
    const [busy, setBusy] = useState(false);

    /** Puts the server's answer (or the record sent with a 409) into react-admin's cache. */
    const remember = useCallback((record: ReviewRequest) => {
        queryClient.setQueriesData({ queryKey: [resource, 'getOne', { id: String(record.id) }] }, { ...record });
        void queryClient.invalidateQueries({ queryKey: [resource] });
        void queryClient.invalidateQueries({ queryKey: ['audit'] });
    }, [queryClient, resource]);

    /** Runs a call; on failure refreshes what the server sent, handles 401, and rethrows the Failure. */
    const run = useCallback(async <T extends { data: ReviewRequest }>(call: () => Promise<T>): Promise<ReviewRequest> => {
        setBusy(true);
        try {
            const { data } = await call();
            // react-admin's data provider wrapper answers an auth failure with empty data after logging out.
            if (!data?.id) throw describeFailure(new HttpError('app.errors.unauthenticated', 401));
            remember(data);
            return data;
        } catch (error) {
            const failure = isFailure(error) ? error : describeFailure(error);
            if (failure.record) remember(failure.record);
            if (failure.kind === 'unauthenticated' && !isFailure(error)) void logoutIfAccessDenied(error);
            throw failure;
        } finally {
            setBusy(false);
        }
    }, [remember, logoutIfAccessDenied]);

    /** For actions without a dialog: the failure becomes a notification. */
    const notifyFailure = useCallback((failure: Failure) => {
        if (failure.kind !== 'unauthenticated') notify(translate(failure.messageKey, failure.messageArgs), { type: failure.kind === 'queue_empty' ? 'info' : 'error' });
    }, [notify, translate]);

    return {
        busy,
        notifyFailure,
        /** Any other call that answers the request's new state (e.g. a supervisor's reassign). */
        claimedBy: (call: () => Promise<{ data: ReviewRequest }>) => run(call),
        claim: (id: string) => run(() => dataProvider.claim(resource, { id })),
        release: (id: string, note?: string) => run(() => dataProvider.release(resource, { id, note })),
        approve: (record: ReviewRequest, note: string) => run(() => dataProvider.approve(resource, { id: record.id, version: record.version, note: note || undefined })),
        reject: (record: ReviewRequest, draft: { reasons: string[]; note: string; customerMessage: string }) =>
            run(() => dataProvider.reject(resource, {
                id: record.id, version: record.version, reasons: draft.reasons,
                note: draft.note || undefined, customerMessage: draft.customerMessage || undefined,
            })),
        sendBack: (record: ReviewRequest, note: string) => run(() => dataProvider.sendBack(resource, { id: record.id, version: record.version, note })),
        claimNext: (exclude: string[]) => run(() => dataProvider.claimNext(resource, { exclude })),
    };
}
