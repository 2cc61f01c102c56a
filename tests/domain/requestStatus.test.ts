// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isDecided, isOpen, nextStatus, type RequestAction } from '../../src/domain/requestStatus';

const ALL_ACTIONS: readonly RequestAction[] = ['claim', 'release', 'approve', 'reject', 'lapse', 'approve_first', 'second_approve', 'send_back', 'reassign'];
/** The actions that lead somewhere from a status; every other action is refused there. */
const allowed = (status: Parameters<typeof nextStatus>[0]) => ALL_ACTIONS.filter(action => nextStatus(status, action) !== null);

describe('the request state machine', () => {
    it('a pending request can be claimed or reassigned, and only that', () => {
        expect(nextStatus('pending', 'claim')).toBe('in_review');
        expect(nextStatus('pending', 'reassign')).toBe('in_review');
        expect(allowed('pending')).toEqual(['claim', 'reassign']);
    });

    it('a request in review can be approved, rejected, released or lapse', () => {
        expect(nextStatus('in_review', 'approve')).toBe('approved');
        expect(nextStatus('in_review', 'reject')).toBe('rejected');
        expect(nextStatus('in_review', 'release')).toBe('pending');
        expect(nextStatus('in_review', 'lapse')).toBe('pending');
        expect(nextStatus('in_review', 'claim')).toBeNull();
    });

    it('a first approval of a request in review awaits a second approval', () => {
        expect(nextStatus('in_review', 'approve_first')).toBe('awaiting_second_approval');
        expect(allowed('in_review')).toEqual(['release', 'approve', 'reject', 'lapse', 'approve_first', 'reassign']);
    });

    it('a supervisor reassigns a pending request or someone\'s claim: it stays (or goes) in review', () => {
        expect(nextStatus('in_review', 'reassign')).toBe('in_review');
        for (const status of ['awaiting_second_approval', 'approved', 'rejected'] as const) expect(nextStatus(status, 'reassign')).toBeNull();
    });

    it('a request awaiting a second approval is approved by the second approval, or sent back to the queue', () => {
        expect(nextStatus('awaiting_second_approval', 'second_approve')).toBe('approved');
        expect(nextStatus('awaiting_second_approval', 'send_back')).toBe('pending');
        expect(allowed('awaiting_second_approval')).toEqual(['second_approve', 'send_back']);
    });

    it('a request awaiting a second approval is nobody\'s claim: it cannot be claimed, released or lapse', () => {
        for (const action of ['claim', 'release', 'lapse', 'approve', 'reject', 'approve_first', 'reassign'] as const) {
            expect(nextStatus('awaiting_second_approval', action)).toBeNull();
        }
        expect(isOpen('awaiting_second_approval')).toBe(true);
        expect(isDecided('awaiting_second_approval')).toBe(false);
    });

    it('the second approval and the send-back apply only to a request awaiting a second approval', () => {
        for (const status of ['pending', 'in_review', 'approved', 'rejected'] as const) {
            expect(nextStatus(status, 'second_approve')).toBeNull();
            expect(nextStatus(status, 'send_back')).toBeNull();
        }
    });

    it('a decided request is final: nothing moves it', () => {
        for (const status of ['approved', 'rejected'] as const) {
            expect(allowed(status)).toEqual([]);
            expect(isDecided(status)).toBe(true);
            expect(isOpen(status)).toBe(false);
        }
    });
});
