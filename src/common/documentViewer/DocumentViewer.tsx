import CenterFocusStrongIcon from '@mui/icons-material/CenterFocusStrong';
import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import RotateRightIcon from '@mui/icons-material/RotateRight';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import { Alert, Box, IconButton, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useId, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslate } from 'react-admin';
import { TransformComponent, TransformWrapper, type ReactZoomPanPinchContentRef } from 'react-zoom-pan-pinch';
import { isLoadableDocumentUrl } from '../documentUrl';

// The ID card and photo images shown beside the typed data, with zoom, pan and rotate for close reading.

export interface ViewerDocument { key: string; /** i18n key, e.g. 'app.documents.id_front' */ labelKey: string; url: string | null }

export interface DocumentViewerHandle { next(): void; previous(): void; zoomIn(): void; zoomOut(): void; resetView(): void; rotate(): void }

export interface DocumentViewerProps {
    documents: ViewerDocument[];
    activeIndex: number;
    onActiveIndexChange(index: number): void;
    height?: number;
    ref?: Ref<DocumentViewerHandle>;
}

type PaneHandle = Pick<DocumentViewerHandle, 'zoomIn' | 'zoomOut' | 'resetView' | 'rotate'>;

export default function DocumentViewer({ documents, activeIndex, onActiveIndexChange, height = 420, ref }: DocumentViewerProps) {
    const pane = useRef<PaneHandle>(null);
    const panelId = useId();
    const count = documents.length;
    const index = Math.min(Math.max(activeIndex, 0), count - 1);
    const active = documents[index];
    const step = (delta: number) => {
        if (count > 0) onActiveIndexChange((index + delta + count) % count);
    };
    // Rebuilt every render so the review screen's shortcuts always act on the current index.
    const handle: DocumentViewerHandle = {
        next: () => step(1),
        previous: () => step(-1),
        zoomIn: () => pane.current?.zoomIn(),
        zoomOut: () => pane.current?.zoomOut(),
        resetView: () => pane.current?.resetView(),
        rotate: () => pane.current?.rotate(),
    };
    useImperativeHandle(ref, () => handle);
    return (
        <Stack spacing={1} data-testid="document-viewer">
            <DocumentTabs documents={documents} index={index} panelId={panelId} onChange={onActiveIndexChange} />
            <ViewerToolbar handle={handle} canNavigate={count > 1} canTransform={isLoadableDocumentUrl(active?.url)} />
            <Box id={panelId} role="tabpanel">
                {/* Keyed per document so zoom, pan, rotation and a load error never carry over to the next one. */}
                {active && <DocumentPane key={`${active.key}|${active.url}`} ref={pane} document={active} height={height} />}
            </Box>
        </Stack>
    );
}

function DocumentTabs({ documents, index, panelId, onChange }: { documents: ViewerDocument[]; index: number; panelId: string; onChange(index: number): void }) {
    const translate = useTranslate();
    return (
        <Tabs value={index < 0 ? false : index} onChange={(_, value: number) => onChange(value)} variant="scrollable" scrollButtons="auto">
            {documents.map(doc => (
                <Tab
                    key={doc.key}
                    data-document={doc.key}
                    aria-controls={panelId}
                    sx={{ textTransform: 'none' }}
                    label={
                        <Stack sx={{ alignItems: 'center' }}>
                            <span>{translate(doc.labelKey)}</span>
                            {doc.url === null && <Typography variant="caption" color="text.secondary">{translate('app.documents.missing')}</Typography>}
                        </Stack>
                    }
                />
            ))}
        </Tabs>
    );
}

const TOOLS = [
    { action: 'previous', Icon: NavigateBeforeIcon, needs: 'navigate' },
    { action: 'next', Icon: NavigateNextIcon, needs: 'navigate' },
    { action: 'zoomIn', label: 'zoom_in', Icon: ZoomInIcon, needs: 'image' },
    { action: 'zoomOut', label: 'zoom_out', Icon: ZoomOutIcon, needs: 'image' },
    { action: 'rotate', Icon: RotateRightIcon, needs: 'image' },
    { action: 'resetView', label: 'reset_view', Icon: CenterFocusStrongIcon, needs: 'image' },
] as const;

function ViewerToolbar({ handle, canNavigate, canTransform }: { handle: DocumentViewerHandle; canNavigate: boolean; canTransform: boolean }) {
    const translate = useTranslate();
    return (
        <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end' }}>
            {TOOLS.map(tool => {
                const label = translate(`app.documents.${'label' in tool ? tool.label : tool.action}`);
                const enabled = tool.needs === 'navigate' ? canNavigate : canTransform;
                return (
                    <IconButton key={tool.action} size="small" aria-label={label} title={label} disabled={!enabled} onClick={() => handle[tool.action]()}>
                        <tool.Icon fontSize="small" />
                    </IconButton>
                );
            })}
        </Stack>
    );
}

function DocumentPane({ document, height, ref }: { document: ViewerDocument; height: number; ref: Ref<PaneHandle> }) {
    const translate = useTranslate();
    const transform = useRef<ReactZoomPanPinchContentRef>(null);
    const [rotation, setRotation] = useState(0);
    const [failed, setFailed] = useState(false);
    useImperativeHandle(ref, () => ({
        zoomIn: () => void transform.current?.zoomIn(),
        zoomOut: () => void transform.current?.zoomOut(),
        resetView: () => {
            void transform.current?.resetTransform();
            setRotation(0);
        },
        rotate: () => setRotation(degrees => (degrees + 90) % 360),
    }), []);
    const { url } = document;
    if (url === null) return <Notice height={height}><Typography color="text.secondary">{translate('app.documents.missing')}</Typography></Notice>;
    // Never hand an unsafe address to the browser, not even as an img src.
    if (!isLoadableDocumentUrl(url)) return <Notice height={height}><Alert severity="warning">{translate('app.documents.unsafe_url')}</Alert></Notice>;
    if (failed) return <Notice height={height}><Alert severity="error">{translate('app.documents.load_failed')}</Alert></Notice>;
    return (
        <Box sx={{ height, bgcolor: 'action.hover', borderRadius: 1, overflow: 'hidden' }}>
            <TransformWrapper ref={transform} minScale={0.5} maxScale={8} doubleClick={{ mode: 'zoomIn' }}>
                <TransformComponent
                    wrapperStyle={{ width: '100%', height }}
                    contentStyle={{ width: '100%', height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
                >
                    <img
                        src={url}
                        alt={translate(document.labelKey)}
                        referrerPolicy="no-referrer"
                        draggable={false}
                        data-testid="document-image"
                        data-document={document.key}
                        onError={() => setFailed(true)}
                        // A phone's photo is upright by its EXIF orientation (Chromium's default too; said here so that no reset undoes it).
                        style={{ maxWidth: '100%', maxHeight: height, objectFit: 'contain', imageOrientation: 'from-image', transform: `rotate(${rotation}deg)`, transition: 'transform 150ms ease-out' }}
                    />
                </TransformComponent>
            </TransformWrapper>
        </Box>
    );
}

function Notice({ height, children }: { height: number; children: ReactNode }) {
    return (
        <Box sx={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center', p: 2, bgcolor: 'action.hover', borderRadius: 1 }}>
            {children}
        </Box>
    );
}
