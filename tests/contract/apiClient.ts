/* eslint-disable @typescript-eslint/no-explicit-any -- contract tests read arbitrary JSON answers */
import { inject } from 'vitest';
import { startStandaloneServer } from '../../mocks/http';
import type { HttpSettings } from '../../server/http/settings';
import type { DemoAccountFacts } from '../../server/billing/accountFacts';
import type { DemoNumberRelease } from '../../server/billing/numberRelease';
import type { Store } from '../../server/store/store';
import { accountAdmin, type AccountAdmin } from '../../server/accounts/accountAdmin';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_INTAKE_KEY } from '../../mocks/app';
import { serverOnTemplate, TEST_CONSOLE_ORIGIN, testConfig } from '../server/template';

/** The intake key of the target: the demo's (the mock's default; configured on the review server), or CONTRACT_INTAKE_KEY. */
export const INTAKE_KEY = process.env.CONTRACT_INTAKE_KEY ?? DEMO_INTAKE_KEY;

// Talks to the API over real HTTP: the standalone mock server by default, the review server on embedded PostgreSQL with
// CONTRACT_TARGET=server (the vitest project "server"), or CONTRACT_BASE_URL.
// Another backend needs the demo accounts operator1, operator2 and supervisor1 (password CONTRACT_PASSWORD, default "demo").

export interface Answer<T = unknown> {
    status: number;
    headers: Headers;
    body: T;
}

/** Whether the target is in demo mode: the standalone mock is unless told otherwise; another backend says so with CONTRACT_DEMO=1. */
export const externalIsDemo = () => /^(1|true|on|yes)$/i.test(process.env.CONTRACT_DEMO ?? '');

/** One pass of the review server's outbox sender (server/notices/sender.ts): what it sent, retried and gave up on. */
type SendNotices = () => Promise<{ sent: number; retried: number; failed: number }>;

export async function startTarget(clock?: { now: Date }, http?: HttpSettings) {
    const external = process.env.CONTRACT_BASE_URL;
    if (external) return { baseUrl: external.replace(/\/$/, ''), external: true, demo: externalIsDemo(), allowedOrigin: process.env.CONTRACT_ALLOWED_ORIGIN, store: undefined as Store | undefined, accountFacts: undefined as DemoAccountFacts | undefined, numberRelease: undefined as DemoNumberRelease | undefined, retryReleases: undefined as (() => Promise<unknown>) | undefined, close: async () => undefined, documentsDir: undefined as string | undefined, sendNotices: undefined as SendNotices | undefined, outboxDir: undefined as string | undefined, accountAdmin: undefined as AccountAdmin | undefined };
    if (process.env.CONTRACT_TARGET === 'server') {
        // The same demo data, prepared once per run (tests/server/globalSetup.ts), on the suite's clock.
        // Uploaded documents go to a temporary DATA_DIR; the demo's intake key is configured as a deployment would.
        const dataDir = mkdtempSync(join(tmpdir(), 'contract-server-'));
        // Of `http`, the export cap goes to the server too (the rest are the mock's demo settings).
        const server = await serverOnTemplate(inject('reviewServerTemplate'), clock ? () => clock.now : undefined, { dataDir, http: { ...testConfig().http, intakeKeys: [INTAKE_KEY], ...(http?.exportMaxRows ? { exportMaxRows: http.exportMaxRows } : {}) } });
        const close = async () => {
            await server.close();
            rmSync(dataDir, { recursive: true, force: true });
        };
        return { baseUrl: server.url, external: false, demo: false, allowedOrigin: TEST_CONSOLE_ORIGIN as string | undefined, store: server.store as Store | undefined, accountFacts: server.demoAccountFacts as DemoAccountFacts | undefined, numberRelease: server.demoNumberRelease as DemoNumberRelease | undefined, retryReleases: server.releases.run as (() => Promise<unknown>) | undefined, close, documentsDir: join(dataDir, 'documents') as string | undefined,
            // One pass of the outbox's sender on the target's clock, through the default file transport into `outboxDir`.
            sendNotices: server.notices.runOnce as SendNotices | undefined, outboxDir: join(dataDir, 'outbox') as string | undefined,
            // What the accounts command does (the mock has no such command: it cannot disable an account).
            accountAdmin: accountAdmin(server.db, 'cli:contract-test', () => clock?.now ?? new Date()) as AccountAdmin | undefined };
    }
    // The demo data of `npm run api` (default seed), at the default four-eyes threshold: it has pending ready
    // cancellations with large refunds, small refunds and none.
    const server = await startStandaloneServer({ port: 0, size: 300, now: clock ? () => clock.now : undefined, http });
    return { baseUrl: server.url, external: false, demo: http?.demo ?? true, allowedOrigin: http?.allowedOrigins?.[0], store: server.store as Store | undefined, accountFacts: server.accountFacts as DemoAccountFacts | undefined, numberRelease: server.numberRelease as DemoNumberRelease | undefined, retryReleases: server.retryReleases as (() => Promise<unknown>) | undefined, close: server.close, documentsDir: undefined as string | undefined, sendNotices: undefined as SendNotices | undefined, outboxDir: undefined as string | undefined, accountAdmin: undefined as AccountAdmin | undefined };
}

export function apiClient(baseUrl: string) {
    async function call<T = any>(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
        const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
        if (options.token) headers.Authorization = `Bearer ${options.token}`;
        if (options.body !== undefined) headers['Content-Type'] = 'application/json';
        const response = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body) });
        const text = await response.text();
        let body: unknown = text;
        if ((response.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
        return { status: response.status, headers: response.headers, body: body as T };
    }
    const password = process.env.CONTRACT_PASSWORD ?? 'demo';
    async function login(username: string): Promise<string> {
        const answer = await call<{ token: string }>('POST', '/auth/login', { body: { username, password } });
        if (answer.status !== 200) throw new Error(`login ${username} answered ${answer.status}`);
        return answer.body.token;
    }
    const list = (path: string, query: Record<string, unknown>, token: string) =>
        call<any[]>('GET', `${path}?${new URLSearchParams(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])))}`, { token });
    return { call, login, list };
}
