import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Verification } from '../../src/domain/types';
import { renderConsole, signIn, startMockApi, TEST_NOW } from './renderConsole';

// A decision with auto-advance on is one request: the decision claims the next request in its own transaction
// (docs/api.md §7 "Decide and claim the next request"), and the console opens what it answers.

// The first review screen and dialog of a file load their code on demand (transformed on first use): slow on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const { server, db } = startMockApi();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** "POST /verifications/V-1/approve"-like lines for every request the console sends. */
const sent: string[] = [];
/** The whole URL of every request answered. */
const answered: URL[] = [];
server.events.on('request:start', ({ request }) => {
    sent.push(`${request.method} ${new URL(request.url).pathname.replace(/^\/api/, '')}`);
});
server.events.on('response:mocked', ({ request }) => {
    answered.push(new URL(request.url));
});
beforeEach(() => {
    sent.length = 0;
    answered.length = 0;
});

const verification = (id: string) => db.state.verifications.find(v => v.id === id) as Verification;
const screenRequestId = () => screen.getByTestId('review-screen').getAttribute('data-request')!;

/** Every image URL the page asks for (the viewer's and the preloads'): jsdom loads none of them. */
const imagesAsked: string[] = [];
const srcSetter = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!;
beforeAll(() => {
    Object.defineProperty(HTMLImageElement.prototype, 'src', { ...srcSetter, set(value: string) { imagesAsked.push(String(value)); srcSetter.set!.call(this, value); } });
});
afterAll(() => {
    Object.defineProperty(HTMLImageElement.prototype, 'src', srcSetter);
});

async function openNextRequest() {
    await signIn('operator1');
    renderConsole({ path: '/verifications' });
    const user = userEvent.setup();
    await screen.findByTestId('review-next');
    await user.keyboard('n');
    await screen.findByText(/You hold this request/, {}, { timeout: 30_000 });
    return { user, id: screenRequestId() };
}

describe('a decision with auto-advance', () => {
    it('sends one request and opens the request its answer claimed without fetching it', async () => {
        const { user, id } = await openNextRequest();
        await user.keyboard('a');
        await screen.findByRole('dialog', { name: `Approve ${id}?` });
        sent.length = 0;
        await user.keyboard('{Enter}');
        await waitFor(() => expect(screenRequestId()).not.toBe(id));
        const next = screenRequestId();
        expect(verification(id).status).toBe('approved');
        expect(verification(next)).toMatchObject({ status: 'in_review', assignee: 'u-operator1' });
        // The next screen claims its own request ahead (below), after the decision's answer opened it.
        expect(sent.filter(line => line.startsWith('POST') && !line.endsWith('/claim-next'))).toEqual([`POST /verifications/${id}/approve`]);
        expect(sent).not.toContain(`GET /verifications/${next}`);
    });

    it('a rejection goes on the same way, and skips the requests I released in this tab', async () => {
        const { user, id: released } = await openNextRequest();
        await user.keyboard('l');
        await waitFor(() => expect(verification(released).status).toBe('pending'));
        await user.keyboard('n');
        await waitFor(() => expect(screenRequestId()).not.toBe(released));
        const id = screenRequestId();
        await screen.findByText(/You hold this request/);
        await user.keyboard('r');
        await screen.findByRole('dialog', { name: `Reject ${id}` });
        await waitFor(() => expect(screen.getAllByRole('checkbox').length).toBeGreaterThan(5));
        await user.keyboard('1');
        sent.length = 0;
        await user.keyboard('{Control>}{Enter}{/Control}');
        await waitFor(() => expect(screenRequestId()).not.toBe(id));
        expect(screenRequestId()).not.toBe(released);
        expect(verification(released).status).toBe('pending');
        expect(sent.filter(line => line.startsWith('POST') && !line.endsWith('/claim-next'))).toEqual([`POST /verifications/${id}/reject`]);
    });

    it('with auto-advance off, the decision claims nothing and the screen stays', async () => {
        localStorage.setItem('RaStore.review.autoAdvance', 'false');
        const { user, id } = await openNextRequest();
        const heldBefore = db.state.verifications.filter(v => v.assignee === 'u-operator1').length;
        await user.keyboard('a');
        await screen.findByRole('dialog', { name: `Approve ${id}?` });
        sent.length = 0;
        await user.keyboard('{Enter}');
        await waitFor(() => expect(verification(id).status).toBe('approved'));
        await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
        expect(screenRequestId()).toBe(id);
        // The decision's answer (masked: I hold the request no more) is shown as it is, not fetched again; the
        // timeline is, once the answer is in.
        await waitFor(() => expect(sent).toContain('GET /audit'));
        expect(sent).not.toContain(`GET /verifications/${id}`);
        expect(db.state.verifications.filter(v => v.assignee === 'u-operator1' && v.status === 'in_review').length).toBe(heldBefore - 1);
        expect(sent.filter(line => line.includes('claim-next'))).toEqual([]);
    });
});

