// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA } from '../../src/domain/sla';
import { computeStats, median, queueHealth, type RequestFacts, type TeamStatsInput } from '../../src/domain/teamStats';
import type { AuditEntry, Operator, QualityReview, RequestStatus } from '../../src/domain/types';

const OPERATORS: Pick<Operator, 'id' | 'name'>[] = [
    { id: 'u-operator1', name: 'Lin Xiao' },
    { id: 'u-operator2', name: 'Dewi Santoso' },
    { id: 'u-supervisor1', name: 'Zhou Min' },
];
const now = new Date('2026-11-23T03:00:00.000Z'); // 10:00 in Jakarta (UTC+7)
const range = { from: '2026-11-20', to: '2026-11-23' };
const MIN = 60_000;

let sequence = 0;
/** An audit entry; `at` is minutes after 2026-11-20T00:00Z unless an ISO instant is given. */
function entry(at: number | string, actor: string, action: AuditEntry['action'], requestId: string, extra: Partial<AuditEntry> = {}): AuditEntry {
    const to: Record<string, RequestStatus> = { claim: 'in_review', approve: 'approved', reject: 'rejected', second_approve: 'approved', release: 'pending', lapse: 'pending', reassign: 'in_review' };
    sequence += 1;
    return {
        id: `A-${String(sequence).padStart(7, '0')}`, at: typeof at === 'string' ? at : new Date(Date.UTC(2026, 10, 20) + at * MIN).toISOString(), actor, action,
        requestKind: requestId.startsWith('V') ? 'verification' : 'cancellation', requestId, fromStatus: 'in_review', toStatus: to[action] ?? 'in_review', reasons: [], note: null, ...extra,
    };
}

const stats = (input: Partial<TeamStatsInput>) => computeStats({ audit: [], requests: [], operators: OPERATORS, qualityReviews: [], range, now, ...input });
const row = (result: ReturnType<typeof computeStats>, id: string) => result.team.find(r => r.operatorId === id)!;

describe('queue health', () => {
    const request = (kind: RequestFacts['kind'], status: RequestStatus, submittedAt: string, dueAt: string): RequestFacts => ({ kind, status, submittedAt, dueAt });

    it('counts open requests by status, the oldest waiting one, and where they stand against the SLA', () => {
        const queues = queueHealth([
            request('verification', 'pending', '2026-11-18T01:00:00.000Z', '2026-11-21T01:00:00.000Z'), // overdue
            request('verification', 'pending', '2026-11-19T01:00:00.000Z', '2026-11-23T16:59:00.000Z'), // 23:59 local today
            request('verification', 'in_review', '2026-11-17T05:00:00.000Z', '2026-11-23T17:00:00.000Z'), // 00:00 local tomorrow: on time
            request('verification', 'approved', '2026-11-01T00:00:00.000Z', '2026-11-04T00:00:00.000Z'), // decided: not counted
            request('cancellation', 'awaiting_second_approval', '2026-11-20T00:00:00.000Z', '2026-11-23T02:59:59.999Z'), // a moment ago: overdue
            request('cancellation', 'rejected', '2026-11-01T00:00:00.000Z', '2026-11-04T00:00:00.000Z'),
        ], now, DEFAULT_SLA);
        expect(queues.verification).toEqual({ pending: 2, inReview: 1, awaitingSecondApproval: 0, oldestWaitingSince: '2026-11-17T05:00:00.000Z', overdue: 1, dueToday: 1 });
        expect(queues.cancellation).toEqual({ pending: 0, inReview: 0, awaitingSecondApproval: 1, oldestWaitingSince: '2026-11-20T00:00:00.000Z', overdue: 1, dueToday: 0 });
    });

    it('an empty queue has no oldest request', () => {
        expect(queueHealth([], now).cancellation).toEqual({ pending: 0, inReview: 0, awaitingSecondApproval: 0, oldestWaitingSince: null, overdue: 0, dueToday: 0 });
    });

    it('"today" is the SLA calendar\'s local day, not the UTC day', () => {
        const utc = { ...DEFAULT_SLA, utcOffsetMinutes: 0 };
        const due = [request('verification', 'pending', '2026-11-20T00:00:00.000Z', '2026-11-23T20:00:00.000Z')];
        expect(queueHealth(due, now, DEFAULT_SLA).verification.dueToday).toBe(0); // 03:00 tomorrow in Jakarta
        expect(queueHealth(due, now, utc).verification.dueToday).toBe(1);
    });
});

