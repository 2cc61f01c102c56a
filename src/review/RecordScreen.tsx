import { useEffect, useRef, type ComponentType } from 'react';
import { Loading, ShowBase, useNotify, useRecordContext, useShowContext, type RaRecord, type ShowBaseProps } from 'react-admin';
import { RecordErrorState } from '../common/errors/ErrorState';
import { RecordErrorBoundary } from '../common/errors/RecordErrorBoundary';

function CurrentRecord<T extends RaRecord>({ screen: Screen }: { screen: ComponentType<{ record: T }> }) {
    const record = useRecordContext<T>();
    const { refetch } = useShowContext<T>();
    // Opened from a queue, the record starts as its masked list row (react-admin fills its record cache from lists):
    // ask the API once for the record as this viewer may see it (whole for a supervisor or the claim's holder).
    // A record first seen whole and masked since (my decision's answer: I hold it no more) is the API's word already.
    const askedFor = useRef<unknown>(null);
    const masked = (record as { identityMasked?: boolean } | undefined)?.identityMasked === true;
    useEffect(() => {
        if (askedFor.current === record?.id) return;
        askedFor.current = record?.id;
        if (masked) void refetch();
    }, [masked, record?.id, refetch]);
    // react-admin answers a read refused with 401 with an empty record ({}) while it signs the operator out.
    if (!record || record.id === undefined) return <Loading />;
    // Keyed by id: a new record (after "review next") starts with fresh state, no draft or zoom carries over.
    return (
        <RecordErrorBoundary key={record.id} onRetry={() => void refetch()}>
            <Screen record={record} />
        </RecordErrorBoundary>
    );
}

/**
 * A show route that renders `screen` with the loaded record. A failed load stays on the page with its translated
 * reason and a retry (not react-admin's "item does not exist" and a redirect), and a render error in the screen
 * replaces only the screen.
 */
export function RecordScreen<T extends RaRecord>({ screen, queryOptions }: { screen: ComponentType<{ record: T }>; queryOptions?: ShowBaseProps<T>['queryOptions'] }) {
    const notify = useNotify();
    const onError = (error: unknown) => {
        const key = error instanceof Error && error.message.startsWith('app.errors.') ? error.message : 'app.errors.unexpected';
        notify(key, { type: 'error' });
    };
    return (
        <ShowBase<T> queryOptions={{ onError, ...queryOptions }} error={<RecordErrorState />}>
            <CurrentRecord<T> screen={screen} />
        </ShowBase>
    );
}
