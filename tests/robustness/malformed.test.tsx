import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { AdminContext } from 'react-admin';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MOCK_CONFIG } from '../../mocks/app';
import { present } from '../../server/http/present';
import { RecordErrorBoundary } from '../../src/common/errors/RecordErrorBoundary';
import type { ReviewRequest } from '../../src/domain/types';
import { createI18nProvider } from '../../src/providers/i18nProvider';
import { API_URL, renderConsole, signIn, startMockApi } from '../integration/renderConsole';

// Malformed API answers (a proxy's HTML page, a truncated body, a record of the wrong shape): the console shows a
// translated error in the page, keeps its layout and menu, and works again once the server answers properly.

const { server, db } = startMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const MALFORMED = 'The server sent an answer the console cannot read';
const INTERNAL = 'The server failed. Nothing was changed';
const REFUSED = 'The server refused the request without a readable reason';

const HTML_PAGE = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
const html = (status: number) => new HttpResponse(HTML_PAGE, { status, headers: { 'Content-Type': 'text/html' } });
const ctx = { apiRoot: `${API_URL}/`, fourEyesThresholdIdr: DEFAULT_MOCK_CONFIG.fourEyesThresholdIdr };
const shown = (record: ReviewRequest) => present(record, ctx) as unknown as Record<string, unknown>;
const openVerifications = () => db.state.verifications.filter(v => v.status === 'pending').slice(0, 3).map(shown);
const range = (count: number) => ({ 'Content-Range': `verifications 0-${count - 1}/${count}` });

const rows = () => screen.queryAllByRole('row').slice(1);
const expectShellStillThere = () => {
    expect(screen.getByRole('menuitem', { name: /verifications/i })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: /cancellations/i })).toBeInTheDocument();
    expect(screen.getByRole('banner')).toBeInTheDocument();
};

/** The server is fixed (the override removed), and "Try again" in the page brings the content back. */
async function retryAfterFix(expectContent: () => void) {
    server.resetHandlers();
    await userEvent.setup().click(within(screen.getByTestId('error-state')).getByTestId('error-retry'));
    await waitFor(expectContent);
    expect(screen.queryByTestId('error-state')).toBeNull();
}

describe('a malformed queue answer', () => {
    it.each<[string, () => Response, string]>([
        ['a list without Content-Range', () => HttpResponse.json(openVerifications()), MALFORMED],
        ['an unreadable Content-Range', () => HttpResponse.json(openVerifications(), { headers: { 'Content-Range': 'lots' } }), MALFORMED],
        ['a list body that is an object, not an array', () => HttpResponse.json({ data: openVerifications() }, { headers: range(3) }), MALFORMED],
        ['rows without an id', () => HttpResponse.json(openVerifications().map(({ id: _id, ...row }) => row), { headers: range(3) }), MALFORMED],
        ['rows of the wrong types (version "1", status 42)', () => HttpResponse.json(openVerifications().map(row => ({ ...row, version: '1', status: 42 })), { headers: range(3) }), MALFORMED],
        ['rows with dates that are not dates', () => HttpResponse.json(openVerifications().map(row => ({ ...row, dueAt: 'banana' })), { headers: range(3) }), MALFORMED],
        ['a 200 HTML page', () => html(200), MALFORMED],
        ['an empty 200 body', () => new HttpResponse(null, { status: 200, headers: range(0) }), MALFORMED],
        ['truncated JSON', () => new HttpResponse(JSON.stringify(openVerifications()).slice(0, 200), { headers: { 'Content-Type': 'application/json', ...range(3) } }), MALFORMED],
        ['a 502 HTML page from a gateway', () => html(502), INTERNAL],
        ['a 404 HTML page without the API\'s error body', () => html(404), REFUSED],
    ])('%s: a translated error in the page, the menu stays, retry works once the server is fixed', async (_name, answer, message) => {
        server.use(http.get(`${API_URL}/verifications`, answer));
        await signIn('operator1');
        renderConsole({ path: '/verifications' });
        const state = await screen.findByTestId('error-state');
        expect(state).toHaveTextContent('This list could not be loaded.');
        expect(state).toHaveTextContent(message);
        expect(document.body).not.toHaveTextContent('Content-Range header is missing');
        expectShellStillThere();
        await retryAfterFix(() => expect(rows().length).toBe(25));
    });

    it('is explained in Chinese for a Chinese-speaking operator', async () => {
        server.use(http.get(`${API_URL}/verifications`, () => HttpResponse.json({ data: [] }, { headers: range(0) })));
        await signIn('operator1');
        renderConsole({ path: '/verifications', locale: 'zh-CN' });
        const state = await screen.findByTestId('error-state');
        expect(state).toHaveTextContent('无法加载此列表。');
        expect(state).toHaveTextContent('服务器返回的应答无法读取');
        expect(screen.getAllByRole('menuitem').length).toBeGreaterThanOrEqual(2);
        server.resetHandlers();
        await userEvent.setup().click(within(state).getByRole('button', { name: '重试' }));
        await waitFor(() => expect(rows().length).toBe(25));
    });
});

