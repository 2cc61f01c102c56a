import { DEFAULT_UNUSUAL_ACCESS, OPEN_ACTIONS, unusualAccess, type AccessFigures } from '../../src/domain/accessReview';
import type { DayRange } from '../../src/domain/dayRange';
import { MAX_PAGE } from '../../src/domain/lists/parse';
import type { AuditEntry, Operator, ReviewRequest, Stats } from '../../src/domain/types';
import type { AppConfig } from './deps';
import type { StoreReads } from '../store/store';

// The numbers behind the dashboard's unusual-access flags (GET /stats `access`, docs/api.md §6.7): each operator's claims,
// views and reveals in the range against their decisions in the range; the revealed requests are read to know who decided them.

export async function accessFigures(store: StoreReads, range: DayRange, team: Stats['team'], accounts: readonly Operator[], config: AppConfig): Promise<AccessFigures[]> {
    const filter = { action: [...OPEN_ACTIONS], at_gte: `${range.from}T00:00:00.000Z`, at_lte: `${range.to}T23:59:59.999Z` };
    const entries: AuditEntry[] = [];
    for (let start = 0; ; start += MAX_PAGE) {
        const page = await store.auditEntries({ filter, sort: { field: 'id', order: 'ASC' }, range: [start, start + MAX_PAGE - 1] });
        entries.push(...page.rows);
        if (page.rows.length < MAX_PAGE) break;
    }
    const requests = new Map<string, ReviewRequest>();
    for (const entry of entries) {
        if (entry.action !== 'reveal' || entry.requestKind === null || requests.has(entry.requestId)) continue;
        const request = await store.request(entry.requestKind, entry.requestId);
        if (request) requests.set(request.id, request);
    }
    const decisions = new Map(team.map(row => [row.operatorId, row.decisions]));
    const operators = accounts.filter(account => account.role === 'operator').map(account => account.id);
    return unusualAccess(entries, decisions, requests, operators, config.unusualAccess ?? DEFAULT_UNUSUAL_ACCESS);
}
