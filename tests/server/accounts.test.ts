// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountAdmin } from '../../server/accounts/accountAdmin';
import { runAccountsCommand } from '../../server/accounts/accountsCommand';
import { hashPassword } from '../../server/accounts/passwords';
import { lockDataDir } from '../../server/node/dataDirLock';
import { startReviewServer, type ReviewServer } from '../../server/reviewServer';
import { apiClient } from '../contract/apiClient';
import { runAccountsProcess } from './serverProcess';
import { testConfig } from './template';

// The accounts command (npm run server -- accounts ...), run for real on a fresh data folder, then the accounts it made
// used through the HTTP API of a review server on the same folder.

const PASSWORD = 'correct horse battery staple';
/** A bound for a stuck test, not a wait: each command opens the embedded database in a new process (~10 s on a busy machine). */
const SPAWNING = 240_000;
let dir: string;
const env = () => ({ DATA_DIR: dir });

/** The review server on the folder, holding its lock as `npm run server` does. */
async function serverOnDir(): Promise<ReviewServer & { client: ReturnType<typeof apiClient> }> {
    const unlock = lockDataDir(dir);
    const server = await startReviewServer(testConfig({ dataDir: dir }));
    return { ...server, client: apiClient(server.url), close: async () => { await server.close(); unlock(); } };
}
const login = (server: { client: ReturnType<typeof apiClient> }, username: string, password = PASSWORD) =>
    server.client.call<{ token: string; user: { role: string } }>('POST', '/auth/login', { body: { username, password } });

beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'review-accounts-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the accounts command', () => {
    it('adds the first supervisor to a fresh database, the password from stdin, printed nowhere; they sign in through the API', async () => {
        const added = await runAccountsProcess(['add', 'ana', '--name', 'Ana Wijaya', '--role', 'supervisor', '--password-stdin'], env(), `${PASSWORD}\n`);
        expect(added).toMatchObject({ code: 0, stdout: expect.stringContaining('added ana (supervisor)') });
        expect(added.stdout + added.stderr).not.toContain(PASSWORD);
        const server = await serverOnDir();
        try {
            const answer = await login(server, 'Ana');
            expect(answer.status).toBe(200);
            expect(answer.body.user).toMatchObject({ name: 'Ana Wijaya', role: 'supervisor' });
            expect((await login(server, 'ana', 'not the password')).status).toBe(401);
            // Written to the account events, with who ran the command; then the failed login, from its address.
            expect(await server.store.accountEvents('ana')).toEqual([
                expect.objectContaining({ action: 'account_added', actor: expect.stringMatching(/^cli:\S+/), detail: 'role supervisor' }),
                expect.objectContaining({ action: 'login_failed', actor: 'anonymous', address: '127.0.0.1' }),
            ]);
        } finally {
            await server.close();
        }
    }, SPAWNING);

    it('refuses cleanly while a server holds the data folder, and changes nothing', async () => {
        const server = await serverOnDir();
        try {
            const token = (await login(server, 'ana')).body.token;
            const refused = await runAccountsProcess(['disable', 'ana'], env());
            expect(refused.code).toBe(1);
            expect(refused.stderr).toMatch(/Accounts not changed: the data folder .* is in use by another review server/);
            expect((await server.client.call('GET', '/reasons', { token })).status).toBe(200);
        } finally {
            await server.close();
        }
    }, SPAWNING);

    it('disabling an account revokes its tokens and stops its logins; enabling lets it sign in again', async () => {
        let server = await serverOnDir();
        const token = (await login(server, 'ana')).body.token;
        await server.close();
        const disabled = await runAccountsProcess(['disable', 'ana'], env());
        expect(disabled).toMatchObject({ code: 0, stdout: expect.stringMatching(/disabled ana; [1-9]\d* tokens revoked/) });
        server = await serverOnDir();
        try {
            expect((await server.client.call('GET', '/reasons', { token })).body).toMatchObject({ error: { code: 'unauthenticated' } });
            expect((await login(server, 'ana')).status).toBe(401);
        } finally {
            await server.close();
        }
        expect((await runAccountsProcess(['enable', 'ana'], env())).code).toBe(0);
        const listed = await runAccountsProcess(['list'], env());
        expect(listed.stdout).toContain('ana\tsupervisor\tenabled\tAna Wijaya');
        server = await serverOnDir();
        try {
            expect((await login(server, 'ana')).status).toBe(200);
        } finally {
            await server.close();
        }
    }, SPAWNING);

    it('on a running server\'s database (as with DATABASE_URL), disabling, a role change and a password reset take effect at once', async () => {
        const server = await serverOnDir();
        try {
            const admin = accountAdmin(server.db, 'cli:test', () => new Date());
            await admin.add({ username: 'budi', name: 'Budi Hartono', role: 'operator', passwordHash: await hashPassword(PASSWORD) });
            const first = (await login(server, 'budi')).body.token;
            await admin.setRole('budi', 'supervisor');
            expect((await server.client.call('GET', '/reasons', { token: first })).status).toBe(401);
            expect((await login(server, 'budi')).body.user.role).toBe('supervisor');
            const second = (await login(server, 'budi')).body.token;
            await admin.resetPassword('budi', await hashPassword('another long password'));
            expect((await server.client.call('GET', '/reasons', { token: second })).status).toBe(401);
            expect((await login(server, 'budi')).status).toBe(401);
            const third = (await login(server, 'budi', 'another long password')).body.token;
            // Disabled, its token stops at the next request, even before any revocation (the session asks for an enabled account).
            await server.db.query("UPDATE accounts SET disabled_at = now() WHERE username = 'budi'");
            expect((await server.client.call('GET', '/reasons', { token: third })).status).toBe(401);
            expect((await server.store.accountEvents('budi')).map(event => event.action)).toEqual(['account_added', 'role_changed', 'password_reset', 'login_failed']);
            // Still listed, marked disabled (the console offers it as no reassign target); supervisors read its events.
            await admin.add({ username: 'cici', name: 'Cici Lestari', role: 'supervisor', passwordHash: await hashPassword(PASSWORD) });
            const supervisor = (await login(server, 'cici')).body.token;
            const operators = await server.client.list('/operators', {}, supervisor);
            expect(operators.body.find((account: { username: string }) => account.username === 'budi')).toMatchObject({ disabled: true, role: 'supervisor' });
            expect(operators.body.find((account: { username: string }) => account.username === 'cici')).toMatchObject({ disabled: false });
            const events = await server.client.list('/account-events', { filter: { username: 'budi' }, sort: ['id', 'ASC'] }, supervisor);
            expect(events.body.map((event: { action: string; actor: string }) => [event.action, event.actor])).toEqual([
                ['account_added', 'cli:test'], ['role_changed', 'cli:test'], ['password_reset', 'cli:test'], ['login_failed', 'anonymous'],
            ]);
        } finally {
            await server.close();
        }
    });

    it('refuses a wrong command with its usage, and a password it cannot read without echo', async () => {
        const lines: string[] = [];
        const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line), env: env() };
        expect(await runAccountsCommand(['add', 'cara', '--role', 'operator'], io)).toBe(2);
        expect(lines.join('\n')).toContain('add needs --name');
        expect(await runAccountsCommand(['role', 'ana', 'admin'], io)).toBe(1);
        expect(lines.join('\n')).toContain('the role must be operator or supervisor, not "admin"');
        expect(await runAccountsCommand(['add', 'cara', '--name', 'Cara', '--role', 'operator', '--password', 'x'], io)).toBe(2);
        // Not a terminal (this test): a prompt cannot hide the password, so it asks for --password-stdin.
        expect(await runAccountsCommand(['reset-password', 'ana'], io)).toBe(1);
        expect(lines.join('\n')).toContain('pipe it with --password-stdin');
    });
});
