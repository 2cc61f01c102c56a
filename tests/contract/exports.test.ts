// @vitest-environment node
/* eslint-disable @typescript-eslint/no-explicit-any -- contract tests read arbitrary JSON answers */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startTarget } from './apiClient';

// Server-side CSV exports (docs/api.md §6.11), over real HTTP on both backends: masked for everyone by default, full identity
// data for a supervisor with a purpose, every export an `export` audit entry, and a cap on the rows (here 60).

const CAP = 60;
let target: Awaited<ReturnType<typeof startTarget>>;
let api: ReturnType<typeof apiClient>;
let operator1: string;
let supervisor: string;

beforeAll(async () => {
    target = await startTarget(undefined, { exportMaxRows: CAP });
    api = apiClient(target.baseUrl);
    [operator1, supervisor] = await Promise.all([api.login('operator1'), api.login('supervisor1')]);
});
afterAll(() => target.close());

const exportOf = (resource: string, query: Record<string, string>, token: string) => api.call<string>('GET', `/${resource}/export?${new URLSearchParams(query)}`, { token, headers: { Accept: 'text/csv' } });
const lines = (csv: string) => csv.replace(/^\ufeff/, '').split('\r\n').filter(Boolean);
const exportEntries = async () => (await api.list('/audit', { filter: { action: 'export' }, sort: ['id', 'DESC'], range: [0, 99] }, supervisor)).body;

const REJECTED = JSON.stringify({ status: 'rejected' });

describe('CSV exports by the server', () => {
    it('an operator\'s export holds every row the filter finds, masked, and is an audit entry with its filter and row count', async () => {
        const { headers: listHeaders } = await api.list('/verifications', { filter: { status: 'rejected' }, range: [0, 0] }, operator1);
        const total = Number(/\/(\d+)$/.exec(listHeaders.get('Content-Range') ?? '')?.[1]);
        expect(total).toBeGreaterThan(0);
        expect(total).toBeLessThanOrEqual(CAP);
        const answer = await exportOf('verifications', { filter: REJECTED }, operator1);
        expect(answer.status).toBe(200);
        expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
        expect(answer.headers.get('content-disposition')).toMatch(/attachment; filename="verifications-\d{4}-\d{2}-\d{2}\.csv"/);
        expect(answer.headers.get('export-rows')).toBe(String(total));
        const [header, ...rows] = lines(answer.body);
        expect(header!.split(',')).toEqual(expect.arrayContaining(['id', 'status', 'idNumber', 'mobileNumber', 'email', 'address', 'identityMasked']));
        expect(rows).toHaveLength(total);
        const columns = header!.split(',');
        for (const row of rows) {
            const cells = row.split(',');
            expect(cells[columns.indexOf('status')]).toBe('rejected');
            expect(cells[columns.indexOf('idNumber')]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
            expect(cells[columns.indexOf('identityMasked')]).toBe('true');
        }
        expect(answer.body).not.toMatch(/\/documents\//);
        expect((await exportEntries())[0]).toMatchObject({
            actor: 'u-operator1', action: 'export', requestId: 'verifications', requestKind: 'verification', fromStatus: null, toStatus: null, note: null,
            export: { resource: 'verifications', filter: REJECTED, rows: total, full: false },
        });
    });

    it('full data is for supervisors with a purpose: 403 for an operator, 400 without a purpose, and nothing is written', async () => {
        const before = (await exportEntries()).length;
        const operator = await exportOf('cancellations', { filter: REJECTED, full: 'true', purpose: 'curious' }, operator1);
        expect(operator.status).toBe(403);
        const noPurpose = await exportOf('cancellations', { filter: REJECTED, full: 'true', purpose: '  ' }, supervisor);
        expect(noPurpose.status).toBe(400);
        expect((noPurpose.body as any).error.fields).toEqual({ purpose: 'required' });
        const badFlag = await exportOf('cancellations', { full: 'yes' }, supervisor);
        expect((badFlag.body as any).error.fields).toEqual({ full: 'not_boolean' });
        expect((await exportEntries()).length).toBe(before);
    });

    it('a supervisor\'s full export holds the whole identity data and is audited with its purpose', async () => {
        const answer = await exportOf('verifications', { filter: REJECTED, full: 'true', purpose: 'regulator request 2026-118' }, supervisor);
        expect(answer.status).toBe(200);
        expect(answer.headers.get('content-disposition')).toMatch(/-full\.csv"/);
        const [header, ...rows] = lines(answer.body);
        const columns = header!.split(',');
        const first = rows[0]!.split(',');
        expect(first[columns.indexOf('idNumber')]).toMatch(/^\d{17}[\dX]$/);
        expect(first[columns.indexOf('identityMasked')]).toBe('false');
        const whole = (await api.call('GET', `/verifications/${first[0]}`, { token: supervisor })).body;
        expect(first[columns.indexOf('idNumber')]).toBe(whole.idNumber);
        expect((await exportEntries())[0]).toMatchObject({ actor: 'u-supervisor1', action: 'export', note: 'regulator request 2026-118', export: { resource: 'verifications', rows: rows.length, full: true } });
    });

    it('the audit trail\'s export is for supervisors, and audited too', async () => {
        expect((await exportOf('audit', {}, operator1)).status).toBe(403);
        const filter = JSON.stringify({ action: 'export' });
        const answer = await exportOf('audit', { filter }, supervisor);
        expect(answer.status).toBe(200);
        const [header, ...rows] = lines(answer.body);
        expect(header).toBe('id,at,actor,action,requestKind,requestId,fromStatus,toStatus,reasons,note,assignee');
        expect(rows.length).toBeGreaterThan(0);
        expect((await exportEntries())[0]).toMatchObject({ action: 'export', requestId: 'audit', requestKind: null, export: { resource: 'audit', filter, rows: rows.length, full: false } });
    });

    it('an export past the cap is refused with a 400 naming the filter, before anything is written', async () => {
        const before = (await exportEntries()).length;
        const answer = await exportOf('verifications', {}, operator1);
        expect(answer.status).toBe(400);
        expect((answer.body as any).error).toMatchObject({ code: 'bad_request', fields: { filter: 'too_large' } });
        expect((answer.body as any).error.message).toContain(String(CAP));
        expect((await exportEntries()).length).toBe(before);
    });

    it('a bad filter is the list\'s 400; without a token 401', async () => {
        expect((await exportOf('verifications', { filter: '{"nope":1}' }, operator1)).status).toBe(400);
        expect((await api.call('GET', '/verifications/export')).status).toBe(401);
    });
});
