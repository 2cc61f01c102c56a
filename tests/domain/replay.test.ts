// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isClaimCandidate } from '../../src/domain/claimNext';
import { carriesDecision, carriesFirstApproval, isDecisionReplay, isSendBackReplay } from '../../src/domain/replay';
import { buildCancellation, buildVerification, heldBy, NOW } from '../support/requests';

// Is a decision already on the record? The server's replay rule and the console's "already recorded" answer the same way.

const rejected = buildVerification({
    status: 'rejected', version: 3, decidedBy: 'u-operator1', decidedAt: NOW.toISOString(),
    decision: { outcome: 'rejected', reasons: ['id_expired', 'photo_unclear'], note: 'glare', customerMessage: 'Dear Wang Wei,...' },
});

describe('a decision on the record', () => {
    it('is carried when the same person decided it with the same reasons (any order), note and message', () => {
        expect(carriesDecision(rejected, 'u-operator1', { outcome: 'rejected', reasons: ['photo_unclear', 'id_expired'], note: 'glare', customerMessage: 'Dear Wang Wei,...' })).toBe(true);
        expect(carriesDecision(rejected, 'u-operator1', { outcome: 'rejected', reasons: ['photo_unclear', 'id_expired'], note: 'glare' })).toBe(true);
    });

    it('is not carried for another person, outcome, set of reasons, note or message', () => {
        const sent = { outcome: 'rejected' as const, reasons: ['id_expired', 'photo_unclear'], note: 'glare' };
        expect(carriesDecision(rejected, 'u-operator2', sent)).toBe(false);
        expect(carriesDecision(rejected, 'u-operator1', { ...sent, outcome: 'approved' })).toBe(false);
        expect(carriesDecision(rejected, 'u-operator1', { ...sent, reasons: ['id_expired'] })).toBe(false);
        expect(carriesDecision(rejected, 'u-operator1', { ...sent, note: null })).toBe(false);
        expect(carriesDecision(rejected, 'u-operator1', { ...sent, customerMessage: 'edited' })).toBe(false);
    });

    it('is a replay only when nothing happened since: the record is one version past the one decided on', () => {
        const sent = { outcome: 'rejected' as const, reasons: ['id_expired', 'photo_unclear'], note: 'glare' };
        expect(isDecisionReplay(rejected, 'u-operator1', 2, sent)).toBe(true);
        expect(isDecisionReplay(rejected, 'u-operator1', 1, sent)).toBe(false);
    });

    it('a first approval is carried while the request awaits the second approval it asked for', () => {
        const awaiting = buildCancellation({ status: 'awaiting_second_approval', version: 3, firstApproval: { by: 'u-operator1', at: NOW.toISOString(), note: null } });
        expect(carriesFirstApproval(awaiting, 'u-operator1', null)).toBe(true);
        expect(carriesFirstApproval(awaiting, 'u-operator1', 'other')).toBe(false);
        expect(carriesFirstApproval({ ...awaiting, status: 'approved' }, 'u-operator1', null)).toBe(false);
    });

    it('a send-back is a replay while it is the last thing that happened, by the same supervisor with the same note', () => {
        const pending = buildCancellation({ version: 4 });
        const entry = { id: 'A-0000009', at: NOW.toISOString(), actor: 'u-supervisor1', action: 'send_back' as const, requestKind: 'cancellation' as const, requestId: pending.id, fromStatus: 'awaiting_second_approval' as const, toStatus: 'pending' as const, reasons: [], note: 'RF' };
        expect(isSendBackReplay(pending, 'u-supervisor1', 3, 'RF', entry)).toBe(true);
        expect(isSendBackReplay(pending, 'u-supervisor1', 3, 'other', entry)).toBe(false);
        expect(isSendBackReplay(pending, 'u-supervisor1', 3, 'RF', { ...entry, action: 'claim' })).toBe(false);
    });
});

describe('what review next may hand out', () => {
    it('a pending request or one the caller holds, unless excluded; never someone else\'s or an undecidable one', () => {
        const none = new Set<string>();
        expect(isClaimCandidate(buildVerification(), 'u-operator1', none)).toBe(true);
        expect(isClaimCandidate(buildVerification(heldBy('u-operator1')), 'u-operator1', none)).toBe(true);
        expect(isClaimCandidate(buildVerification(heldBy('u-operator2')), 'u-operator1', none)).toBe(false);
        expect(isClaimCandidate(buildCancellation({ status: 'awaiting_second_approval' }), 'u-operator1', none)).toBe(false);
        expect(isClaimCandidate(buildVerification({ status: 'approved' }), 'u-operator1', none)).toBe(false);
        expect(isClaimCandidate(buildVerification(), 'u-operator1', new Set(['V-000001']))).toBe(false);
    });
});
