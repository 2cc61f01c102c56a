import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Which Chromium the end-to-end tests and the bench drive. A fresh machine has none installed: the one packaged in
// the @sparticuz/chromium npm package (inside the package, nothing downloaded) makes `npm install && npm test` enough.

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'packaged';

export interface ResolvedChromium {
    path: string;
    source: ChromiumSource;
    version: string;
}

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** The flags every run uses: headless on a closed network, as root in a container. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions'];

function versionOf(path: string): string {
    try {
        return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
        return 'unknown';
    }
}

/**
 * CHROMIUM_PATH if set; else `E2E_CHROMIUM=packaged` forces the packaged build; else the system's Chromium when
 * installed (a newer build that starts without unpacking); else the packaged one, unpacked to the temp folder.
 * The packaged build's own flags are not used: they switch off web security, which the CSP and CORS tests need on.
 */
export async function resolveChromium(): Promise<ResolvedChromium> {
    const configured = process.env.CHROMIUM_PATH;
    if (configured) {
        if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
        return { path: configured, source: 'CHROMIUM_PATH', version: versionOf(configured) };
    }
    if (process.env.E2E_CHROMIUM !== 'packaged' && existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system', version: versionOf(SYSTEM_CHROMIUM) };
    const { default: packaged } = await import('@sparticuz/chromium');
    const path = await packaged.executablePath();
    return { path, source: 'packaged', version: versionOf(path) };
}
