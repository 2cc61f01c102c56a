import { Box, type SxProps } from '@mui/material';

// Text the customer typed, shown as text and contained: a 10,000-character word, a right-to-left override or a
// run of control characters must neither widen the page nor reorder what surrounds it.

/** Bidi isolation plus breaking anywhere, for any element that shows customer text. */
export const CUSTOMER_TEXT_SX = { unicodeBidi: 'plaintext', overflowWrap: 'anywhere', wordBreak: 'break-word', minWidth: 0 } as const;

/** At most two lines (or one: numbers), cut with an ellipsis (queues, titles); the whole value stays in the tooltip. */
export function CustomerText({ value, maxWidth = 260, lines = 2 }: { value: string | null | undefined; maxWidth?: number | string; lines?: 1 | 2 }) {
    if (value === null || value === undefined) return null;
    const clamp: SxProps = lines === 1
        ? { display: 'inline-block', whiteSpace: 'nowrap', verticalAlign: 'bottom' }
        : { display: '-webkit-box', WebkitLineClamp: lines, WebkitBoxOrient: 'vertical' };
    return (
        <Box component="span" title={value} data-customer-text sx={[CUSTOMER_TEXT_SX, clamp, { maxWidth, overflow: 'hidden', textOverflow: 'ellipsis' }]}>
            {value}
        </Box>
    );
}

/** A block that wraps anywhere and scrolls beyond a few lines (review facts). */
export function CustomerTextBlock({ value, field, maxHeight = '9em' }: { value: string; field?: string; maxHeight?: string }) {
    return (
        <Box component="span" data-customer-text data-field={field} sx={{ ...CUSTOMER_TEXT_SX, display: 'block', maxHeight, overflowY: 'auto', whiteSpace: 'pre-wrap' }}>
            {value}
        </Box>
    );
}
