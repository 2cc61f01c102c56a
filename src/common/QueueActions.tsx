import { ExportButton, FilterButton, TopToolbar } from 'react-admin';
import { ReviewNextButton } from '../review/ReviewNextButton';

/** A queue's toolbar: review next (key `n`) first, then filters and export. */
export function QueueActions({ resource }: { resource: string }) {
    return (
        <TopToolbar>
            <ReviewNextButton resource={resource} />
            <FilterButton />
            <ExportButton />
        </TopToolbar>
    );
}
