import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { loadTemplate } from './template';

// `npm run server` as a child process (node + tsx, as the script runs it), for what only a real process shows: a second
// one refused on the same data folder, SIGKILL, several servers on one PostgreSQL.

const root = resolve(import.meta.dirname, '../..');

export interface ServerProcess {
    child: ChildProcess;
    /** e.g. http://127.0.0.1:8920/api */
    url: string;
    /** Everything it printed. */
    output(): string;
    /** Resolves with the exit code (or the signal's name) once it has ended. */
    exited: Promise<number | string>;
    kill(signal?: NodeJS.Signals): Promise<number | string>;
}

/** Starts the server with `env` (over a clean environment); resolves once it listens, rejects when it ends before. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', API_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    const exited = new Promise<number | string>(done => child.once('exit', (code, signal) => done(code ?? signal ?? -1)));
    return new Promise((resolveStart, rejectStart) => {
        const onData = (chunk: Buffer) => {
            text += chunk.toString();
            const listening = /listening on (http:\/\/\S+\/api)/.exec(text);
            if (listening) {
                resolveStart({
                    child, url: listening[1]!, output: () => text, exited,
                    kill: (signal = 'SIGTERM') => {
                        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
                        return exited;
                    },
                });
            }
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        void exited.then(code => rejectStart(Object.assign(new Error(`server ended (${code}) before listening:\n${text}`), { code, output: text })));
    });
}

/** A data folder holding the prepared template (migrated and seeded), for a server process to open. */
export async function dataDirFromTemplate(dir: string, templatePath: string): Promise<void> {
    const db = await PGlite.create({ dataDir: dir, loadDataDir: loadTemplate(templatePath), extensions: { pg_trgm } });
    await db.close();
}

/** `npm run server -- accounts <args>` as a child process, `stdin` piped to it; resolves when it ends. */
export function runAccountsProcess(args: string[], env: Record<string, string>, stdin = ''): Promise<{ code: number | string; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'accounts', ...args], {
        cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.stdin!.end(stdin);
    return new Promise(done => child.once('exit', (code, signal) => done({ code: code ?? signal ?? -1, stdout, stderr })));
}
