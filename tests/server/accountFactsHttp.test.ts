// @vitest-environment node
/* eslint-disable @typescript-eslint/no-explicit-any -- the API's answers are arbitrary JSON */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AccountFacts } from '../../src/domain/types';
import { AccountFactsUnavailable, httpAccountFacts } from '../../server/billing/accountFacts';
import { loadConfig } from '../../server/config/config';
import { startReviewServer, type ReviewServer } from '../../server/reviewServer';
import type { Executor } from '../../server/store/postgres/executor';
import { openPglite } from '../../server/store/postgres/pgliteExecutor';
import { apiClient } from '../contract/apiClient';
import { loadTemplate } from './template';

// API_ACCOUNT_FACTS_URL: the review server reads account facts from a billing system over HTTP (server/billing/), here a
// small node:http server this test starts: GET /accounts/<id> answers what `billing` holds, or what `mode` says.

const BILLING_PORT = 8821;
const billing = new Map<string, AccountFacts>();
const mode = { answer: 'facts' as 'facts' | 'error' | 'garbage' | 'hang' };
const asked: string[] = [];
let billingServer: Server;
let db: Executor;

beforeAll(async () => {
    billingServer = createServer((request, response) => {
        asked.push(request.url ?? '');
        const id = decodeURIComponent((request.url ?? '').replace(/^\/api\/accounts\//, ''));
        if (mode.answer === 'hang') return;
        if (mode.answer === 'error') return void response.writeHead(503).end('down for maintenance');
        if (mode.answer === 'garbage') return void response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"balance":"lots"}');
        const facts = billing.get(id);
        if (!facts) return void response.writeHead(404).end();
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(facts));
    });
    await new Promise<void>(done => billingServer.listen(BILLING_PORT, '127.0.0.1', done));
    db = await openPglite({ loadDataDir: loadTemplate(inject('reviewServerTemplate')) });
});
afterAll(async () => {
    billingServer.closeAllConnections();
    await new Promise(done => billingServer.close(done));
    await db.close();
});

describe('the HTTP billing adapter', () => {
    const record = { account: { accountId: 'ACC-1' } } as any;
    const adapter = httpAccountFacts(`http://127.0.0.1:${BILLING_PORT}/api/`, 300);
    const facts: AccountFacts = { accountId: 'ACC-1', balance: 0, refundRequested: false, refundSettled: false, refundReference: null, boundDevices: [], openItems: [], verificationStatus: 'verified' };

    it('reads GET <url>/accounts/<id> and checks its shape', async () => {
        mode.answer = 'facts';
        billing.set('ACC-1', facts);
        expect(await adapter.facts(record)).toEqual(facts);
        expect(asked.at(-1)).toBe('/api/accounts/ACC-1');
    });

    it('an error status, a wrong shape, an unknown account or no answer in time is "unavailable", never old facts', async () => {
        for (const answer of ['error', 'garbage', 'hang'] as const) {
            mode.answer = answer;
            await expect(adapter.facts(record)).rejects.toBeInstanceOf(AccountFactsUnavailable);
        }
        mode.answer = 'facts';
        await expect(adapter.facts({ account: { accountId: 'ACC-404' } } as any)).rejects.toThrow(/answered 404/);
    });
});

describe('API_ACCOUNT_FACTS_URL and API_ACCOUNT_FACTS_TIMEOUT_MS', () => {
    let server: ReviewServer;
    beforeAll(async () => {
        server = await startReviewServer(loadConfig({ API_PORT: '0', API_ACCOUNT_FACTS_URL: `http://127.0.0.1:${BILLING_PORT}/api`, API_ACCOUNT_FACTS_TIMEOUT_MS: '300' }), { db, sendNotices: false });
    });
    afterAll(() => server.close());

    it('the review server approves on the billing system\'s facts, and refuses while it cannot read them', async () => {
        const api = apiClient(server.url);
        const [operator, supervisor] = [await api.login('operator1'), await api.login('supervisor1')];
        const { body } = await api.list('/cancellations', { filter: { status: 'pending', readyToApprove: true }, range: [0, 99], sort: ['id', 'ASC'] }, supervisor);
        const [first, second] = body.filter((r: any) => !r.requiresSecondApproval);
        for (const r of [first, second]) {
            const whole = (await api.call('GET', `/cancellations/${r.id}`, { token: supervisor })).body;
            billing.set(whole.account.accountId, { ...whole.account, openItems: [{ id: 'B-1', type: 'bill', description: 'late bill', amount: 1000 }] });
        }
        mode.answer = 'facts';
        const claimed = await api.call('POST', `/cancellations/${first.id}/claim`, { token: operator });
        expect(claimed.body.account.openItems.map((i: any) => i.id)).toEqual(['B-1']);
        const refused = await api.call('POST', `/cancellations/${first.id}/approve`, { token: operator, body: { version: claimed.body.version } });
        expect(refused.body.error).toMatchObject({ code: 'preconditions_failed', preconditions: ['nothing_unpaid'] });

        // The billing system down: the claim keeps the stored facts, the approval is refused (not made on old facts).
        mode.answer = 'hang';
        const claimedSecond = await api.call('POST', `/cancellations/${second.id}/claim`, { token: operator });
        expect(claimedSecond.status).toBe(200);
        const unavailable = await api.call('POST', `/cancellations/${second.id}/approve`, { token: operator, body: { version: claimedSecond.body.version } });
        expect(unavailable.status).toBe(409);
        expect(unavailable.body.error).toMatchObject({ code: 'preconditions_failed', preconditions: ['account_facts_unavailable'] });
        mode.answer = 'facts';
        const whole = (await api.call('GET', `/cancellations/${second.id}`, { token: supervisor })).body;
        billing.set(whole.account.accountId, { ...whole.account, openItems: [] });
        const approved = await api.call('POST', `/cancellations/${second.id}/approve`, { token: operator, body: { version: claimedSecond.body.version } });
        expect(approved.body.status).toBe('approved');
    });
});
