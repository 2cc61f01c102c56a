import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { config } from './config';
import { openHomeOfSignedIn } from './dashboard/Home';
import { apiReady } from './providers/apiReady';
import { loadMessages, preferredLocale } from './providers/i18nProvider';

async function start() {
    openHomeOfSignedIn();
    const locale = preferredLocale();
    // The mock backend is loaded only in demo mode, so a build for a real API never ships it. The first screen does
    // not wait for it (loading and seeding it took ~1.3 s of a first visit): it starts with the first API call (apiReady).
    if (config.demoMode) apiReady.startOnFirstCall(() => import('../mocks/browser').then(({ startDemoBackend }) => startDemoBackend({ latencyMs: config.demoLatencyMs })));
    // Chinese is not in the first chunk: load it before the first render when it is the preference.
    await loadMessages(locale);
    createRoot(document.getElementById('root')!).render(
        <StrictMode>
            <App apiUrl={config.apiUrl} locale={locale} />
        </StrictMode>,
    );
}

void start();
