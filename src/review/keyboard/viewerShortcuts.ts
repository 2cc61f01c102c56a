import type { RefObject } from 'react';
import type { DocumentViewerHandle } from '../../common/documentViewer/LazyDocumentViewer';
import type { ShortcutMap } from './useShortcuts';

/** The document viewer's keys, the same on every review screen (`=` zooms in too: it is `+` without Shift). */
export const viewerShortcuts = (viewer: RefObject<DocumentViewerHandle | null>): ShortcutMap => ({
    ']': () => viewer.current?.next(),
    '[': () => viewer.current?.previous(),
    '+': () => viewer.current?.zoomIn(),
    '=': () => viewer.current?.zoomIn(),
    '-': () => viewer.current?.zoomOut(),
    '0': () => viewer.current?.resetView(),
    o: () => viewer.current?.rotate(),
});
