// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isDecided, isOpen, nextStatus } from '../../src/domain/requestStatus';

describe('the request state machine', () => {
    it('a pending request can be claimed, and only that', () => {
        expect(nextStatus('pending', 'claim')).toBe('in_review');
        expect(nextStatus('pending', 'approve')).toBeNull();
        expect(nextStatus('pending', 'reject')).toBeNull();
        expect(nextStatus('pending', 'release')).toBeNull();
    });

    it('a request in review can be approved, rejected, released or lapse', () => {
        expect(nextStatus('in_review', 'approve')).toBe('approved');
        expect(nextStatus('in_review', 'reject')).toBe('rejected');
        expect(nextStatus('in_review', 'release')).toBe('pending');
        expect(nextStatus('in_review', 'lapse')).toBe('pending');
        expect(nextStatus('in_review', 'claim')).toBeNull();
    });

    it('a decided request is final: nothing moves it', () => {
        for (const status of ['approved', 'rejected'] as const) {
            for (const action of ['claim', 'release', 'approve', 'reject', 'lapse'] as const) {
                expect(nextStatus(status, action)).toBeNull();
            }
            expect(isDecided(status)).toBe(true);
            expect(isOpen(status)).toBe(false);
        }
    });
});
