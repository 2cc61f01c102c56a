import { setupWorker } from 'msw/browser';
import { config as zodConfig } from 'zod/mini';
import { createMockApi } from './app';
import { createDb, type DbState } from './db';
import { createHandlers } from './handlers';

// The mock API in the browser (demo mode): a service worker, with decisions kept in localStorage across reloads.

// v2: cancellations gained `firstApproval` (four eyes). v3: quality samples and reviews joined the state.
// Older data is left behind, not migrated.
const STORAGE_KEY = 'axis-review-demo-db-v3';

function loadState(): DbState | undefined {
    try {
        const saved = localStorage.getItem(STORAGE_KEY);
        return saved ? (JSON.parse(saved) as DbState) : undefined;
    } catch {
        return undefined;
    }
}

let pendingSave: ReturnType<typeof setTimeout> | undefined;
function saveState(state: DbState) {
    // Coalesce bursts of changes into one write; a few hundred requests serialise in a few ms.
    clearTimeout(pendingSave);
    pendingSave = setTimeout(() => {
        try {
            localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
        } catch (error) {
            console.warn('[demo] could not persist demo data', error);
        }
    }, 50);
}

export async function startDemoBackend(options: { latencyMs: number }) {
    // The console's Content-Security-Policy forbids eval: zod must not even try its compiled fast path.
    zodConfig({ jitless: true });
    const db = createDb({ initialState: loadState(), onChange: saveState });
    const worker = setupWorker(...createHandlers(createMockApi(db, { latencyMs: options.latencyMs })));
    await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` } });
    return db;
}