describe('the team in a range', () => {
    it('has one row per account, in the accounts\' order, with every day of the range even without decisions', () => {
        const result = stats({});
        expect(result.range).toEqual(range);
        expect(result.team.map(r => r.operatorId)).toEqual(['u-operator1', 'u-operator2', 'u-supervisor1']);
        expect(row(result, 'u-operator1')).toEqual({
            operatorId: 'u-operator1', name: 'Lin Xiao', decisions: 0, approved: 0, rejected: 0, approvalRate: null, medianHandlingMs: null,
            perDay: [{ day: '2026-11-20', decisions: 0 }, { day: '2026-11-21', decisions: 0 }, { day: '2026-11-22', decisions: 0 }, { day: '2026-11-23', decisions: 0 }],
            sampled: 0, reviewed: 0, disagreements: 0, disagreementRate: null,
        });
        expect(result.reasons).toEqual([]);
    });

    it('counts approvals (first approvals and second approvals included) and rejections per actor and per day', () => {
        const result = stats({
            audit: [
                entry(0, 'u-operator1', 'claim', 'V-1'), entry(10, 'u-operator1', 'approve', 'V-1'),
                entry(20, 'u-operator1', 'claim', 'V-2'), entry(30, 'u-operator1', 'reject', 'V-2', { reasons: ['id_expired', 'photo_unclear'] }),
                entry(24 * 60 + 5, 'u-operator1', 'claim', 'C-1'), entry(24 * 60 + 9, 'u-operator1', 'approve', 'C-1', { toStatus: 'awaiting_second_approval' }),
                entry(24 * 60 + 30, 'u-supervisor1', 'second_approve', 'C-1', { fromStatus: 'awaiting_second_approval' }),
                entry(3 * 24 * 60 + 1, 'u-operator2', 'claim', 'V-3'), entry(3 * 24 * 60 + 2, 'u-operator2', 'reject', 'V-3', { reasons: ['id_expired'] }),
                entry(3 * 24 * 60 + 3, 'system', 'lapse', 'V-4', { fromStatus: 'in_review', toStatus: 'pending' }),
            ],
        });
        expect(row(result, 'u-operator1')).toMatchObject({ decisions: 3, approved: 2, rejected: 1, approvalRate: 2 / 3 });
        expect(row(result, 'u-operator1').perDay.map(d => d.decisions)).toEqual([2, 1, 0, 0]);
        expect(row(result, 'u-operator2')).toMatchObject({ decisions: 1, approved: 0, rejected: 1, approvalRate: 0 });
        expect(row(result, 'u-operator2').perDay.map(d => d.decisions)).toEqual([0, 0, 0, 1]);
        expect(row(result, 'u-supervisor1')).toMatchObject({ decisions: 1, approved: 1, rejected: 0, approvalRate: 1, medianHandlingMs: null });
        expect(row(result, 'u-supervisor1').perDay.map(d => d.decisions)).toEqual([0, 1, 0, 0]);
        expect(result.reasons).toEqual([{ id: 'id_expired', kind: 'verification', count: 2 }, { id: 'photo_unclear', kind: 'verification', count: 1 }]);
    });

    it('leaves out decisions outside the range (UTC days, both ends included), but not the claims made before it', () => {
        const result = stats({
            audit: [
                entry('2026-11-19T23:00:00.000Z', 'u-operator1', 'claim', 'V-1'), entry('2026-11-19T23:59:59.999Z', 'u-operator1', 'reject', 'V-1', { reasons: ['underage'] }),
                entry('2026-11-19T23:50:00.000Z', 'u-operator2', 'claim', 'V-2'), entry('2026-11-20T00:00:00.000Z', 'u-operator2', 'approve', 'V-2'),
                entry('2026-11-23T23:00:00.000Z', 'u-operator2', 'claim', 'V-3'), entry('2026-11-23T23:59:59.999Z', 'u-operator2', 'approve', 'V-3'),
                entry('2026-11-24T00:00:00.000Z', 'u-operator2', 'claim', 'V-4'), entry('2026-11-24T00:00:00.000Z', 'u-operator2', 'reject', 'V-4', { reasons: ['underage'] }),
            ],
        });
        expect(row(result, 'u-operator1').decisions).toBe(0);
        expect(row(result, 'u-operator2')).toMatchObject({ decisions: 2, approved: 2, rejected: 0 });
        expect(row(result, 'u-operator2').perDay.map(d => d.decisions)).toEqual([1, 0, 0, 1]);
        // Handling: 10 minutes and 59:59.999; the median of two is their mean.
        expect(row(result, 'u-operator2').medianHandlingMs).toBe(Math.round((10 * MIN + 60 * MIN - 1) / 2));
        expect(result.reasons).toEqual([]);
    });

    it('times handling from the decider\'s last claim of that request (a reassign to them counts), never from someone else\'s', () => {
        const result = stats({
            audit: [
                // operator1 claims V-1, the claim lapses, they claim again 30 minutes later and decide 5 minutes after that.
                entry(0, 'u-operator1', 'claim', 'V-1'), entry(16, 'system', 'lapse', 'V-1'), entry(30, 'u-operator1', 'claim', 'V-1'), entry(35, 'u-operator1', 'approve', 'V-1'),
                // operator2 claims V-2; the supervisor reassigns it to operator1, who decides 7 minutes after the reassign.
                entry(40, 'u-operator2', 'claim', 'V-2'), entry(50, 'u-supervisor1', 'reassign', 'V-2', { assignee: 'u-operator1', note: 'operator2 is off' }), entry(57, 'u-operator1', 'reject', 'V-2', { reasons: ['side_missing'] }),
                // operator1 claims V-3 and decides after 9 minutes; then 20 minutes on another one.
                entry(60, 'u-operator1', 'claim', 'V-3'), entry(69, 'u-operator1', 'approve', 'V-3'),
                entry(70, 'u-operator1', 'claim', 'V-4'), entry(90, 'u-operator1', 'approve', 'V-4'),
                // A decision without any claim of the decider's is counted but not timed.
                entry(95, 'u-operator2', 'claim', 'V-5'), entry(99, 'u-operator1', 'approve', 'V-5'),
            ],
        });
        expect(row(result, 'u-operator1')).toMatchObject({ decisions: 5, approved: 4, rejected: 1, medianHandlingMs: 8 * MIN });
        expect(row(result, 'u-operator2')).toMatchObject({ decisions: 0, medianHandlingMs: null });
        // The reassign itself is no decision of the supervisor's.
        expect(row(result, 'u-supervisor1').decisions).toBe(0);
    });

    it('times a request claimed ahead from the decider\'s decision before it, not from the claim that held it waiting', () => {
        const result = stats({
            audit: [
                // operator1 opens V-1 and the console claims V-2 ahead; V-1 is decided after 6 minutes, V-2 4 minutes later.
                entry(0, 'u-operator1', 'claim', 'V-1'), entry(0, 'u-operator1', 'claim', 'V-2'),
                entry(6, 'u-operator1', 'approve', 'V-1'), entry(10, 'u-operator1', 'approve', 'V-2'),
            ],
        });
        // 6 and 4 minutes (not 6 and 10): the median of two is their mean.
        expect(row(result, 'u-operator1')).toMatchObject({ decisions: 2, medianHandlingMs: 5 * MIN });
    });

    it('counts every quality review of an operator, and the disagreements among those with a verdict', () => {
        const review = (operatorId: string, verdict: QualityReview['verdict']) => ({ operatorId, verdict });
        const result = stats({
            qualityReviews: [review('u-operator1', null), review('u-operator1', 'agree'), review('u-operator1', 'disagree'), review('u-operator1', 'agree'), review('u-operator2', null), review('u-ghost', 'disagree')],
        });
        expect(row(result, 'u-operator1')).toMatchObject({ sampled: 4, reviewed: 3, disagreements: 1, disagreementRate: 1 / 3 });
        expect(row(result, 'u-operator2')).toMatchObject({ sampled: 1, reviewed: 0, disagreements: 0, disagreementRate: null });
    });

    it('ranks the rejection reasons by use, then by kind and code', () => {
        const result = stats({
            audit: [
                entry(1, 'u-operator1', 'reject', 'C-1', { reasons: ['bills_unpaid'] }),
                entry(2, 'u-operator1', 'reject', 'V-1', { reasons: ['photo_unclear', 'id_expired'] }),
                entry(3, 'u-operator2', 'reject', 'V-2', { reasons: ['photo_unclear'] }),
                entry(4, 'u-operator2', 'approve', 'V-3'),
            ],
        });
        expect(result.reasons).toEqual([
            { id: 'photo_unclear', kind: 'verification', count: 2 },
            { id: 'bills_unpaid', kind: 'cancellation', count: 1 },
            { id: 'id_expired', kind: 'verification', count: 1 },
        ]);
    });
});

