import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom tests render into one document: unmount after each, and start each with empty storage.
afterEach(() => {
    cleanup();
    if (typeof localStorage !== 'undefined') localStorage.clear();
});