describe('a malformed request record on the review screen', () => {
    const pendingVerification = () => db.state.verifications.find(v => v.status === 'pending')!;
    const pendingCancellation = () => db.state.cancellations.find(c => c.status === 'pending')!;
    const without = (record: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));

    it.each<[string, 'verifications' | 'cancellations', (record: Record<string, unknown>) => Response]>([
        ['a record missing the fields the screen shows', 'verifications', record => HttpResponse.json(without(record, 'fullName', 'card', 'documents'))],
        ['version "1"', 'verifications', record => HttpResponse.json({ ...record, version: '1' })],
        ['status 42', 'verifications', record => HttpResponse.json({ ...record, status: 42 })],
        ['documents null', 'verifications', record => HttpResponse.json({ ...record, documents: null })],
        ['a date "banana"', 'verifications', record => HttpResponse.json({ ...record, submittedAt: 'banana' })],
        ['account null', 'cancellations', record => HttpResponse.json({ ...record, account: null })],
        ['bound devices that are not a list', 'cancellations', record => HttpResponse.json({ ...record, account: { ...(record.account as object), boundDevices: 'none' } })],
        ['an empty body', 'verifications', () => new HttpResponse(null, { status: 200 })],
        ['a 200 HTML page', 'cancellations', () => html(200)],
        ['truncated JSON', 'verifications', record => new HttpResponse(JSON.stringify(record).slice(0, 120), { headers: { 'Content-Type': 'application/json' } })],
    ])('%s: a translated error instead of a blank screen, and retry works once the server is fixed', async (_name, resource, answer) => {
        const record = resource === 'verifications' ? pendingVerification() : pendingCancellation();
        server.use(http.get(`${API_URL}/${resource}/:id`, () => answer(shown(record))));
        await signIn('operator1');
        renderConsole({ path: `/${resource}/${record.id}/show` });
        const state = await screen.findByTestId('error-state');
        expect(state).toHaveTextContent('This request could not be loaded.');
        expect(state).toHaveTextContent(MALFORMED);
        expect(screen.queryByText('Element does not exist')).toBeNull();
        expectShellStillThere();
        await retryAfterFix(() => expect(screen.getByTestId('review-screen')).toHaveAttribute('data-request', record.id));
    });

    it('an answer to a review action of the wrong shape is reported, not taken for a record', async () => {
        const record = pendingVerification();
        server.use(http.post(`${API_URL}/verifications/:id/claim`, () => HttpResponse.json({ ok: true })));
        await signIn('operator1');
        renderConsole({ path: `/verifications/${record.id}/show` });
        await screen.findByTestId('review-screen');
        await userEvent.setup().keyboard('c');
        expect(await screen.findByText(new RegExp(MALFORMED))).toBeInTheDocument();
        expect(screen.getByTestId('review-screen')).toHaveAttribute('data-request', record.id);
        expectShellStillThere();
    });
});

describe('a malformed reason catalogue', () => {
    it('the reject dialog says the reasons could not be loaded, and retry brings them', async () => {
        const record = db.state.verifications.find(v => v.status === 'pending' && v.assignee === null)!;
        // A reason without its labels, templates and retry flag.
        server.use(http.get(`${API_URL}/reasons`, () => HttpResponse.json([{ id: 'id_expired', kind: 'verification', order: 1 }], { headers: { 'Content-Range': 'reasons 0-0/1' } })));
        await signIn('operator1');
        renderConsole({ path: `/verifications/${record.id}/show` });
        const user = userEvent.setup();
        await screen.findByTestId('review-screen');
        await user.keyboard('c');
        await waitFor(() => expect(screen.getByTestId('claim-status')).toHaveTextContent('You hold this request'));
        await user.keyboard('r');
        const dialog = await screen.findByRole('dialog', { name: `Reject ${record.id}` });
        const state = await within(dialog).findByTestId('error-state', {}, { timeout: 10_000 });
        expect(state).toHaveTextContent('The rejection reasons could not be loaded.');
        expect(state).toHaveTextContent(MALFORMED);
        server.resetHandlers();
        await user.click(within(state).getByTestId('error-retry'));
        await waitFor(() => expect(within(dialog).getAllByRole('checkbox').length).toBeGreaterThan(5));
    });
});

describe('supervisor pages', () => {
    it('the audit trail shows a translated error for rows without an id, and retry works', async () => {
        server.use(http.get(`${API_URL}/audit`, () => HttpResponse.json(db.state.audit.slice(0, 3).map(({ id: _id, ...entry }) => entry), { headers: { 'Content-Range': 'audit 0-2/3' } })));
        await signIn('supervisor1');
        renderConsole({ path: '/audit' });
        const state = await screen.findByTestId('error-state');
        expect(state).toHaveTextContent(MALFORMED);
        expect(screen.getByRole('menuitem', { name: /audit/i })).toBeInTheDocument();
        await retryAfterFix(() => expect(rows().length).toBe(50));
    });

    it('the dashboard explains statistics of the wrong shape', async () => {
        server.use(http.get(`${API_URL}/stats`, () => HttpResponse.json({ queues: null })));
        await signIn('supervisor1');
        renderConsole({ path: '/' });
        expect(await screen.findByText(new RegExp(MALFORMED), {}, { timeout: 10_000 })).toBeInTheDocument();
        expectShellStillThere();
    });
});

describe('the review screen\'s error boundary', () => {
    it('a component that throws on data that slipped through shows a translated message, and retry renders again', async () => {
        vi.spyOn(console, 'error').mockImplementation(() => undefined);
        let broken = true;
        const Fragile = () => {
            if (broken) throw new TypeError("Cannot read properties of null (reading 'length')");
            return <p>rendered</p>;
        };
        render(
            <AdminContext i18nProvider={createI18nProvider('zh-CN')}>
                <RecordErrorBoundary><Fragile /></RecordErrorBoundary>
            </AdminContext>,
        );
        const state = await screen.findByTestId('error-state');
        expect(state).toHaveTextContent('无法显示此申请');
        expect(state).not.toHaveTextContent('Cannot read properties');
        broken = false;
        await userEvent.setup().click(within(state).getByTestId('error-retry'));
        expect(await screen.findByText('rendered')).toBeInTheDocument();
        vi.restoreAllMocks();
    });
});
