import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { build } from 'vite';
import { BARE_ROOT, DIST_DIR, ROOT } from './config';

// Production builds with Vite's build() API, as the e2e suite does, plus a manifest for the static figures.
// The API URL is read at build time (import.meta.env.VITE_API_URL), so each API server gets its own build.

/** The console pointed at an API, the bare fixture, or the console in demo mode (its own MSW service worker). */
export type AppKind = 'console' | 'bare' | 'demo';

export interface BuiltApp {
    kind: AppKind;
    apiUrl: string;
    outDir: string;
    /** Vite's root, which preview() needs again. */
    root: string;
    buildMs: number;
}

async function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
    const saved = Object.fromEntries(Object.keys(env).map(key => [key, process.env[key]]));
    Object.assign(process.env, env);
    try {
        return await work();
    } finally {
        for (const [key, value] of Object.entries(saved)) {
            if (value === undefined) delete process.env[key];
            else process.env[key] = value;
        }
    }
}

/** Builds the console (the repo's own vite.config.ts) or the bare fixture (tests/bench/bare), pointed at apiUrl. */
export async function buildApp(kind: AppKind, apiUrl: string, name: string): Promise<BuiltApp> {
    const outDir = resolve(DIST_DIR, name);
    const started = performance.now();
    // Demo mode is a build without an API URL.
    await withEnv(kind === 'demo' ? {} : { VITE_API_URL: apiUrl }, async () => {
        const common = { mode: 'production', logLevel: 'warn' as const };
        const output = { outDir, emptyOutDir: true, manifest: true };
        if (kind !== 'bare') {
            await build({ ...common, root: ROOT, build: output });
        } else {
            await build({ ...common, root: BARE_ROOT, configFile: false, plugins: [react()], build: { ...output, chunkSizeWarningLimit: 5000 } });
        }
    });
    return { kind, apiUrl: kind === 'demo' ? '(demo)' : apiUrl, outDir, root: kind === 'bare' ? BARE_ROOT : ROOT, buildMs: performance.now() - started };
}
