import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOGIN_THROTTLE } from '../../server/accounts/loginThrottle';
import { slaStanding } from '../../src/domain/sla';
import { API_URL, renderConsole, signIn, startMockApi, TEST_NOW } from './renderConsole';

const { server, db } = startMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const rows = () => screen.getAllByRole('row').slice(1);

describe('signing in', () => {
    it('the login screen names the demo accounts', async () => {
        renderConsole();
        const hint = await screen.findByTestId('demo-accounts');
        expect(hint).toHaveTextContent('operator1, operator2');
        expect(hint).toHaveTextContent('supervisor1');
        expect(hint).toHaveTextContent('password: demo');
    });

    it('a wrong password gets a clear error and stays on the login screen', async () => {
        renderConsole();
        const user = userEvent.setup();
        await user.type(await screen.findByLabelText(/username/i), 'operator1');
        await user.type(screen.getByLabelText(/password/i, { selector: 'input' }), 'nope');
        await user.click(screen.getByRole('button', { name: /sign in/i }));
        expect(await screen.findByText('Wrong username or password.')).toBeInTheDocument();
        expect(localStorage.getItem('axis-review-session')).toBeNull();
    });

    it('after too many failed sign-ins the login screen says to wait, not that the password is wrong', async () => {
        const attempt = () => fetch(`${API_URL}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'guesser', password: 'nope' }) });
        for (let i = 0; i < DEFAULT_LOGIN_THROTTLE.perAccount; i += 1) expect((await attempt()).status).toBe(401);
        renderConsole();
        const user = userEvent.setup();
        await user.type(await screen.findByLabelText(/username/i), 'guesser');
        await user.type(screen.getByLabelText(/password/i, { selector: 'input' }), 'nope');
        await user.click(screen.getByRole('button', { name: /sign in/i }));
        expect(await screen.findByText('Too many failed sign-ins. Wait a few minutes, then try again.')).toBeInTheDocument();
    });

    it('an operator signs in and lands on the verification queue, filled by the server', async () => {
        renderConsole();
        const user = userEvent.setup();
        await user.type(await screen.findByLabelText(/username/i), 'operator1');
        await user.type(screen.getByLabelText(/password/i, { selector: 'input' }), 'demo');
        await user.click(screen.getByRole('button', { name: /sign in/i }));
        await waitFor(() => expect(rows().length).toBeGreaterThan(5), { timeout: 5000 });
        const openCount = db.state.verifications.filter(v => ['pending', 'in_review'].includes(v.status)).length;
        expect(await screen.findByText(new RegExp(`of ${openCount}$`), {}, { timeout: 5000 })).toBeInTheDocument();
        expect(screen.getByRole('menuitem', { name: /verifications/i })).toBeInTheDocument();
        expect(screen.getByRole('menuitem', { name: /cancellations/i })).toBeInTheDocument();
    });
});

describe('the queues', () => {
    it('shows open requests, oldest due first, with status and due tags', async () => {
        await signIn('operator1');
        renderConsole({ path: '/verifications' });
        await waitFor(() => expect(rows().length).toBe(25), { timeout: 5000 });
        const expected = db.state.verifications
            .filter(v => v.status === 'pending' || v.status === 'in_review')
            .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id))
            .slice(0, 3)
            .map(v => v.id);
        expect(rows().slice(0, 3).map(row => within(row).getAllByRole('cell')[0]!.textContent)).toEqual(expected);
        expect(within(rows()[0]!).getByText(/Overdue by|left/)).toBeInTheDocument();
    });

    it('due tags count from the server\'s clock, not the browser\'s (the mock\'s clock is pinned days in the past)', async () => {
        await signIn('operator1');
        // Requests the server says are not overdue: by the browser's real clock, weeks later, every one of them is.
        renderConsole({ path: `/verifications?filter=${encodeURIComponent(JSON.stringify({ open: true, overdue: false }))}` });
        await waitFor(() => expect(rows().length).toBe(25), { timeout: 5000 });
        const byId = new Map(db.state.verifications.map(v => [v.id, v]));
        const shown = rows().map(row => [within(row).getAllByRole('cell')[0]!.textContent!, row.querySelector('[data-sla]')!.getAttribute('data-sla')]);
        const expected = shown.map(([id]) => [id, slaStanding(new Date(byId.get(id!)!.dueAt), TEST_NOW).state]);
        expect(shown).toEqual(expected);
        expect(shown.filter(([, state]) => state === 'overdue')).toEqual([]);
    });

    it('searching asks the server and shows only the matching request', async () => {
        await signIn('operator1');
        const target = db.state.verifications.find(v => v.status === 'pending')!;
        renderConsole({ path: '/verifications' });
        await waitFor(() => expect(rows().length).toBeGreaterThan(1), { timeout: 5000 });
        const user = userEvent.setup();
        await user.type(screen.getByPlaceholderText('Name, mobile, ID number or request id'), target.idNumber);
        await waitFor(() => expect(rows()).toHaveLength(1), { timeout: 5000 });
        expect(rows()[0]).toHaveTextContent(target.id);
        expect(window.location.hash).toContain(encodeURIComponent(target.idNumber));
    });

    it('the cancellation queue shows balance in IDR, refund state, devices and bills', async () => {
        await signIn('operator1');
        renderConsole({ path: '/cancellations' });
        await waitFor(() => expect(rows().length).toBeGreaterThan(1), { timeout: 5000 });
        expect(screen.getByRole('columnheader', { name: /balance/i })).toBeInTheDocument();
        expect(screen.getAllByText(/Rp/).length).toBeGreaterThan(0);
        expect(screen.getAllByText(/Not requested|Requested|Settled/).length).toBeGreaterThan(0);
    });

    it('speaks Simplified Chinese when the operator switches language', async () => {
        await signIn('operator1');
        renderConsole({ path: '/verifications' });
        await waitFor(() => expect(rows().length).toBeGreaterThan(1), { timeout: 5000 });
        const user = userEvent.setup();
        await user.click(screen.getByRole('button', { name: /english/i }));
        await user.click(await screen.findByRole('menuitem', { name: '简体中文' }));
        expect(await screen.findByRole('columnheader', { name: /申请编号/ })).toBeInTheDocument();
        expect(screen.getAllByText(/待审核|审核中/).length).toBeGreaterThan(0);
    });

    it('a server failure shows a translated error instead of a blank screen', async () => {
        await signIn('operator1');
        server.use(http.get(`${API_URL}/verifications`, () => HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 })));
        renderConsole({ path: '/verifications' });
        expect(await screen.findByText('The server failed. Nothing was changed; please try again.', {}, { timeout: 5000 })).toBeInTheDocument();
    });
});

describe('an expired session', () => {
    it('a 401 sends the operator to the login screen, and signing in returns them to where they were', async () => {
        await signIn('operator1');
        server.use(http.get(`${API_URL}/cancellations`, () => HttpResponse.json({ error: { code: 'unauthenticated', message: 'token expired' } }, { status: 401 }), { once: true }));
        renderConsole({ path: '/cancellations' });
        const user = userEvent.setup();
        await user.type(await screen.findByLabelText(/username/i, {}, { timeout: 5000 }), 'operator1');
        await user.type(screen.getByLabelText(/password/i, { selector: 'input' }), 'demo');
        await user.click(screen.getByRole('button', { name: /sign in/i }));
        await waitFor(() => expect(window.location.hash).toMatch(/^#\/cancellations/), { timeout: 5000 });
        await waitFor(() => expect(rows().length).toBeGreaterThan(1), { timeout: 5000 });
    });
});
