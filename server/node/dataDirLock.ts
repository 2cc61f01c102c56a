import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

// PGlite has no lock between processes: two servers writing one data folder both acknowledge writes and the folder keeps
// only some of them (TOOLCHAIN.md). So the server takes this lock file before opening the folder, and a second one refuses
// to start. A lock left by a process that no longer runs (killed) is taken over.

export class DataDirLocked extends Error {}

const LOCK_FILE = 'review-server.lock';

function isRunning(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        // EPERM: it runs, as another user.
        return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
}

/** Takes the data folder's lock for this process; answers how to let it go. Throws DataDirLocked when a live process holds it. */
export function lockDataDir(dataDir: string): () => void {
    mkdirSync(dataDir, { recursive: true });
    const path = resolve(dataDir, LOCK_FILE);
    for (let attempt = 0; attempt < 3; attempt += 1) {
        try {
            writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
            return () => {
                const holder = Number(readFileSync(path, 'utf8').trim());
                if (holder === process.pid) rmSync(path, { force: true });
            };
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
        let holder: number;
        try {
            holder = Number(readFileSync(path, 'utf8').trim());
        } catch {
            continue; // released meanwhile: try again
        }
        if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
            throw new DataDirLocked(`the data folder ${resolve(dataDir)} is in use by another review server (pid ${holder}): `
                + 'the embedded database cannot be shared by two processes. Stop that server, or give this one another DATA_DIR, '
                + 'or run several servers on one PostgreSQL (DATABASE_URL).');
        }
        // Left by a process that is gone: take it over.
        rmSync(path, { force: true });
    }
    throw new DataDirLocked(`could not take the lock ${path}`);
}