describe('while the operator looks at a request (claim ahead)', () => {
    const heldBy = (operator: string) => db.state.verifications.filter(v => v.status === 'in_review' && v.assignee === operator).map(v => v.id);

    it('the console claims the request to review next and fetches its documents, so that the decision opens it with its images here', async () => {
        imagesAsked.length = 0;
        const heldBefore = heldBy('u-operator1');
        const { user, id } = await openNextRequest();
        await waitFor(() => expect(sent.filter(line => line === 'POST /verifications/claim-next')).toHaveLength(2));
        await waitFor(() => expect(heldBy('u-operator1').filter(held => held !== id && !heldBefore.includes(held))).toHaveLength(1));
        const [ahead] = heldBy('u-operator1').filter(held => held !== id && !heldBefore.includes(held));
        await waitFor(() => expect(imagesAsked).toContainEqual(expect.stringContaining(`/documents/${ahead}/`)));
        // Only documents of requests operator1 holds were asked for: need to know.
        const held = new Set(heldBy('u-operator1'));
        expect(imagesAsked.map(url => /\/documents\/([^/]+)\//.exec(url)?.[1]).filter(doc => !held.has(doc!))).toEqual([]);

        await user.keyboard('a');
        await screen.findByRole('dialog', { name: `Approve ${id}?` });
        await user.keyboard('{Enter}');
        await waitFor(() => expect(screenRequestId()).toBe(ahead));
        expect(verification(id).status).toBe('approved');
    });

    it('near the end of the queue it claims nothing ahead, leaving the last requests to the others', async () => {
        // Leave 5 pending verifications (operator2 holds the rest), fewer than the console claims ahead from.
        const pending = db.state.verifications.filter(v => v.status === 'pending');
        for (const request of pending.slice(5)) {
            Object.assign(request, { status: 'in_review', assignee: 'u-operator2', claimedAt: TEST_NOW.toISOString(), claimExpiresAt: new Date(TEST_NOW.getTime() + 15 * 60_000).toISOString() });
        }
        db.reindex();
        db.changed();
        const heldBefore = heldBy('u-operator1');
        const { user, id } = await openNextRequest();
        // The console asked how many are pending (and had its answer) ...
        await waitFor(() => expect(answered.some(url => url.pathname === '/api/verifications' && (url.searchParams.get('filter') ?? '').includes('pending'))).toBe(true));
        // ... then the operator decides: only `n` and the decision claimed anything, one request each.
        await user.keyboard('a');
        await screen.findByRole('dialog', { name: `Approve ${id}?` });
        await user.keyboard('{Enter}');
        await waitFor(() => expect(screenRequestId()).not.toBe(id));
        expect(sent.filter(line => line === 'POST /verifications/claim-next')).toHaveLength(1);
        // operator1 now holds, besides what they held, at most the two requests the two claims opened on screen.
        const gained = heldBy('u-operator1').filter(held => !heldBefore.includes(held));
        expect(gained.filter(held => held !== screenRequestId())).toEqual([]);
    });
});
