// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { RefusalError, type Refusal } from '../../src/domain/refusal';
import { approve, claim, lapse, reassign, reject, release, sendBack, type Actor, type Change } from '../../src/domain/transitions';
import type { ReviewRequest } from '../../src/domain/types';
import { buildCancellation, buildVerification, heldBy, NOW } from '../support/requests';

const operator1: Actor = { id: 'u-operator1', role: 'operator' };
const operator2: Actor = { id: 'u-operator2', role: 'operator' };
const supervisor: Actor = { id: 'u-supervisor1', role: 'supervisor' };
const THRESHOLD = 500_000;
const later = new Date(NOW.getTime() + 60_000);

/** The refusal a rule answers with, or fails. */
function refusalOf(rule: () => Change | null): Refusal {
    try {
        rule();
    } catch (error) {
        if (error instanceof RefusalError) return error.refusal;
        throw error;
    }
    throw new Error('the rule did not refuse');
}
const transition = (change: Change | null) => {
    if (change?.type !== 'transition') throw new Error(`expected a transition, got ${change?.type}`);
    return change;
};

describe('claiming', () => {
    it('puts a pending request in review for the caller for 15 minutes, version + 1, with a claim entry', () => {
        const { record, entry } = transition(claim(buildVerification(), operator1, NOW));
        expect(record).toMatchObject({ status: 'in_review', version: 2, assignee: 'u-operator1', claimedAt: NOW.toISOString(), claimExpiresAt: '2026-11-20T03:15:00.000Z' });
        expect(entry).toEqual({ at: NOW.toISOString(), actor: 'u-operator1', action: 'claim', requestKind: 'verification', requestId: 'V-000001', fromStatus: 'pending', toStatus: 'in_review', reasons: [], note: null });
    });

    it('claiming what you hold is a heartbeat: a later end, no state change, no entry', () => {
        const held = buildVerification(heldBy('u-operator1'));
        expect(claim(held, operator1, later)).toEqual({ type: 'heartbeat', record: { ...held, claimExpiresAt: '2026-11-20T03:16:00.000Z' } });
    });

    it('someone else\'s claim is a conflict naming the holder, for supervisors too', () => {
        const held = buildVerification(heldBy('u-operator1'));
        expect(refusalOf(() => claim(held, operator2, NOW))).toMatchObject({ code: 'conflict_claimed', holderId: 'u-operator1', record: held });
        expect(refusalOf(() => claim(held, supervisor, NOW)).code).toBe('conflict_claimed');
    });

    it('a decided request or one awaiting a second approval cannot be claimed', () => {
        expect(refusalOf(() => claim(buildVerification({ status: 'approved' }), operator1, NOW)).code).toBe('conflict_state');
        expect(refusalOf(() => claim(buildCancellation({ status: 'awaiting_second_approval' }), operator1, NOW)).code).toBe('conflict_state');
    });
});

describe('releasing and lapsing', () => {
    it('the holder releases with a note; another operator cannot; a supervisor may take anyone\'s claim back', () => {
        const held = buildVerification(heldBy('u-operator1'));
        expect(transition(release(held, operator1, NOW, 'lunch'))).toMatchObject({ record: { status: 'pending', assignee: null, claimedAt: null, claimExpiresAt: null, version: 3 }, entry: { action: 'release', note: 'lunch' } });
        expect(refusalOf(() => release(held, operator2, NOW, null)).code).toBe('conflict_claimed');
        expect(transition(release(held, supervisor, NOW, null)).entry.actor).toBe('u-supervisor1');
    });

    it('a claim lapses once its end has come, by the system, naming who held it', () => {
        const held = buildVerification(heldBy('u-operator1'));
        expect(lapse(held, new Date(Date.parse(held.claimExpiresAt!) - 1))).toBeNull();
        const { record, entry } = transition(lapse(held, new Date(held.claimExpiresAt!)));
        expect(record).toMatchObject({ status: 'pending', assignee: null, version: 3 });
        expect(entry).toMatchObject({ actor: 'system', action: 'lapse', fromStatus: 'in_review', toStatus: 'pending', note: 'claim held by u-operator1 expired' });
        expect(lapse(buildVerification(), later)).toBeNull();
    });
});

