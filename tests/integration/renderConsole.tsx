import { render } from '@testing-library/react';
import { createMockServer } from '../../mocks/node';
import { App } from '../../src/App';
import type { ConsoleLocale } from '../../src/providers/i18nProvider';
import { signInThroughApi } from '../support/session';

// Renders the real console against the MSW node server (same handlers as the browser and the HTTP server).

export const API_URL = 'http://localhost/api';

/** A fixed clock so that seeded data and due tags are the same on every run. */
export const TEST_NOW = new Date('2026-11-20T03:00:00Z');

export function startMockApi() {
    return createMockServer({ seed: 11, size: 300, now: () => TEST_NOW });
}

export async function signIn(username: 'operator1' | 'operator2' | 'supervisor1') {
    localStorage.setItem('axis-review-session', JSON.stringify(await signInThroughApi(API_URL, username)));
}

export function renderConsole({ path = '/', locale = 'en' as ConsoleLocale } = {}) {
    // react-admin routes with the URL hash by default.
    window.history.replaceState({}, '', `/#${path}`);
    return render(<App apiUrl={API_URL} locale={locale} />);
}
