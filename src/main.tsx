import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { config } from './config';
import { openHomeOfSignedIn } from './dashboard/Home';
import { loadMessages, preferredLocale } from './providers/i18nProvider';

async function start() {
    openHomeOfSignedIn();
    const locale = preferredLocale();
    await Promise.all([
        // The mock backend is loaded only in demo mode, so a build for a real API never ships it.
        config.demoMode ? import('../mocks/browser').then(({ startDemoBackend }) => startDemoBackend({ latencyMs: config.demoLatencyMs })) : undefined,
        // Chinese is not in the first chunk: load it before the first render when it is the preference.
        loadMessages(locale),
    ]);
    createRoot(document.getElementById('root')!).render(
        <StrictMode>
            <App apiUrl={config.apiUrl} locale={locale} />
        </StrictMode>,
    );
}

void start();
