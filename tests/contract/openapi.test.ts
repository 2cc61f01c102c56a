// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiText } from '../../server/http/openapi/document';
import { apiClient, startTarget } from './apiClient';

// The contract's shapes are published as OpenAPI 3.1, generated from src/contract: the checked-in file and the served
// document are that generation, never a stale copy.

let target: Awaited<ReturnType<typeof startTarget>>;
beforeAll(async () => {
    target = await startTarget();
});
afterAll(() => target.close());

describe('the published contract (OpenAPI 3.1)', () => {
    it('docs/openapi.json is what the schemas generate now (npm run openapi writes it)', () => {
        const checkedIn = readFileSync(resolve(import.meta.dirname, '../../docs/openapi.json'), 'utf8');
        expect(checkedIn, 'docs/openapi.json is stale: run npm run openapi').toBe(openApiText());
    });

    it('is served at GET /openapi.json without a token, and names every record the console reads', async () => {
        const answer = await apiClient(target.baseUrl).call<{ openapi: string; components: { schemas: Record<string, unknown> } }>('GET', '/openapi.json');
        expect(answer.status).toBe(200);
        expect(answer.body.openapi).toBe('3.1.0');
        expect(Object.keys(answer.body.components.schemas)).toEqual(expect.arrayContaining(['Verification', 'Cancellation', 'AuditEntry', 'ErrorBody', 'ApproveBody', 'DecidedAndNext']));
        if (!target.external) expect(`${JSON.stringify(answer.body, null, 2)}\n`).toBe(openApiText());
    });
});
