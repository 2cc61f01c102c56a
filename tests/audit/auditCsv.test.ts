// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../src/audit/auditCsv';
import type { AuditEntry } from '../../src/domain/types';
import { loadMessages } from '../../src/providers/i18nProvider';

const MESSAGES = { en: await loadMessages('en'), 'zh-CN': await loadMessages('zh-CN') };

// A translate function over the real message files, as react-admin's would be.
const translatorFor = (locale: 'en' | 'zh-CN') => (key: string) => {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], MESSAGES[locale]);
    if (typeof value !== 'string') throw new Error(`missing message ${key}`);
    return value;
};

const entries: AuditEntry[] = [
    { id: 'A-0000002', at: '2026-11-20T03:10:00.000Z', actor: 'u-operator1', action: 'reject', requestKind: 'verification', requestId: 'V-000010', fromStatus: 'in_review', toStatus: 'rejected', reasons: ['id_expired', 'photo_unclear'], note: 'glare, "bad" scan' },
    { id: 'A-0000001', at: '2026-11-20T03:00:00.000Z', actor: 'system', action: 'lapse', requestKind: 'cancellation', requestId: 'C-000003', fromStatus: 'in_review', toStatus: 'pending', reasons: [], note: null },
];
const operators = { 'u-operator1': { name: '林晓 Lin Xiao' } };

describe('the audit CSV export', () => {
    it('has one row per exported entry, with translated headers and values', async () => {
        const csv = await auditCsv(entries, operators, translatorFor('en'));
        const lines = csv.split('\n');
        expect(lines[0]).toBe('Entry,When,Who,Action,Kind,Request,From status,To status,Reasons,Note');
        expect(lines).toHaveLength(3);
        expect(lines[1]).toBe('A-0000002,2026-11-20T03:10:00.000Z,林晓 Lin Xiao,Rejected,Verification,V-000010,In review,Rejected,id_expired photo_unclear,"glare, ""bad"" scan"');
        expect(lines[2]).toBe('A-0000001,2026-11-20T03:00:00.000Z,System,Claim lapsed,Cancellation,C-000003,In review,Pending,,');
    });

    it('speaks Chinese when the console does', async () => {
        const csv = await auditCsv(entries, operators, translatorFor('zh-CN'));
        expect(csv.split('\n')[0]).toBe('记录编号,时间,操作人,操作,类型,申请编号,原状态,新状态,原因,备注');
        expect(csv).toContain('驳回');
        expect(csv).toContain('认领超时释放');
    });

    it('keeps a note that starts like a spreadsheet formula as text', async () => {
        const formula = { ...entries[0]!, note: '=HYPERLINK("http://evil.example","click")' };
        const csv = await auditCsv([formula], operators, translatorFor('en'));
        expect(csv.split('\n')[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    });
});
