import react from '@vitejs/plugin-react';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, loadEnv, type Plugin } from 'vite';

// A build that points at a real API (VITE_API_URL set) must not ship the mock service worker.
function dropMockWorkerForRealApi(apiUrl: string | undefined): Plugin {
    let outDir = '';
    return {
        name: 'drop-mock-worker-for-real-api',
        apply: 'build',
        configResolved(config) {
            outDir = resolve(config.root, config.build.outDir);
        },
        closeBundle() {
            if (apiUrl) rmSync(resolve(outDir, 'mockServiceWorker.js'), { force: true });
        },
    };
}

/** The built app's Content-Security-Policy: no inline or foreign script; the API's origin (if any) for data and images. */
export function contentSecurityPolicy(apiUrl: string | undefined, documentOrigins = ''): string {
    const api = apiUrl && /^https?:\/\//.test(apiUrl) ? ` ${new URL(apiUrl).origin}` : '';
    // Document storage on another host (pre-signed URLs): the console loads images from these too (src/common/documentUrl.ts).
    const documents = documentOrigins.split(',').map(origin => origin.trim()).filter(origin => /^https?:\/\/[^/\s;]+$/.test(origin)).map(origin => ` ${origin}`).join('');
    return [
        "default-src 'self'",
        "script-src 'self'",
        // MUI (emotion) injects its styles at run time.
        "style-src 'self' 'unsafe-inline'",
        `img-src 'self' data: blob:${api}${documents}`,
        `connect-src 'self'${api}`,
        "font-src 'self' data:",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ].join('; ');
}

// Only in builds: the dev server's hot reload needs an inline preamble script.
function contentSecurityPolicyMeta(apiUrl: string | undefined, documentOrigins: string | undefined): Plugin {
    return {
        name: 'content-security-policy-meta',
        apply: 'build',
        transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(apiUrl, documentOrigins) }, injectTo: 'head-prepend' }],
    };
}

export default defineConfig(({ mode }) => {
    const env = loadEnv(mode, process.cwd(), 'VITE_');
    return {
        plugins: [react(), dropMockWorkerForRealApi(env.VITE_API_URL), contentSecurityPolicyMeta(env.VITE_API_URL, env.VITE_DOCUMENT_ORIGINS)],
        server: { host: '127.0.0.1', port: 5173 },
        preview: { host: '127.0.0.1', port: 4173 },
        build: { sourcemap: false, chunkSizeWarningLimit: 1500 },
        test: {
            // A bound for a stuck test, not a wait: integration tests render the whole app, and CI's 2 cores run both projects at once.
            testTimeout: 60_000,
            pool: 'threads',
            projects: [
                {
                    extends: true,
                    test: { name: 'unit', environment: 'jsdom', include: ['tests/**/*.test.{ts,tsx}'], exclude: ['tests/server/**'], setupFiles: ['tests/setup.ts'] },
                },
                {
                    // The review server on embedded PostgreSQL: the contract suite again (CONTRACT_TARGET), and its own tests.
                    extends: true,
                    test: {
                        name: 'server', environment: 'node', include: ['tests/contract/api.test.ts', 'tests/contract/privacy.test.ts', 'tests/contract/exports.test.ts', 'tests/contract/accessFlags.test.ts', 'tests/contract/notices.test.ts', 'tests/contract/accountFacts.test.ts', 'tests/contract/numberRelease.test.ts', 'tests/contract/hostile.test.ts', 'tests/contract/hostileSweep.test.ts', 'tests/contract/loginThrottle.test.ts', 'tests/contract/accountEvents.test.ts', 'tests/contract/intake.test.ts', 'tests/contract/customerJourney.test.ts', 'tests/server/**/*.test.ts'],
                        env: { CONTRACT_TARGET: 'server' }, globalSetup: ['tests/server/globalSetup.ts'], testTimeout: 60_000, hookTimeout: 60_000,
                    },
                },
            ],
        },
    };
});