describe('approving', () => {
    it('the holder approves on the current version: decided, the claim ended, the note kept', () => {
        const held = buildVerification(heldBy('u-operator1'));
        const { record, entry } = transition(approve(held, operator1, NOW, { version: 2, note: 'fine' }, THRESHOLD));
        expect(record).toMatchObject({ status: 'approved', version: 3, decidedBy: 'u-operator1', decidedAt: NOW.toISOString(), assignee: null, claimExpiresAt: null, claimedAt: NOW.toISOString(), decision: { outcome: 'approved', reasons: [], note: 'fine', customerMessage: null } });
        expect(entry).toMatchObject({ action: 'approve', fromStatus: 'in_review', toStatus: 'approved', note: 'fine' });
    });

    it('checks in the contract\'s order: state, holder, version, then preconditions', () => {
        expect(refusalOf(() => approve(buildVerification(), operator1, NOW, { version: 1, note: null }, THRESHOLD)).code).toBe('conflict_state');
        const held = buildCancellation({ ...heldBy('u-operator1'), account: { ...buildCancellation().account, boundDevices: [{ id: 'D-1', name: 'phone', boundAt: NOW.toISOString() }] } });
        expect(refusalOf(() => approve(held, operator2, NOW, { version: 1, note: null }, THRESHOLD)).code).toBe('conflict_claimed');
        expect(refusalOf(() => approve(held, operator1, NOW, { version: 1, note: null }, THRESHOLD)).code).toBe('conflict_version');
        expect(refusalOf(() => approve(held, operator1, NOW, { version: 2, note: null }, THRESHOLD))).toMatchObject({ code: 'preconditions_failed', preconditions: ['devices_unbound'] });
    });

    it('approving a cancellation asks for the number\'s release: pending until the release system confirms (server/http/numberRelease.ts)', () => {
        const { record } = transition(approve(buildCancellation(heldBy('u-operator1')), operator1, NOW, { version: 2, note: null }, THRESHOLD));
        expect(record).toMatchObject({ status: 'approved', numberReleasedAt: null, numberReleasedBy: null, numberRelease: { attempts: 0, lastError: null, nextAttemptAt: NOW.toISOString() } });
    });

    describe('four eyes: a refund above the threshold', () => {
        const largeRefund = { balance: 750_000, refundRequested: true, refundSettled: true, refundReference: 'RF-1' };
        const held = buildCancellation({ ...heldBy('u-operator1'), account: { ...buildCancellation().account, ...largeRefund } });
        const awaiting = transition(approve(held, operator1, NOW, { version: 2, note: 'RF checked' }, THRESHOLD)).record;

        it('the holder\'s approval is the first of two: nothing decided, nothing released', () => {
            expect(awaiting).toMatchObject({ status: 'awaiting_second_approval', version: 3, assignee: null, firstApproval: { by: 'u-operator1', at: NOW.toISOString(), note: 'RF checked' }, decision: null, numberReleasedAt: null });
            expect(transition(approve(held, operator1, NOW, { version: 2, note: null }, 1_000_000)).record.status).toBe('approved');
        });

        it('a supervisor other than the first approver gives the second approval, and asks for the number\'s release', () => {
            const { record, entry } = transition(approve(awaiting, supervisor, later, { version: 3, note: 'bank ok' }, THRESHOLD));
            expect(record).toMatchObject({ status: 'approved', version: 4, decidedBy: 'u-supervisor1', numberReleasedAt: null, numberRelease: { attempts: 0 }, firstApproval: { by: 'u-operator1' } });
            expect(entry).toMatchObject({ action: 'second_approve', fromStatus: 'awaiting_second_approval', toStatus: 'approved' });
        });

        it('an operator, the first approver, or a stale version is refused', () => {
            expect(refusalOf(() => approve(awaiting, operator2, later, { version: 3, note: null }, THRESHOLD)).code).toBe('forbidden');
            const bySupervisor = transition(approve({ ...held, assignee: 'u-supervisor1' }, supervisor, NOW, { version: 2, note: null }, THRESHOLD)).record;
            expect(refusalOf(() => approve(bySupervisor, supervisor, later, { version: 3, note: null }, THRESHOLD)).code).toBe('four_eyes_same_person');
            expect(refusalOf(() => approve(awaiting, supervisor, later, { version: 2, note: null }, THRESHOLD)).code).toBe('conflict_version');
        });

        it('a supervisor sends it back: pending again, the first approval dropped; a repeat is a replay', () => {
            const { record, entry } = transition(sendBack(awaiting, supervisor, later, { version: 3, note: 'RF mismatch' }, null));
            expect(record).toMatchObject({ status: 'pending', version: 4, firstApproval: null, assignee: null, claimedAt: null });
            expect(sendBack(record, supervisor, later, { version: 3, note: 'RF mismatch' }, { id: 'A-1', ...entry }).type).toBe('replay');
            expect(refusalOf(() => sendBack(record, supervisor, later, { version: 4, note: 'again' }, { id: 'A-1', ...entry })).code).toBe('conflict_state');
        });
    });
});

