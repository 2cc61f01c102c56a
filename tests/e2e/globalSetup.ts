import { resolve } from 'node:path';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { startStandaloneServer } from '../../mocks/http';
import { resolveChromium } from '../support/chromium';

// Builds the console twice, as shipped: in demo mode (embedded MSW worker) and pointed at a real API
// (the standalone mock server on a socket), then serves both builds over HTTP.

const root = resolve(import.meta.dirname, '../..');
// Two e2e runs side by side (say, on one developer machine) need their own port and build folder.
export const API_PORT = Number(process.env.E2E_API_PORT ?? 8797);
const BUILD_DIR = resolve(root, process.env.E2E_BUILD_DIR ?? 'tests/e2e/.build');

async function buildAndServe(outDir: string, env: Record<string, string>, mode = 'production') {
    Object.assign(process.env, env);
    try {
        await build({ root, mode, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    } finally {
        for (const key of Object.keys(env)) delete process.env[key];
    }
    const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
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
    project.provide('demoUrl', demo.url);
    project.provide('realApiUrl', realApi.url);
    project.provide('apiUrl', api.url);
    project.provide('chromiumPath', chromium.path);
    return async () => {
        await Promise.all([demo.server.close(), realApi.server.close(), api.close()]);
    };
}

declare module 'vitest' {
    export interface ProvidedContext {
        demoUrl: string;
        realApiUrl: string;
        apiUrl: string;
        chromiumPath: string;
    }
}
