// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../mocks/db';
import { createMemoryStore } from '../../mocks/store/memoryStore';
import { apply } from '../../server/http/apply';
import { openPglite } from '../../server/store/postgres/pgliteExecutor';
import { createPostgresStore } from '../../server/store/postgres/postgresStore';
import type { Store } from '../../server/store/store';
import { AUDIT_LIST } from '../../src/domain/lists/audit';
import { parseListQuery } from '../../src/domain/lists/parse';
import { parseRequestListQuery, REQUEST_LISTS } from '../../src/domain/lists/requests';
import { claim } from '../../src/domain/transitions';
import type { RequestKind } from '../../src/domain/types';
import { loadTemplate } from './template';

// The PostgreSQL store answers every list as the memory store does: the same demo seed in both, the same queries, the same
// rows in the same order and the same totals (SQL filters and sorts; the memory store applies src/domain/lists directly).

const now = new Date(inject('reviewServerTemplateSeededAt'));
let memory: Store;
let postgres: Store;

beforeAll(async () => {
    memory = createMemoryStore(createDb({ size: 300, now: () => now }));
    postgres = createPostgresStore(await openPglite({ loadDataDir: loadTemplate(inject('reviewServerTemplate')) }));
    // The same claims in both: operator1 then holds requests that the queue order puts first.
    for (const kind of ['verification', 'cancellation'] as const) {
        // Pending ones due late, so that being held is what puts them first.
        const pending = await memory.requests(parseRequestListQuery(params({ filter: { status: 'pending' }, sort: ['dueAt', 'DESC'], range: [0, 2] }), kind, '', now));
        for (const store of [memory, postgres]) {
            for (const { id } of pending.rows) await store.transaction(async tx => apply(tx, claim((await tx.lockRequest(kind, id))!, { id: 'u-operator1', role: 'operator' }, now)));
        }
        const held = await postgres.requests(parseRequestListQuery(params({ filter: { assignee: 'me', status: 'in_review' } }), kind, 'u-operator1', now));
        expect(ids(held.rows)).toEqual(expect.arrayContaining(ids(pending.rows)));
    }
});
afterAll(() => postgres.close());

const params = (query: Record<string, unknown>) => new URLSearchParams(Object.fromEntries(Object.entries(query).map(([key, value]) => [key, JSON.stringify(value)])));

const FILTERS: Record<string, unknown>[] = [
    {}, { open: true }, { open: false }, { status: 'pending' }, { status: ['approved', 'rejected'] }, { assignee: 'me' }, { assignee: 'unassigned' },
    { assignee: 'u-operator2' }, { overdue: true }, { overdue: false }, { resubmission: true }, { decidedBy: 'u-operator1' },
    { q: '138' }, { q: 'QQ.com' }, { q: ' v-0001 ' }, { q: 'C-00' }, { q: '%' }, { q: '_' }, { id: ['V-000001', 'V-000002', 'C-000001', 'C-000002'] },
    { open: true, assignee: 'unassigned', overdue: true },
];
const KIND_FILTERS: Record<RequestKind, Record<string, unknown>[]> = {
    verification: [{ hasFailedChecks: true }, { hasFailedChecks: false, open: true }],
    cancellation: [{ readyToApprove: true }, { readyToApprove: false }],
};

const ids = (rows: { id: string }[]) => rows.map(row => row.id);

describe.each(['verification', 'cancellation'] as const)('%s lists', kind => {
    it('agree on every filter, in queue order and by due time, on the first pages and further on', async () => {
        for (const filter of [...FILTERS, ...KIND_FILTERS[kind]]) {
            for (const sort of [['queue', 'ASC'], ['queue', 'DESC'], ['dueAt', 'ASC']]) {
                for (const range of [[0, 24], [20, 59]]) {
                    const query = parseRequestListQuery(params({ filter, sort, range }), kind, 'u-operator1', now);
                    const [mine, theirs] = await Promise.all([memory.requests(query), postgres.requests(query)]);
                    expect({ filter, sort, range, rows: ids(theirs.rows), total: theirs.total }).toEqual({ filter, sort, range, rows: ids(mine.rows), total: mine.total });
                }
            }
        }
    });

    it('agree on searches by parts of ID, mobile and account numbers (six digits in a row: the digit-gram index; fewer: trigrams)', async () => {
        const first = await memory.requests(parseRequestListQuery(params({ sort: ['id', 'ASC'], range: [0, 9] }), kind, 'u-operator1', now));
        const needles = first.rows.flatMap(record => {
            const number = record.kind === 'verification' ? (record.idNumber ?? '') : record.account.accountId;
            return [number, number.slice(3, 12), number.slice(-7), number.slice(-4), record.mobileNumber, record.mobileNumber.slice(4, 11), record.mobileNumber.slice(-6), record.id.slice(2)];
        });
        expect(needles.filter(needle => /[0-9]{6}/.test(needle)).length).toBeGreaterThan(30);
        let found = 0;
        for (const q of needles) {
            const query = parseRequestListQuery(params({ filter: { open: true, q }, sort: ['queue', 'ASC'], range: [0, 24] }), kind, 'u-operator1', now);
            const [mine, theirs] = await Promise.all([memory.requests(query), postgres.requests(query)]);
            expect({ q, rows: ids(theirs.rows), total: theirs.total }).toEqual({ q, rows: ids(mine.rows), total: mine.total });
            found += mine.total;
        }
        expect(found).toBeGreaterThan(needles.length / 2);
    });

    it('agree on every sortable field, both ways (names in the API\'s locale collation)', async () => {
        for (const field of REQUEST_LISTS[kind].sortable) {
            for (const order of ['ASC', 'DESC']) {
                const query = parseRequestListQuery(params({ sort: [field, order], range: [0, 99] }), kind, 'u-operator2', now);
                const [mine, theirs] = await Promise.all([memory.requests(query), postgres.requests(query)]);
                expect({ field, order, rows: ids(theirs.rows), total: theirs.total }).toEqual({ field, order, rows: ids(mine.rows), total: mine.total });
            }
        }
    });
});

describe('audit lists', () => {
    it('agree on filters and sorts', async () => {
        const filters: Record<string, unknown>[] = [
            {}, { actor: 'u-operator1' }, { action: ['approve', 'reject'] }, { toStatus: 'pending' }, { requestId: 'V-000021' }, { q: 'c-0000' },
            { requestKind: 'cancellation' }, { reason: 'photo_unclear' }, { at_gte: new Date(now.getTime() - 3 * 86_400_000).toISOString() },
            { at_lte: new Date(now.getTime() - 86_400_000).toISOString(), actor: 'u-operator2' },
        ];
        for (const filter of filters) {
            for (const sort of AUDIT_LIST.sortable.flatMap(field => [[field, 'ASC'], [field, 'DESC']])) {
                const query = parseListQuery(params({ filter, sort, range: [0, 49] }), AUDIT_LIST);
                const [mine, theirs] = await Promise.all([memory.auditEntries(query), postgres.auditEntries(query)]);
                expect({ filter, sort, rows: theirs.rows, total: theirs.total }).toEqual({ filter, sort, rows: mine.rows, total: mine.total });
            }
        }
    });
});
