// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../mocks/node';
import type { ReviewRequest } from '../../src/domain/types';
import { callWith, signInThroughApi } from '../support/session';

// The mock server's fault mode: each fault does what it says, on the requests it is aimed at, and is counted.

const BASE = 'http://localhost/api';
const { server, db, faults } = createMockServer({ seed: 3, size: 200, now: () => new Date('2026-11-20T03:00:00Z') });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => faults.off());
afterAll(() => server.close());

const login = async (username: string, base = BASE) => (await signInThroughApi(base, username)).token;
const call = (token: string, method: string, path: string, body?: unknown, base = BASE) => callWith(base, token)(method, path, body);

async function claimedVerification(token: string): Promise<ReviewRequest> {
    const response = await call(token, 'POST', '/verifications/claim-next', {});
    return (await response.json()) as ReviewRequest;
}

describe('fault mode', () => {
    it('is off until configured: every request is answered normally', async () => {
        const token = await login('operator1');
        expect((await call(token, 'GET', '/verifications')).status).toBe(200);
        expect(faults.report().requests).toBe(0);
    });

    it('server_error answers 500 in the documented error shape and applies nothing', async () => {
        const token = await login('operator1');
        const record = await claimedVerification(token);
        faults.configure({ script: [{ fault: 'server_error', match: '/approve$' }] });
        const answer = await call(token, 'POST', `/verifications/${record.id}/approve`, { version: record.version });
        expect(answer.status).toBe(500);
        expect(await answer.json()).toMatchObject({ error: { code: 'internal' } });
        expect(db.findAny(record.id)).toMatchObject({ status: 'in_review', version: record.version });
        expect(faults.report()).toMatchObject({ requests: 1, injected: { server_error: 1 }, log: [{ fault: 'server_error', request: `POST /verifications/${record.id}/approve` }] });
    });

    it('drop fails the fetch itself and applies nothing', async () => {
        const token = await login('operator1');
        const record = await claimedVerification(token);
        faults.configure({ script: [{ fault: 'drop', match: '/approve$' }] });
        await expect(call(token, 'POST', `/verifications/${record.id}/approve`, { version: record.version })).rejects.toThrow(TypeError);
        expect(db.findAny(record.id)!.status).toBe('in_review');
    });

    it('lost_answer applies the request, then fails the fetch; the retry is a replay', async () => {
        const token = await login('operator1');
        const record = await claimedVerification(token);
        faults.configure({ script: [{ fault: 'lost_answer', match: '/approve$' }] });
        await expect(call(token, 'POST', `/verifications/${record.id}/approve`, { version: record.version })).rejects.toThrow(TypeError);
        expect(db.findAny(record.id)!.status).toBe('approved');
        const retry = await call(token, 'POST', `/verifications/${record.id}/approve`, { version: record.version });
        expect(retry.status).toBe(200);
        expect(retry.headers.get('idempotent-replay')).toBe('true');
        expect(db.state.audit.filter(entry => entry.requestId === record.id && entry.action === 'approve')).toHaveLength(1);
    });

    it('session_expired ends the caller\'s session: this request and the next get 401 until they sign in again', async () => {
        const token = await login('operator1');
        faults.configure({ script: [{ fault: 'session_expired', match: '^GET /verifications$' }] });
        expect((await call(token, 'GET', '/verifications')).status).toBe(401);
        expect((await call(token, 'GET', '/verifications')).status).toBe(401);
        expect((await call(await login('operator1'), 'GET', '/verifications')).status).toBe(200);
    });

    it('race_taken hands the request to another operator first, audited as a supervisor\'s reassign: 409 conflict_claimed', async () => {
        const token = await login('operator1');
        const record = await claimedVerification(token);
        faults.configure({ script: [{ fault: 'race_taken', match: '/reject$' }] });
        const answer = await call(token, 'POST', `/verifications/${record.id}/reject`, { version: record.version, reasons: ['id_expired'] });
        expect(answer.status).toBe(409);
        expect(await answer.json()).toMatchObject({ error: { code: 'conflict_claimed', holder: 'Dewi Santoso' } });
        expect(db.state.audit.at(-1)).toMatchObject({ action: 'reassign', actor: 'u-supervisor1', requestId: record.id, assignee: 'u-operator2' });
    });

    it('race_changed moves the record on under the caller: 409 conflict_version, and the retry on the new version succeeds', async () => {
        const token = await login('operator1');
        const record = await claimedVerification(token);
        faults.configure({ script: [{ fault: 'race_changed', match: '/approve$' }] });
        const answer = await call(token, 'POST', `/verifications/${record.id}/approve`, { version: record.version });
        expect(answer.status).toBe(409);
        const { error } = (await answer.json()) as { error: { code: string; record: ReviewRequest } };
        expect(error.code).toBe('conflict_version');
        expect((await call(token, 'POST', `/verifications/${record.id}/approve`, { version: error.record.version })).status).toBe(200);
    });

    it('a race needs a claim to race for: on other requests it is not injected nor counted', async () => {
        const token = await login('operator1');
        faults.configure({ script: [{ fault: 'race_taken' }] });
        expect((await call(token, 'GET', '/verifications')).status).toBe(200);
        expect(faults.report().injected.race_taken).toBe(0);
    });

    it('random faults follow their rates and seed: the same seed injects the same faults', async () => {
        const token = await login('supervisor1');
        const run = async () => {
            faults.configure({ seed: 42, rates: { server_error: 0.3 }, only: '^GET /verifications$' });
            const statuses: number[] = [];
            for (let i = 0; i < 40; i += 1) statuses.push((await call(token, 'GET', '/verifications?range=[0,0]')).status);
            expect((await call(token, 'GET', '/cancellations?range=[0,0]')).status).toBe(200);
            return { statuses, report: faults.report() };
        };
        const first = await run();
        const second = await run();
        expect(second.statuses).toEqual(first.statuses);
        const failures = first.statuses.filter(status => status === 500).length;
        expect(failures).toBe(first.report.injected.server_error);
        expect(failures).toBeGreaterThan(4);
        expect(failures).toBeLessThan(24);
        expect(first.report.requests).toBe(41);
    });
});
