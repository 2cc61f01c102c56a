import { describe, expect, it } from 'vitest';
import { openedNotDecided, unusualAccess } from '../../src/domain/accessReview';
import type { AuditEntry, ReviewRequest } from '../../src/domain/types';

let seq = 0;
const entry = (actor: string, action: AuditEntry['action'], requestId: string): AuditEntry => ({
    id: `A-${++seq}`, at: '2026-11-20T03:00:00.000Z', actor, action, requestKind: 'verification', requestId, fromStatus: 'approved', toStatus: 'approved', reasons: [], note: null,
});
const request = (id: string, decidedBy: string | null) => ({ id, kind: 'verification', decidedBy }) as ReviewRequest;
const requests = new Map([request('V-1', 'u-operator1'), request('V-2', 'u-operator2'), request('V-3', null)].map(r => [r.id, r]));

describe('what an operator opened that they did not decide', () => {
    it('keeps views and reveals of requests someone else decided or nobody has, drops their own decisions and other actions', () => {
        const entries = [entry('u-operator1', 'view', 'V-1'), entry('u-operator1', 'view', 'V-2'), entry('u-operator1', 'reveal', 'V-3'), entry('u-operator1', 'approve', 'V-2'), entry('u-operator2', 'view', 'V-3')];
        expect(openedNotDecided(entries, requests, 'u-operator1').map(e => e.requestId)).toEqual(['V-2', 'V-3']);
    });

    it('keeps their exports too (an export is about no one request): who looked lists them', () => {
        const exported = { ...entry('u-operator1', 'export', 'verifications'), requestKind: 'verification' as const, fromStatus: null, toStatus: null, export: { resource: 'verifications' as const, filter: '{}', rows: 40, full: false } };
        expect(openedNotDecided([exported, entry('u-operator2', 'export', 'audit')], requests, 'u-operator1')).toEqual([exported]);
    });
});

describe('unusual access', () => {
    it('flags an operator who opens many more requests than they decide', () => {
        const entries = Array.from({ length: 12 }, (_, i) => entry('u-operator1', 'view', `V-${100 + i}`));
        const [figures] = unusualAccess(entries, new Map([['u-operator1', 3]]), requests, ['u-operator1']);
        expect(figures).toEqual({ operatorId: 'u-operator1', opened: 12, decisions: 3, revealsOutsideOwn: 0, unusual: true });
        expect(unusualAccess(entries, new Map([['u-operator1', 4]]), requests, ['u-operator1'])[0]!.unusual).toBe(false);
    });

    it('flags a reveal outside their own decisions, not one of their own', () => {
        expect(unusualAccess([entry('u-operator1', 'reveal', 'V-1')], new Map(), requests, ['u-operator1'])[0]!.unusual).toBe(false);
        expect(unusualAccess([entry('u-operator1', 'reveal', 'V-2')], new Map(), requests, ['u-operator1'])[0]).toMatchObject({ revealsOutsideOwn: 1, unusual: true });
    });

    it('claims count as opens (the holder sees the request whole): claiming and releasing without deciding is flagged', () => {
        const entries = Array.from({ length: 10 }, (_, i) => entry('u-operator2', i % 2 ? 'claim' : 'release', `V-${300 + Math.floor(i / 2)}`));
        expect(unusualAccess(entries, new Map(), requests, ['u-operator2'])[0]).toMatchObject({ opened: 5, unusual: false });
        const more = Array.from({ length: 10 }, (_, i) => entry('u-operator2', 'claim', `V-${400 + i}`));
        expect(unusualAccess(more, new Map([['u-operator2', 3]]), requests, ['u-operator2'])[0]).toMatchObject({ opened: 10, decisions: 3, unusual: true });
        expect(unusualAccess(more, new Map([['u-operator2', 4]]), requests, ['u-operator2'])[0]).toMatchObject({ opened: 10, decisions: 4, unusual: false });
        expect(unusualAccess(more, new Map([['u-operator2', 4]]), requests, ['u-operator2'], { opensPerDecision: 2, minOpens: 10 })[0]).toMatchObject({ unusual: true });
        expect(unusualAccess(more, new Map(), requests, ['u-operator2'], { opensPerDecision: 3, minOpens: 11 })[0]!.unusual).toBe(false);
    });

    it('a few opens without decisions are not flagged (a new operator reading the queue)', () => {
        const entries = Array.from({ length: 5 }, (_, i) => entry('u-operator2', 'view', `V-${200 + i}`));
        expect(unusualAccess(entries, new Map(), requests, ['u-operator2'])[0]!.unusual).toBe(false);
    });
});
