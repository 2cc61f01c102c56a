import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_URL, renderConsole, signIn, startMockApi } from './renderConsole';

// A newcomer's first impression: the login page, at once, and nothing moving under their typing.

const { server } = startMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
    server.resetHandlers();
    vi.restoreAllMocks();
});
afterAll(() => server.close());

/** Counts the history entries the console pushes or replaces from now on. */
let navigations: () => number;
beforeEach(() => {
    const push = vi.spyOn(window.history, 'pushState');
    const replace = vi.spyOn(window.history, 'replaceState');
    navigations = () => push.mock.calls.length + replace.mock.calls.length;
});

/** Types into the username field; a console still redirecting under it would have moved on meanwhile. */
async function typeUsername() {
    const field = await screen.findByLabelText(/username/i);
    await userEvent.setup().type(field, 'operator1');
    expect(screen.getByLabelText(/username/i)).toHaveValue('operator1');
    expect(window.location.hash).toMatch(/^#\/login/);
}

describe('signed out', () => {
    it.each(['/', '/verifications', '/cancellations/C-000001/review'])('a first visit to %s lands on the login page in a handful of navigations, and stays there', async path => {
        renderConsole({ path });
        const before = navigations();
        await typeUsername();
        expect(navigations() - before).toBeLessThanOrEqual(3);
    });

    it('signing out from the user menu lands on the login page in a handful of navigations', async () => {
        await signIn('operator1');
        renderConsole({ path: '/verifications' });
        const user = userEvent.setup();
        await user.click(await screen.findByRole('button', { name: 'Profile' }));
        const before = navigations();
        await user.click(await screen.findByRole('menuitem', { name: 'Logout' }));
        await typeUsername();
        expect(navigations() - before).toBeLessThanOrEqual(3);
    });

    it('an expired session (401) lands on the login page in a handful of navigations', async () => {
        await signIn('operator1');
        server.use(http.get(`${API_URL}/verifications`, () => HttpResponse.json({ error: { code: 'unauthenticated', message: 'token expired' } }, { status: 401 })));
        const before = navigations();
        renderConsole({ path: '/verifications' });
        await typeUsername();
        await waitFor(() => expect(localStorage.getItem('axis-review-session')).toBeNull());
        expect(navigations() - before).toBeLessThanOrEqual(4);
    });
});
