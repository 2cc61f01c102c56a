import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { config } from './config';
import { openHomeOfSignedIn } from './dashboard/Home';

async function start() {
    openHomeOfSignedIn();
    if (config.demoMode) {
        // The mock backend is loaded only in demo mode, so a build for a real API never ships it.
        const { startDemoBackend } = await import('../mocks/browser');
        await startDemoBackend({ latencyMs: config.demoLatencyMs });
    }
    createRoot(document.getElementById('root')!).render(
        <StrictMode>
            <App apiUrl={config.apiUrl} />
        </StrictMode>,
    );
}

void start();
