// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BLINDED_FIELDS, blindRequest, drawSample, isSamplingRate, sampleSize } from '../../src/domain/qualitySampling';
import type { Cancellation, Verification } from '../../src/domain/types';

/** A small deterministic generator (mulberry32), so the statistical checks below never flake. */
function seeded(seed: number) {
    let a = seed;
    return () => {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

describe('the sampling rate and the sample size', () => {
    it('a rate is a number above 0 and at most 1', () => {
        for (const rate of [0.01, 0.5, 1]) expect(isSamplingRate(rate)).toBe(true);
        for (const rate of [0, -0.1, 1.01, Number.NaN, Number.POSITIVE_INFINITY, '0.5', null, undefined]) expect(isSamplingRate(rate)).toBe(false);
    });

    it('draws ceil(rate × N), never more than N, without floating-point surprises', () => {
        expect(sampleSize(0.1, 30)).toBe(3);
        expect(sampleSize(0.7, 10)).toBe(7);
        expect(sampleSize(0.5, 5)).toBe(3);
        expect(sampleSize(0.01, 1)).toBe(1);
        expect(sampleSize(1, 42)).toBe(42);
        expect(sampleSize(0.5, 0)).toBe(0);
    });
});

describe('drawing a sample', () => {
    it('draws the asked number of distinct candidates and leaves the input alone', () => {
        const candidates = Array.from({ length: 20 }, (_, i) => `V-${i}`);
        const copy = [...candidates];
        const drawn = drawSample(candidates, 7, seeded(1));
        expect(drawn).toHaveLength(7);
        expect(new Set(drawn).size).toBe(7);
        expect(drawn.every(id => candidates.includes(id))).toBe(true);
        expect(candidates).toEqual(copy);
        expect(drawSample(candidates, 50, seeded(2))).toHaveLength(20);
        expect(drawSample([], 3)).toEqual([]);
        expect(drawSample(candidates, 0)).toEqual([]);
    });

    it('gives every candidate the same chance', () => {
        const candidates = Array.from({ length: 10 }, (_, i) => i);
        const hits = new Array<number>(10).fill(0);
        const random = seeded(7);
        const rounds = 20_000;
        for (let round = 0; round < rounds; round += 1) for (const i of drawSample(candidates, 3, random)) hits[i]! += 1;
        // Each is drawn with probability 3/10: 6,000 expected, a standard deviation of about 65.
        for (const count of hits) expect(Math.abs(count - rounds * 0.3)).toBeLessThan(400);
    });
});

describe('a blind request', () => {
    const decision = { outcome: 'rejected' as const, reasons: ['id_expired'], note: 'card expired last year', customerMessage: 'sorry' };
    const verification = {
        id: 'V-000001', kind: 'verification', status: 'rejected', version: 3, decidedAt: '2026-11-20T03:00:00.000Z', decidedBy: 'u-operator1', decision,
        fullName: '王芳', documents: { idFront: 'a', idBack: 'b', selfie: 'c' },
    } as unknown as Verification;
    const cancellation = {
        id: 'C-000001', kind: 'cancellation', status: 'approved', version: 4, decidedAt: '2026-11-20T03:00:00.000Z', decidedBy: 'u-supervisor1',
        decision: { ...decision, outcome: 'approved', reasons: [] }, holderName: '李伟', firstApproval: { by: 'u-operator2', at: '2026-11-20T02:40:00.000Z', note: 'refund checked' },
        numberReleasedAt: '2026-11-20T03:00:00.000Z', numberReleasedBy: 'u-supervisor1',
    } as unknown as Cancellation;

    it('hides the decision of a verification and keeps what the operator saw', () => {
        const blind = blindRequest(verification);
        expect(blind).toMatchObject({ id: 'V-000001', status: null, decision: null, decidedAt: null, decidedBy: null, fullName: '王芳', version: null, documents: verification.documents });
        expect(blind).not.toHaveProperty('firstApproval');
        expect(JSON.stringify(blind)).not.toContain('card expired');
        expect(verification.status).toBe('rejected');
    });

    it('hides every field of a cancellation that tells the decision, the first approval and the number release included', () => {
        const blind = blindRequest(cancellation) as unknown as Record<string, unknown>;
        for (const field of BLINDED_FIELDS) expect(blind[field], field).toBeNull();
        expect(blind).toMatchObject({ id: 'C-000001', holderName: '李伟' });
        expect(JSON.stringify(blind)).not.toMatch(/refund checked|u-operator2|u-supervisor1/);
        expect(cancellation.firstApproval).toMatchObject({ note: 'refund checked' });
    });
});
