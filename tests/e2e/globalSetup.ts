import { resolve } from 'node:path';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_INTAKE_KEY } from '../../mocks/app';
import { startStandaloneServer } from '../../mocks/http';
import { loadConfig } from '../../server/config/config';
import { startReviewServer } from '../../server/reviewServer';
import { resolveChromium } from '../support/chromium';

// Builds the console three times, as shipped: in demo mode (embedded MSW worker), pointed at a real API (the standalone
// mock server on a socket), and pointed at the review server (embedded PostgreSQL in a temp folder, demo data); then
// serves the builds over HTTP.

const root = resolve(import.meta.dirname, '../..');
// Two e2e runs side by side (say, on one developer machine) need their own port and build folder.
export const API_PORT = Number(process.env.E2E_API_PORT ?? 8797);
const BUILD_DIR = resolve(root, process.env.E2E_BUILD_DIR ?? 'tests/e2e/.build');

/** A port nobody listens on now. */
const freePort = () => new Promise<number>(done => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => done(port));
    });
});

async function buildAndServe(outDir: string, env: Record<string, string>, mode = 'production', port = 0) {
    Object.assign(process.env, env);
    try {
        await build({ root, mode, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    } finally {
        for (const key of Object.keys(env)) delete process.env[key];
    }
    const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port, host: '127.0.0.1', strictPort: port !== 0 } });
    return { server, url: server.resolvedUrls!.local[0]!.replace(/\/$/, '') };
}

export default async function setup(project: TestProject) {
    const chromium = await resolveChromium();
    console.log(`e2e: Chromium ${chromium.version} (${chromium.source}: ${chromium.path})`);
    const api = await startStandaloneServer({ port: API_PORT, seed: 5, control: true });
    const demo = await buildAndServe(resolve(BUILD_DIR, 'demo'), {});
    // The build for a real API is a development build: React reports its warnings only there, and every e2e test
    // fails on one (tests/e2e/browser.ts). The demo build is the production build, as shipped.
    const realApi = await buildAndServe(resolve(BUILD_DIR, 'real-api'), { VITE_API_URL: api.url }, 'development');
    const dataDir = mkdtempSync(join(tmpdir(), 'e2e-review-server-'));
    // The review server allows no browser origin until told (API_ALLOWED_ORIGINS): the console's, known before it is served.
    const consolePort = await freePort();
    // The demo's intake key, as a deployment configures its customer app's (tests/e2e/customerJourney.e2e.ts submits through it).
    const reviewServer = await startReviewServer(loadConfig({ API_PORT: '0', DATA_DIR: dataDir, SEED_DEMO: '1', API_ALLOWED_ORIGINS: `http://127.0.0.1:${consolePort}`, API_INTAKE_KEYS: DEMO_INTAKE_KEY }));
    const onReviewServer = await buildAndServe(resolve(BUILD_DIR, 'review-server'), { VITE_API_URL: reviewServer.url }, 'development', consolePort);
    project.provide('demoUrl', demo.url);
    project.provide('realApiUrl', realApi.url);
    project.provide('apiUrl', api.url);
    project.provide('reviewServerConsoleUrl', onReviewServer.url);
    project.provide('reviewServerUrl', reviewServer.url);
    project.provide('chromiumPath', chromium.path);
    return async () => {
        await Promise.all([demo.server.close(), realApi.server.close(), onReviewServer.server.close(), api.close(), reviewServer.close()]);
        rmSync(dataDir, { recursive: true, force: true });
    };
}

declare module 'vitest' {
    export interface ProvidedContext {
        demoUrl: string;
        realApiUrl: string;
        apiUrl: string;
        /** The console built against the review server (npm run server on embedded PostgreSQL, demo data). */
        reviewServerConsoleUrl: string;
        reviewServerUrl: string;
        chromiumPath: string;
    }
}
