// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createDb } from '../../mocks/db';
import { buildSeed } from '../../mocks/seed/seed';
import { isIdCheckCharacterValid } from '../../src/domain/idNumber';
import { isReadyToApprove } from '../../src/domain/cancellationPreconditions';
import { DEFAULT_FOUR_EYES_THRESHOLD_IDR, requiresSecondApproval } from '../../src/domain/fourEyes';
import { runVerificationChecks } from '../../src/domain/verificationChecks';

const now = new Date('2026-11-20T03:00:00Z');
const seed = buildSeed({ size: 300, seed: 42, now });

describe('the demo seed', () => {
    it('is deterministic: the same seed and clock build the same data', () => {
        expect(buildSeed({ size: 300, seed: 42, now })).toEqual(seed);
        expect(buildSeed({ size: 300, seed: 43, now })).not.toEqual(seed);
    });

    it('builds the requested size, about 70% verifications, plus resubmissions', () => {
        const firstAttempts = seed.verifications.filter(v => v.attempt === 1).length + seed.cancellations.length;
        expect(firstAttempts).toBe(300);
        const resubmissions = seed.verifications.filter(v => v.attempt > 1);
        expect(resubmissions.length).toBeGreaterThan(0);
        for (const retry of resubmissions) {
            const previous = seed.verifications.find(v => v.id === retry.previousId);
            expect(previous?.status).toBe('rejected');
            expect(retry.mobileNumber).toBe(previous?.mobileNumber);
        }
    });

    it('uses Axis mobile numbers and Chinese names', () => {
        for (const request of [...seed.verifications, ...seed.cancellations]) expect(request.mobileNumber).toMatch(/^\+6283[1238]\d{8}$/);
        expect(seed.verifications.every(v => /^[\u4e00-\u9fa5]{2,4}$/.test(v.fullName))).toBe(true);
    });

    it('includes deliberately faulty verifications of every kind the checks catch', () => {
        const today = now.toISOString().slice(0, 10);
        const failed = new Set(seed.verifications.flatMap(v => runVerificationChecks(v, { today }).filter(c => c.status === 'fail').map(c => c.id)));
        for (const check of ['check_digit', 'age', 'card_validity', 'name_match', 'number_match']) expect(failed).toContain(check);
        expect(seed.verifications.some(v => !isIdCheckCharacterValid(v.idNumber))).toBe(true);
    });

    it('finds identities reused on other accounts', () => {
        const db = createDb({ size: 300, seed: 42, now: () => now });
        expect(db.state.verifications.some(v => v.duplicateIds.length > 0)).toBe(true);
    });

    it('includes cancellations ready to approve and blocked by each precondition', () => {
        const accounts = seed.cancellations.map(c => c.account);
        expect(accounts.some(isReadyToApprove)).toBe(true);
        expect(accounts.some(a => a.balance > 0 && !a.refundSettled)).toBe(true);
        expect(accounts.some(a => a.boundDevices.length > 0)).toBe(true);
        expect(accounts.some(a => a.openItems.length > 0)).toBe(true);
    });

    it('spreads submissions so that some open requests are overdue and some are not', () => {
        const open = seed.verifications.filter(v => v.decidedAt === null);
        expect(open.some(v => Date.parse(v.dueAt) < now.getTime())).toBe(true);
        expect(open.some(v => Date.parse(v.dueAt) > now.getTime())).toBe(true);
    });

    it('writes an audit trail consistent with the decided requests', () => {
        const decided = [...seed.verifications, ...seed.cancellations].filter(r => r.decidedAt);
        for (const request of decided) {
            const decision = seed.audit.filter(e => e.requestId === request.id && ['approve', 'reject', 'second_approve'].includes(e.action)).at(-1);
            expect(decision).toMatchObject({ actor: request.decidedBy, toStatus: request.status });
        }
        expect(seed.audit.map(e => e.at)).toEqual([...seed.audit.map(e => e.at)].sort());
    });

    it('gives cancellations with a refund above the four-eyes threshold two approvals: an operator\'s, then the supervisor\'s', () => {
        const large = seed.cancellations.filter(c => requiresSecondApproval(c.account, DEFAULT_FOUR_EYES_THRESHOLD_IDR));
        const steps = (id: string) => seed.audit.filter(e => e.requestId === id).map(e => [e.action, e.actor, e.fromStatus, e.toStatus]);
        const twoStep = large.filter(c => c.status === 'approved');
        expect(twoStep.length).toBeGreaterThan(0);
        for (const request of twoStep) {
            const operator = request.firstApproval?.by;
            expect(operator).toMatch(/^u-operator/);
            expect(request).toMatchObject({ version: 4, decidedBy: 'u-supervisor1', numberReleasedBy: 'u-supervisor1', numberReleasedAt: request.decidedAt, decision: { outcome: 'approved' } });
            expect(steps(request.id)).toEqual([
                ['claim', operator, 'pending', 'in_review'],
                ['approve', operator, 'in_review', 'awaiting_second_approval'],
                ['second_approve', 'u-supervisor1', 'awaiting_second_approval', 'approved'],
            ]);
        }
        const awaiting = seed.cancellations.filter(c => c.status === 'awaiting_second_approval');
        expect(awaiting.length).toBeGreaterThan(0);
        for (const request of awaiting) {
            expect(large).toContain(request);
            expect(request).toMatchObject({ version: 3, assignee: null, decidedAt: null, decidedBy: null, decision: null, numberReleasedAt: null, firstApproval: { by: expect.stringMatching(/^u-operator/) } });
            expect(steps(request.id).map(([action]) => action)).toEqual(['claim', 'approve']);
        }
        // Everything else had at most one approval: no first approval on record.
        for (const request of seed.cancellations.filter(c => !twoStep.includes(c) && !awaiting.includes(c))) {
            expect(request.firstApproval, request.id).toBeNull();
            if (request.status === 'approved') expect(request.numberReleasedBy).toBe(request.decidedBy);
        }
        expect(seed.cancellations.every(c => c.requiresSecondApproval === requiresSecondApproval(c.account, DEFAULT_FOUR_EYES_THRESHOLD_IDR))).toBe(true);
    });

    it('follows another four-eyes threshold when given one', () => {
        const strict = buildSeed({ size: 300, seed: 42, now, fourEyesThresholdIdr: 0 });
        const refunds = strict.cancellations.filter(c => c.account.refundRequested && c.account.balance > 0);
        expect(refunds.every(c => c.requiresSecondApproval)).toBe(true);
        expect(refunds.filter(c => c.status === 'approved').every(c => c.decidedBy === 'u-supervisor1' && c.firstApproval !== null)).toBe(true);
    });

    it('can build the 100,000-request benchmark store', () => {
        const big = buildSeed({ size: 100_000, seed: 1, now });
        expect(big.verifications.filter(v => v.attempt === 1).length + big.cancellations.length).toBe(100_000);
    });
});
