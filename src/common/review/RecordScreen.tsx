import type { ComponentType } from 'react';
import { Loading, ShowBase, useRecordContext, type RaRecord, type ShowBaseProps } from 'react-admin';

function CurrentRecord<T extends RaRecord>({ screen: Screen }: { screen: ComponentType<{ record: T }> }) {
    const record = useRecordContext<T>();
    if (!record) return <Loading />;
    // Keyed by id: a new record (after "review next") starts with fresh state, no draft or zoom carries over.
    return <Screen key={record.id} record={record} />;
}

/** A show route that renders `screen` with the loaded record. */
export function RecordScreen<T extends RaRecord>({ screen, queryOptions }: { screen: ComponentType<{ record: T }>; queryOptions?: ShowBaseProps<T>['queryOptions'] }) {
    return (
        <ShowBase<T> queryOptions={queryOptions}>
            <CurrentRecord<T> screen={screen} />
        </ShowBase>
    );
}
