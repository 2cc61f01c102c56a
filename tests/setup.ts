import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { HttpError } from 'react-admin';
import { format } from 'node:util';
import { afterEach, beforeEach } from 'vitest';
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

// A React warning (unknown DOM prop, missing key, bad nesting), a missing translation or any other console error or
// warning fails the test that caused it. Allowed: react-admin's development log of a data provider call the API
// refused (an HttpError), which the tests provoke on purpose and check on screen.
const consoleProblems: string[] = [];
for (const level of ['error', 'warn'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
        original(...args);
        if (!(args.length === 1 && args[0] instanceof HttpError)) consoleProblems.push(`console.${level}: ${format(...args).split('\n').slice(0, 3).join(' / ')}`);
    };
}
beforeEach(() => {
    consoleProblems.length = 0;
});
afterEach(() => {
    if (consoleProblems.length > 0) throw new Error(`The test wrote to the console:\n${consoleProblems.join('\n')}`);
});
