import { preview } from 'vite';
import type { BuiltApp } from './build';

// Serves a built app with Vite's preview server on a free port, as the e2e suite does.

export interface ServedApp {
    app: BuiltApp;
    /** e.g. http://127.0.0.1:4173 (no trailing slash) */
    url: string;
    close(): Promise<void>;
}

export async function serve(app: BuiltApp): Promise<ServedApp> {
    const server = await preview({
        root: app.root,
        ...(app.kind === 'bare' ? { configFile: false as const } : {}),
        logLevel: 'warn',
        build: { outDir: app.outDir },
        preview: { port: 0, host: '127.0.0.1', strictPort: false },
    });
    const url = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
    return { app, url, close: () => server.close() };
}
