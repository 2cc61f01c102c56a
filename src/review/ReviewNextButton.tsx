import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Button } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useReviewNext } from './flow/useReviewNext';
import { useShortcuts } from './keyboard/useShortcuts';

/** One click, or the `n` key, claims the next request and opens it. */
export function ReviewNextButton({ resource, withShortcut = true }: { resource: string; withShortcut?: boolean }) {
    const translate = useTranslate();
    const { reviewNext, busy } = useReviewNext(resource);
    useShortcuts({ n: () => void reviewNext() }, withShortcut);
    return (
        <Button variant="contained" size="small" startIcon={<PlayArrowIcon />} onClick={() => void reviewNext()} disabled={busy} aria-keyshortcuts="n" data-testid="review-next">
            {translate('app.review.review_next')}
        </Button>
    );
}
