import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState, type Ref } from 'react';
import { AdminContext } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import DocumentViewer, { type DocumentViewerHandle, type ViewerDocument } from '../../src/common/documentViewer/DocumentViewer';
import { LazyDocumentViewer } from '../../src/common/documentViewer/LazyDocumentViewer';
import { createI18nProvider } from '../../src/providers/i18nProvider';

// The console's own origin: images load only from origins its Content-Security-Policy allows (src/common/documentUrl.ts).
const DOCUMENTS: ViewerDocument[] = [
    { key: 'id_front', labelKey: 'app.documents.id_front', url: `${window.location.origin}/api/documents/42/id-front.svg` },
    { key: 'id_back', labelKey: 'app.documents.id_back', url: null },
    { key: 'selfie', labelKey: 'app.documents.selfie', url: `${window.location.origin}/api/documents/42/selfie.svg` },
];

function Controlled({ documents = DOCUMENTS, initial = 0, viewerRef, onChange }: { documents?: ViewerDocument[]; initial?: number; viewerRef?: Ref<DocumentViewerHandle>; onChange?: (index: number) => void }) {
    const [index, setIndex] = useState(initial);
    const change = (next: number) => {
        onChange?.(next);
        setIndex(next);
    };
    return <DocumentViewer ref={viewerRef} documents={documents} activeIndex={index} onActiveIndexChange={change} />;
}

function renderViewer(props: { documents?: ViewerDocument[]; initial?: number } = {}) {
    const ref = createRef<DocumentViewerHandle>();
    const onChange = vi.fn();
    render(
        <AdminContext i18nProvider={createI18nProvider('en')}>
            <Controlled {...props} viewerRef={ref} onChange={onChange} />
        </AdminContext>,
    );
    const handle = () => ref.current!;
    return { handle, onChange };
}

const image = () => screen.getByTestId('document-image');

describe('DocumentViewer', () => {
    it('shows the active document image, labelled by its translated name, without leaking the referrer', async () => {
        renderViewer();
        const img = await screen.findByRole('img', { name: 'ID card front' });
        expect(img).toHaveAttribute('src', DOCUMENTS[0]!.url);
        expect(img).toHaveAttribute('data-document', 'id_front');
        expect(img).toHaveAttribute('referrerpolicy', 'no-referrer');
        expect(img).toHaveAttribute('draggable', 'false');
        expect(screen.getByRole('tab', { name: /ID card front/, selected: true })).toBeInTheDocument();
    });

    it('reports the chosen tab through onActiveIndexChange', async () => {
        const { onChange } = renderViewer();
        await userEvent.click(await screen.findByRole('tab', { name: /Bare-headed photo/ }));
        expect(onChange).toHaveBeenCalledWith(2);
        expect(image()).toHaveAttribute('data-document', 'selfie');
    });

    it('moves through the documents with next() and previous(), wrapping around at both ends', async () => {
        const { handle } = renderViewer();
        await screen.findByTestId('document-image');
        act(() => handle().previous());
        expect(image()).toHaveAttribute('data-document', 'selfie');
        act(() => handle().next());
        expect(image()).toHaveAttribute('data-document', 'id_front');
        act(() => handle().next());
        expect(screen.queryByTestId('document-image')).not.toBeInTheDocument();
        expect(screen.getByRole('tab', { name: /ID card back/, selected: true })).toBeInTheDocument();
    });

    it('shows a document that was not submitted as such, in its tab and in the viewing area', async () => {
        renderViewer({ initial: 1 });
        const tab = await screen.findByRole('tab', { name: /ID card back/ });
        expect(within(tab).getByText('Not submitted')).toBeInTheDocument();
        expect(within(screen.getByRole('tabpanel')).getByText('Not submitted')).toBeInTheDocument();
        expect(screen.queryByRole('img')).not.toBeInTheDocument();
    });

    it('never renders an image for a javascript: URL and warns instead', async () => {
        renderViewer({ documents: [{ key: 'id_front', labelKey: 'app.documents.id_front', url: 'javascript:alert(1)' }] });
        expect(await screen.findByText('Not shown: the document address is not a safe image URL.')).toBeInTheDocument();
        expect(document.querySelector('img')).toBeNull();
        expect(document.body.innerHTML).not.toContain('javascript:');
    });

    it('rotates the image by 90° with rotate(), back with resetView(), and starts the next document unrotated', async () => {
        const { handle } = renderViewer();
        await screen.findByTestId('document-image');
        expect(image().style.transform).toBe('rotate(0deg)');
        act(() => handle().rotate());
        expect(image().style.transform).toBe('rotate(90deg)');
        act(() => handle().resetView());
        expect(image().style.transform).toBe('rotate(0deg)');
        act(() => handle().rotate());
        act(() => handle().previous());
        expect(image()).toHaveAttribute('data-document', 'selfie');
        expect(image().style.transform).toBe('rotate(0deg)');
    });

    it('says so when the image fails to load', async () => {
        renderViewer();
        fireEvent.error(await screen.findByTestId('document-image'));
        expect(screen.getByText('The image could not be loaded.')).toBeInTheDocument();
        expect(screen.queryByTestId('document-image')).not.toBeInTheDocument();
    });

    it('offers labelled toolbar buttons that can be clicked safely (jsdom has no layout to measure zoom)', async () => {
        renderViewer();
        await screen.findByTestId('document-image');
        for (const name of ['Zoom in', 'Zoom out', 'Reset view', 'Rotate 90°', 'Previous document', 'Next document']) {
            expect(screen.getByRole('button', { name })).toBeEnabled();
        }
        await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
        await userEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
        await userEvent.click(screen.getByRole('button', { name: 'Rotate 90°' }));
        expect(image().style.transform).toBe('rotate(90deg)');
        await userEvent.click(screen.getByRole('button', { name: 'Reset view' }));
        expect(image().style.transform).toBe('rotate(0deg)');
        await userEvent.click(screen.getByRole('button', { name: 'Next document' }));
        expect(screen.getByRole('tab', { name: /ID card back/, selected: true })).toBeInTheDocument();
    });
});

describe('LazyDocumentViewer', () => {
    it('shows a loading placeholder, then the viewer, passing props and the ref through', async () => {
        const ref = createRef<DocumentViewerHandle>();
        const onActiveIndexChange = vi.fn();
        render(
            <AdminContext i18nProvider={createI18nProvider('en')}>
                <LazyDocumentViewer ref={ref} documents={DOCUMENTS} activeIndex={2} onActiveIndexChange={onActiveIndexChange} />
            </AdminContext>,
        );
        expect(screen.getByText('Loading the document viewer…')).toBeInTheDocument();
        expect(await screen.findByRole('img', { name: 'Bare-headed photo' })).toBeInTheDocument();
        act(() => ref.current!.next());
        expect(onActiveIndexChange).toHaveBeenCalledWith(0);
    });
});
