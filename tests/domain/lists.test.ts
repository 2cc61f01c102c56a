// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { AUDIT_LIST } from '../../src/domain/lists/audit';
import { REASON_LIST } from '../../src/domain/lists/catalogue';
import { parseListQuery } from '../../src/domain/lists/parse';
import { parseRequestListQuery, requestPredicate } from '../../src/domain/lists/requests';
import { RefusalError, type Refusal } from '../../src/domain/refusal';
import { buildCancellation, buildVerification, heldBy, NOW } from '../support/requests';

// The list dialect (docs/api.md §5): sort, range and filter as URL-encoded JSON, and what request filters mean.

/** Each value as JSON; a string is sent as it is (to send malformed JSON). */
const params = (query: Record<string, unknown>) => new URLSearchParams(Object.entries(query).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
const verifications = (query: Record<string, unknown>) => parseRequestListQuery(params(query), 'verification', 'u-operator1', NOW);

function refusalOf(parse: () => unknown): Refusal {
    try {
        parse();
    } catch (error) {
        if (error instanceof RefusalError) return error.refusal;
        throw error;
    }
    throw new Error('the query was accepted');
}

describe('parsing a list query', () => {
    it('takes the resource\'s default sort and the first 25 rows when nothing is asked', () => {
        expect(verifications({})).toMatchObject({ sort: { field: 'dueAt', order: 'ASC' }, range: [0, 24], filter: {} });
        expect(parseListQuery(params({}), AUDIT_LIST).sort).toEqual({ field: 'id', order: 'DESC' });
    });

    it('reads the order in any case, and refuses fields that do not sort', () => {
        expect(verifications({ sort: ['fullName', 'desc'] }).sort).toEqual({ field: 'fullName', order: 'DESC' });
        expect(refusalOf(() => verifications({ sort: ['password', 'ASC'] })).fields).toEqual({ sort: 'unsupported_field' });
        expect(refusalOf(() => verifications({ sort: '"id"' })).fields).toEqual({ sort: 'invalid' });
        expect(refusalOf(() => verifications({ sort: '["id"' })).fields).toEqual({ sort: 'invalid_json' });
    });

    it('takes inclusive ranges of at most 1000 rows', () => {
        expect(verifications({ range: [25, 49] }).range).toEqual([25, 49]);
        expect(refusalOf(() => verifications({ range: [10, 5] })).fields).toEqual({ range: 'invalid' });
        expect(refusalOf(() => verifications({ range: [0, 1.5] })).fields).toEqual({ range: 'invalid' });
        expect(refusalOf(() => verifications({ range: [0, 1000] })).fields).toEqual({ range: 'too_large' });
    });

    it('answers getMany (ids without a range) with every id, up to a page', () => {
        expect(verifications({ filter: { id: ['V-1', 'V-2', 'V-3'] } }).range).toEqual([0, 2]);
        expect(verifications({ filter: { id: 'V-1' } }).range).toEqual([0, 24]);
    });

    it('names every unknown filter, and checks each value before any record is read', () => {
        const unknown = refusalOf(() => verifications({ filter: { password: 'x', role: 'y' } }));
        expect(unknown).toMatchObject({ fields: { filter: 'unsupported_field' }, message: expect.stringContaining('"password", "role"') });
        expect(refusalOf(() => verifications({ filter: { open: 'yes' } })).fields).toEqual({ open: 'not_boolean' });
        expect(refusalOf(() => verifications({ filter: { status: ['pending', 'lost'] } })).fields).toEqual({ status: 'invalid' });
        expect(refusalOf(() => verifications({ filter: { assignee: 7 } })).fields).toEqual({ assignee: 'not_string' });
        expect(refusalOf(() => verifications({ filter: { overdue: null } })).fields).toEqual({ overdue: 'not_boolean' });
        expect(refusalOf(() => verifications({ filter: [] })).fields).toEqual({ filter: 'invalid' });
    });

    it('leaves out "" values of request filters, but not of the reason catalogue\'s', () => {
        expect(verifications({ filter: { open: '', q: '' } }).filter).toEqual({});
        expect(parseListQuery(params({ filter: { kind: '' } }), REASON_LIST).filter).toEqual({ kind: '' });
    });

    it('settles what a request filter means for the viewer: "me", "unassigned", search text without spaces', () => {
        expect(verifications({ filter: { assignee: 'me', q: '  Wang  Wei ', status: 'pending' } }).filter).toEqual({ assignee: 'u-operator1', search: 'wangwei', statuses: ['pending'] });
        expect(verifications({ filter: { assignee: 'unassigned', q: '   ' } }).filter).toEqual({ assignee: null });
    });
});

describe('what request filters match', () => {
    const matches = (filter: Parameters<typeof requestPredicate>[0]) => requestPredicate(filter, NOW);

    it('open: pending, in review or awaiting a second approval', () => {
        expect(matches({ open: true })(buildCancellation({ status: 'awaiting_second_approval' }))).toBe(true);
        expect(matches({ open: true })(buildVerification({ status: 'rejected' }))).toBe(false);
        expect(matches({ open: false })(buildVerification({ status: 'approved' }))).toBe(true);
    });

    it('overdue: due before now and not decided', () => {
        expect(matches({ overdue: true })(buildVerification({ dueAt: '2026-11-20T02:59:59.999Z' }))).toBe(true);
        expect(matches({ overdue: true })(buildVerification({ dueAt: '2026-11-20T02:59:59.999Z', decidedAt: '2026-11-19T00:00:00.000Z' }))).toBe(false);
        expect(matches({ overdue: false })(buildVerification({ dueAt: NOW.toISOString() }))).toBe(true);
    });

    it('search: a part of the id, numbers, e-mail or name, whatever its case and spaces', () => {
        const record = buildVerification({ fullName: 'Wang Wei' });
        for (const search of ['wangwei', 'v-000001', '0307803x', '@example', '+62831']) expect(matches({ search })(record), search).toBe(true);
        expect(matches({ search: 'zhang' })(record)).toBe(false);
        expect(matches({ search: 'ax-1000' })(buildCancellation())).toBe(true);
    });

    it('assignee, failed checks and readiness to approve', () => {
        expect(matches({ assignee: 'u-operator1' })(buildVerification(heldBy('u-operator1')))).toBe(true);
        expect(matches({ assignee: null })(buildVerification(heldBy('u-operator1')))).toBe(false);
        expect(matches({ hasFailedChecks: true })(buildVerification({ failedChecks: 2 }))).toBe(true);
        const withBill = buildCancellation({ account: { ...buildCancellation().account, openItems: [{ id: 'B-1', type: 'bill', description: 'plan', amount: 5000 }] } });
        expect(matches({ readyToApprove: false })(withBill)).toBe(true);
        expect(matches({ readyToApprove: true })(buildCancellation())).toBe(true);
    });
});
