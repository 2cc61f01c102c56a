import { defineConfig } from 'vitest/config';

// End-to-end: the built console in real Chromium (Debian's /usr/bin/chromium, driven by playwright-core).
export default defineConfig({
    test: {
        include: ['tests/e2e/**/*.e2e.ts'],
        environment: 'node',
        globalSetup: ['tests/e2e/globalSetup.ts'],
        testTimeout: 120_000,
        hookTimeout: 120_000,
        fileParallelism: false,
        // A browser on a busy 2-core machine: give polled expectations as long as locators get.
        expect: { poll: { timeout: 15_000, interval: 100 } },
    },
});
