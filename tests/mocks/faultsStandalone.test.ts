// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { startStandaloneServer } from '../../mocks/http';
import { callWith, signInThroughApi } from '../support/session';

// Fault mode over a real socket (npm run api, the e2e suite's API): dropped connections and the test-only control routes.

const login = async (username: string, base: string) => (await signInThroughApi(base, username)).token;
const call = (token: string, method: string, path: string, body: unknown, base: string) => callWith(base, token)(method, path, body);

describe('fault mode on the standalone server', () => {
    it('a dropped connection closes the socket without an answer, and the control routes switch faults and report them', async () => {
        const api = await startStandaloneServer({ port: 0, seed: 3, size: 50, control: true });
        try {
            const origin = new URL(api.url).origin;
            const token = await login('operator1', api.url);
            const configured = await fetch(`${origin}/__control/faults`, { method: 'PUT', body: JSON.stringify({ script: [{ fault: 'drop', match: '^GET /verifications$' }] }) });
            expect(configured.status).toBe(204);
            await expect(call(token, 'GET', '/verifications', undefined, api.url)).rejects.toThrow(TypeError);
            expect((await call(token, 'GET', '/verifications', undefined, api.url)).status).toBe(200);
            const report = await (await fetch(`${origin}/__control/faults`, { method: 'DELETE' })).json();
            expect(report).toMatchObject({ requests: 2, injected: { drop: 1 } });
        } finally {
            await api.close();
        }
    });

    it('has no control routes unless started with them', async () => {
        const api = await startStandaloneServer({ port: 0, seed: 3, size: 50 });
        try {
            const answer = await fetch(`${new URL(api.url).origin}/__control/faults`, { method: 'PUT', body: '{}' });
            expect(answer.status).toBe(404);
        } finally {
            await api.close();
        }
    });
});