describe('rejecting', () => {
    const held = buildVerification({ ...heldBy('u-operator1'), customerLanguage: 'en', fullName: 'Wang Wei' });

    it('records the reasons and composes the customer message in the customer\'s language when none is given', () => {
        const { record, entry } = transition(reject(held, operator1, NOW, { version: 2, reasons: ['id_expired'], note: 'old card', customerMessage: null }));
        expect(record.decision).toMatchObject({ outcome: 'rejected', reasons: ['id_expired'], note: 'old card' });
        expect(record.decision!.customerMessage).toMatch(/^Dear Wang Wei,\nYour ID card has expired/);
        expect(entry).toMatchObject({ action: 'reject', reasons: ['id_expired'], note: 'old card' });
    });

    it('sends an edited customer message as written', () => {
        expect(transition(reject(held, operator1, NOW, { version: 2, reasons: ['photo_unclear'], note: null, customerMessage: 'Please retake it.' })).record.decision!.customerMessage).toBe('Please retake it.');
    });
});

describe('replays', () => {
    const held = buildVerification(heldBy('u-operator1'));
    const rejected = transition(reject(held, operator1, NOW, { version: 2, reasons: ['id_expired', 'photo_unclear'], note: 'n', customerMessage: null })).record;

    it('the same decision sent again is answered as it stands, before any conflict check', () => {
        expect(reject(rejected, operator1, later, { version: 2, reasons: ['photo_unclear', 'id_expired'], note: 'n', customerMessage: null })).toEqual({ type: 'replay', record: rejected });
        const approved = transition(approve(held, operator1, NOW, { version: 2, note: null }, THRESHOLD)).record;
        expect(approve(approved, operator1, later, { version: 2, note: null }, THRESHOLD).type).toBe('replay');
    });

    it('another user, other text or another version is not a replay but a conflict', () => {
        expect(refusalOf(() => reject(rejected, operator2, later, { version: 2, reasons: ['id_expired', 'photo_unclear'], note: 'n', customerMessage: null })).code).toBe('conflict_state');
        expect(refusalOf(() => reject(rejected, operator1, later, { version: 2, reasons: ['id_expired', 'photo_unclear'], note: 'other', customerMessage: null })).code).toBe('conflict_state');
        expect(refusalOf(() => reject(rejected, operator1, later, { version: 1, reasons: ['id_expired', 'photo_unclear'], note: 'n', customerMessage: null })).code).toBe('conflict_state');
    });
});

describe('reassigning', () => {
    it('hands an open request to someone on a fresh claim, whoever held it; the entry names the new holder', () => {
        for (const record of [buildVerification(), buildVerification(heldBy('u-operator1'))] as ReviewRequest[]) {
            const { record: next, entry } = transition(reassign(record, supervisor, later, { to: 'u-operator2', note: 'cover' }));
            expect(next).toMatchObject({ status: 'in_review', assignee: 'u-operator2', claimedAt: later.toISOString(), version: record.version + 1 });
            expect(entry).toMatchObject({ action: 'reassign', actor: 'u-supervisor1', toStatus: 'in_review', assignee: 'u-operator2', note: 'cover' });
        }
        expect(refusalOf(() => reassign(buildVerification({ status: 'rejected' }), supervisor, later, { to: 'u-operator2', note: 'x' })).code).toBe('conflict_state');
    });
});