describe('at scale', () => {
    it('reads the audit trail and the requests once each', () => {
        const audit = [entry(0, 'u-operator1', 'claim', 'V-1'), entry(5, 'u-operator1', 'approve', 'V-1'), entry(6, 'u-operator2', 'claim', 'V-2'), entry(8, 'u-operator2', 'reject', 'V-2', { reasons: ['underage'] })];
        let reads = 0;
        const counted = new Proxy(audit, {
            get(target, key, receiver) {
                if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
                return Reflect.get(target, key, receiver) as unknown;
            },
        });
        // A generator can be walked only once: a second pass over the requests would see none of them.
        function* requests(): Generator<RequestFacts> {
            yield { kind: 'verification', status: 'pending', submittedAt: '2026-11-22T00:00:00.000Z', dueAt: '2026-11-25T00:00:00.000Z' };
            yield { kind: 'verification', status: 'in_review', submittedAt: '2026-11-21T00:00:00.000Z', dueAt: '2026-11-24T00:00:00.000Z' };
        }
        const result = stats({ audit: counted, requests: requests() });
        expect(reads).toBe(audit.length);
        expect(result.queues.verification).toMatchObject({ pending: 1, inReview: 1, oldestWaitingSince: '2026-11-21T00:00:00.000Z' });
        expect(result.team.map(r => r.decisions)).toEqual([1, 1, 0]);
    });

    it('answers for 100,000 requests and 200,000 audit entries', () => {
        const audit: AuditEntry[] = [];
        const requests: RequestFacts[] = [];
        const start = Date.UTC(2026, 10, 10);
        for (let i = 0; i < 100_000; i += 1) {
            const id = `V-${i}`;
            const actor = OPERATORS[i % 3]!.id;
            const at = start + i * 12_000; // two weeks of decisions; each operator's next claim comes 36 s after the last
            requests.push({ kind: i % 3 === 0 ? 'cancellation' : 'verification', status: i % 2 === 0 ? 'pending' : 'approved', submittedAt: new Date(at).toISOString(), dueAt: new Date(at + 3 * 86_400_000).toISOString() });
            audit.push(entry(new Date(at).toISOString(), actor, 'claim', id), entry(new Date(at + 30_000).toISOString(), actor, i % 4 === 0 ? 'reject' : 'approve', id, i % 4 === 0 ? { reasons: ['id_expired'] } : {}));
        }
        const result = stats({ audit, requests, range: { from: '2026-11-10', to: '2026-11-23' } });
        expect(result.team.reduce((sum, r) => sum + r.decisions, 0)).toBe(100_000);
        expect(result.team.every(r => r.medianHandlingMs === 30_000 && r.perDay.length === 14)).toBe(true);
        expect(result.reasons).toEqual([{ id: 'id_expired', kind: 'verification', count: 25_000 }]);
    });
});

describe('the median', () => {
    it('is the middle value, or the mean of the middle two, in whole ms; null for nothing', () => {
        expect(median([])).toBeNull();
        expect(median([5])).toBe(5);
        expect(median([9, 1, 5])).toBe(5);
        expect(median([4, 1, 2, 3])).toBe(3); // 2.5 rounds to 3
        expect(median([10, 20])).toBe(15);
    });
});
