import { FilterButton, TopToolbar } from 'react-admin';
import { ServerExportButton } from './ServerExportButton';
import { ReviewNextButton } from '../review/ReviewNextButton';

/** A queue's toolbar: review next (key `n`) first, then filters and the server's exports (masked; full data for supervisors). */
export function QueueActions({ resource }: { resource: string }) {
    return (
        <TopToolbar>
            <ReviewNextButton resource={resource} />
            <FilterButton />
            <ServerExportButton resource={resource} offerFull />
        </TopToolbar>
    );
}
