import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadMessages } from '../src/providers/i18nProvider';

// jsdom tests render into one document: unmount after each, and start each with empty storages.
afterEach(() => {
    cleanup();
    if (typeof localStorage !== 'undefined') localStorage.clear();
    if (typeof sessionStorage !== 'undefined') sessionStorage.clear();
});

// jsdom lacks matchMedia, which MUI's responsive layout asks for.
if (typeof window !== 'undefined' && !window.matchMedia) {
    window.matchMedia = (query: string) => ({
        matches: false, media: query, onchange: null,
        addListener: () => undefined, removeListener: () => undefined,
        addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false,
    });
}

// The first render of the whole console can take seconds on a busy 2-core CI machine.
configure({ asyncUtilTimeout: 8000 });

// The console loads its Chinese strings on demand (before the first render when Chinese is the preference, see main.tsx);
// tests create a provider in either language at once.
await loadMessages('zh-CN');
