// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { components } from '../../docs/openapi.json';
import { createDb } from '../../mocks/db';
import { present } from '../../server/http/present';
import { auditEntry, cancellation, verification } from '../../src/contract/records';
import { firstProblem, type JsonSchema } from '../../src/providers/schemaCheck';

// The console checks answers against the published JSON Schemas (docs/openapi.json) instead of running zod: it must accept
// exactly what the contract's zod schemas accept, on real records and on records broken in every way a server could.

const schemas = components.schemas as unknown as Record<string, JsonSchema>;
const db = createDb({ size: 120, seed: 5, now: () => new Date('2026-11-20T03:00:00Z') });
const view = { apiRoot: 'http://localhost/api/', fourEyesThresholdIdr: 500_000 };
const samples: [string, z.ZodMiniType, unknown[]][] = [
    ['Verification', verification, db.state.verifications.map(record => present(record, view))],
    ['Cancellation', cancellation, db.state.cancellations.map(record => present(record, view))],
    ['AuditEntry', auditEntry, db.state.audit],
];

/** Every way of breaking one field: gone, null, another type, a wrong text. */
function* broken(record: Record<string, unknown>): Generator<[string, unknown]> {
    for (const [field, value] of Object.entries(record)) {
        const without = { ...record };
        delete without[field];
        yield [`${field} missing`, without];
        for (const wrong of [null, 42, 1.5, 'banana', true, [], {}]) if (wrong !== value) yield [`${field} = ${JSON.stringify(wrong)}`, { ...record, [field]: wrong }];
        if (value && typeof value === 'object' && !Array.isArray(value)) for (const [name, inner] of broken(value as Record<string, unknown>)) yield [`${field}.${name}`, { ...record, [field]: inner }];
    }
}

describe('the console\'s answer checks', () => {
    it.each(samples)('accept every %s the servers send', (name, _schema, records) => {
        for (const record of records) expect(firstProblem({ $ref: name }, record, 'record', schemas)).toBeNull();
    });

    it.each(samples)('refuse a broken %s exactly when the contract\'s schema does', (name, schema, records) => {
        let refused = 0;
        for (const [what, value] of broken(records[0] as Record<string, unknown>)) {
            const accepted = firstProblem({ $ref: name }, value, 'record', schemas) === null;
            expect(accepted, what).toBe(schema.safeParse(value).success);
            if (!accepted) refused += 1;
        }
        expect(refused).toBeGreaterThan(50);
    });
});
