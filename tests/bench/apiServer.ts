import type { LoginResponse } from '../../src/domain/types';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { signInThroughApi } from '../support/session';
import { ROOT } from './config';

// Starts standalone mock APIs (mocks/http.ts) in child processes and signs operator1 in on each.

export interface ApiServer {
    /** e.g. http://127.0.0.1:41234/api */
    url: string;
    size: number | undefined;
    latencyMs: number;
    /** The JSON answer of POST /auth/login for operator1/demo: what the console keeps in localStorage. */
    session: LoginResponse;
    /** Wall time from spawn to listening (seeding included), ms. */
    startupMs: number;
    stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Never leave a server behind, whatever way the bench ends.
process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
});

export async function startApiServer(options: { size?: number; latencyMs: number; seed?: number }): Promise<ApiServer> {
    const started = performance.now();
    const env: NodeJS.ProcessEnv = { ...process.env, BENCH_API_LATENCY_MS: String(options.latencyMs) };
    if (options.size !== undefined) env.BENCH_API_SIZE = String(options.size);
    if (options.seed !== undefined) env.BENCH_API_SEED = String(options.seed);
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'apiServerProcess.ts')], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    running.add(child);
    const exited = new Promise<void>(done => child.once('exit', () => {
        running.delete(child);
        done();
    }));
    const url = await new Promise<string>((resolveUrl, reject) => {
        const lines = createInterface({ input: child.stdout! });
        child.once('exit', code => reject(new Error(`mock API (size ${options.size ?? 'default'}) exited with ${code} before listening`)));
        lines.on('line', line => {
            try {
                const parsed = JSON.parse(line) as { url?: string };
                if (parsed.url) resolveUrl(parsed.url);
            } catch {
                // Not our line (a log message): ignore.
            }
        });
    });
    const startupMs = performance.now() - started;
    const stop = async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
    };
    try {
        const session = await login(url);
        return { url, size: options.size, latencyMs: options.latencyMs, session, startupMs, stop };
    } catch (error) {
        await stop();
        throw error;
    }
}

const login = (apiUrl: string): Promise<ApiServer['session']> => signInThroughApi(apiUrl, 'operator1');
