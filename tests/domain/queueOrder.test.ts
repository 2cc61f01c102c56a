// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compareQueueOrder, isHeldBy, type QueueEntry } from '../../src/domain/queueOrder';

const ME = 'u-operator1';
const entry = (id: string, dueAt: string, status: QueueEntry['status'] = 'pending', assignee: string | null = null): QueueEntry => ({ id, dueAt, status, assignee });
const ordered = (entries: QueueEntry[], viewerId = ME) => [...entries].sort((a, b) => compareQueueOrder(a, b, viewerId)).map(e => e.id);

describe('the queue order', () => {
    it('puts the viewer\'s own in-review requests first, even when others are due earlier', () => {
        const entries = [
            entry('V-000001', '2026-11-20T00:00:00.000Z'),
            entry('V-000002', '2026-11-30T00:00:00.000Z', 'in_review', ME),
            entry('V-000003', '2026-11-19T00:00:00.000Z', 'in_review', 'u-operator2'),
        ];
        expect(ordered(entries)).toEqual(['V-000002', 'V-000003', 'V-000001']);
    });

    it('orders each group by due time, oldest first', () => {
        const entries = [
            entry('V-000001', '2026-11-25T00:00:00.000Z', 'in_review', ME),
            entry('V-000002', '2026-11-21T00:00:00.000Z'),
            entry('V-000003', '2026-11-22T00:00:00.000Z', 'in_review', ME),
            entry('V-000004', '2026-11-20T00:00:00.000Z', 'approved'),
        ];
        expect(ordered(entries)).toEqual(['V-000003', 'V-000001', 'V-000004', 'V-000002']);
    });

    it('breaks a tie on due time by id, ascending', () => {
        const due = '2026-11-21T00:00:00.000Z';
        expect(ordered([entry('C-000009', due), entry('C-000002', due), entry('C-000005', due)])).toEqual(['C-000002', 'C-000005', 'C-000009']);
        expect(compareQueueOrder(entry('C-000002', due), entry('C-000002', due), ME)).toBe(0);
    });

    it('compares instants, not their spelling', () => {
        expect(compareQueueOrder(entry('V-000002', '2026-11-21T00:00:00Z'), entry('V-000001', '2026-11-21T00:00:00.500Z'), ME)).toBeLessThan(0);
    });

    it('counts a request as the viewer\'s only while it is in review and held by the viewer', () => {
        expect(isHeldBy(entry('V-000001', '2026-11-21T00:00:00.000Z', 'in_review', ME), ME)).toBe(true);
        expect(isHeldBy(entry('V-000001', '2026-11-21T00:00:00.000Z', 'in_review', 'u-operator2'), ME)).toBe(false);
        expect(isHeldBy(entry('V-000001', '2026-11-21T00:00:00.000Z', 'approved', ME), ME)).toBe(false);
        expect(isHeldBy(entry('V-000001', '2026-11-21T00:00:00.000Z', 'pending'), ME)).toBe(false);
    });

    it('depends on who is looking: another viewer sees their own requests first', () => {
        const entries = [
            entry('V-000001', '2026-11-20T00:00:00.000Z', 'in_review', ME),
            entry('V-000002', '2026-11-21T00:00:00.000Z', 'in_review', 'u-operator2'),
        ];
        expect(ordered(entries, ME)).toEqual(['V-000001', 'V-000002']);
        expect(ordered(entries, 'u-operator2')).toEqual(['V-000002', 'V-000001']);
    });

    it('is antisymmetric, so any sort gives the same order', () => {
        const entries = [
            entry('V-000001', '2026-11-20T00:00:00.000Z', 'in_review', ME),
            entry('V-000002', '2026-11-20T00:00:00.000Z'),
            entry('V-000003', '2026-11-19T00:00:00.000Z', 'in_review', 'u-operator2'),
            entry('V-000004', '2026-11-22T00:00:00.000Z', 'in_review', ME),
        ];
        for (const a of entries) {
            for (const b of entries) expect(Math.sign(compareQueueOrder(a, b, ME))).toBe(-Math.sign(compareQueueOrder(b, a, ME)) || 0);
        }
        expect(ordered([...entries].reverse())).toEqual(ordered(entries));
    });
});
