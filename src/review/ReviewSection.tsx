import { Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A titled block of a review screen (checks, data, timeline ...). */
export function ReviewSection({ title, children }: { title: string; children: ReactNode }) {
    return (
        <Stack spacing={1}>
            <Typography variant="subtitle2" component="h2">{title}</Typography>
            {children}
        </Stack>
    );
}
