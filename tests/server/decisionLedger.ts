import type { AuditEntry, ReviewRequest } from '../../src/domain/types';
import { apiClient } from '../contract/apiClient';

// What the durability and race tests check after the fact, read through the API: every request with its audit trail.

export interface Ledger {
    requests: Map<string, ReviewRequest>;
    /** Each request's audit entries, in write order. */
    trails: Map<string, AuditEntry[]>;
}

const DECISIONS = new Set(['approve', 'reject', 'second_approve']);

export async function readLedger(url: string, token: string): Promise<Ledger> {
    const api = apiClient(url);
    const requests = new Map<string, ReviewRequest>();
    for (const resource of ['/verifications', '/cancellations']) {
        for (let start = 0; ; start += 1000) {
            const page = await api.list(resource, { sort: ['id', 'ASC'], range: [start, start + 999] }, token);
            if (page.status !== 200) throw new Error(`GET ${resource} answered ${page.status}`);
            for (const record of page.body as ReviewRequest[]) requests.set(record.id, record);
            if (page.body.length < 1000) break;
        }
    }
    const trails = new Map<string, AuditEntry[]>();
    for (let start = 0; ; start += 1000) {
        const page = await api.list('/audit', { sort: ['id', 'ASC'], range: [start, start + 999] }, token);
        if (page.status !== 200) throw new Error(`GET /audit answered ${page.status}`);
        for (const entry of page.body as AuditEntry[]) trails.set(entry.requestId, [...trails.get(entry.requestId) ?? [], entry]);
        if (page.body.length < 1000) break;
    }
    return { requests, trails };
}

/** How many decision entries (approve, reject, second approval) a request's trail holds. */
export const decisionCount = (trail: readonly AuditEntry[] = []) => trail.filter(entry => DECISIONS.has(entry.action)).length;

/**
 * Requests whose audit trail is not their history: entries that do not chain (each from the last one's to-status), a last
 * entry that is not the request's status, or a number of entries that moved apart from the version (`offsets`: version minus
 * entries per request, as first seen; every state change writes one entry and one version).
 */
export function historyMismatches(ledger: Ledger, offsets: Map<string, number>): string[] {
    const wrong: string[] = [];
    for (const [id, record] of ledger.requests) {
        const trail = ledger.trails.get(id) ?? [];
        const chained = trail.every((entry, i) => i === 0 || entry.fromStatus === trail[i - 1]!.toStatus || entry.action === 'quality_verdict');
        const last = trail.filter(entry => entry.action !== 'quality_verdict').at(-1);
        const offset = record.version - trail.filter(entry => entry.action !== 'quality_verdict').length;
        if (!offsets.has(id)) offsets.set(id, offset);
        if (!chained || (last && last.toStatus !== record.status) || offsets.get(id) !== offset) wrong.push(id);
    }
    return wrong;
}
