import { Box, Skeleton, Stack, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { useTranslate } from 'react-admin';
import type { DocumentViewerProps } from './DocumentViewer';

// Type-only re-exports are erased at build time, so importing the types never pulls in the viewer's chunk.
export type { DocumentViewerHandle, DocumentViewerProps, ViewerDocument } from './DocumentViewer';

// Its own chunk: react-zoom-pan-pinch and the viewer are fetched only when a review screen opens, not at first paint.
const DocumentViewerChunk = lazy(() => import('./DocumentViewer'));

// Same default as DocumentViewer, so the page does not jump when the chunk arrives (it is not imported, to keep the chunk separate).
const DEFAULT_HEIGHT = 420;

/** The document viewer, loaded on demand; props and the ref (React 19 ref-as-prop) go straight through. */
export function LazyDocumentViewer(props: DocumentViewerProps) {
    return (
        <Suspense fallback={<ViewerSkeleton height={props.height ?? DEFAULT_HEIGHT} />}>
            <DocumentViewerChunk {...props} />
        </Suspense>
    );
}

function ViewerSkeleton({ height }: { height: number }) {
    const translate = useTranslate();
    return (
        <Stack spacing={1} role="status" aria-busy="true">
            <Skeleton variant="rectangular" height={48} />
            <Box sx={{ position: 'relative' }}>
                <Skeleton variant="rectangular" height={height} />
                <Typography variant="body2" color="text.secondary" sx={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
                    {translate('app.documents.loading')}
                </Typography>
            </Box>
        </Stack>
    );
}
