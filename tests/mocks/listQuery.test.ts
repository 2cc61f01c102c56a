// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { firstInOrder } from '../../src/domain/lists/page';
import { compareQueueOrder, type QueueEntry } from '../../src/domain/queueOrder';

const statuses: QueueEntry['status'][] = ['pending', 'in_review', 'approved'];
let state = 7;
const next = (n: number) => (state = (state * 48271) % 2147483647) % n;
const entries: QueueEntry[] = Array.from({ length: 2000 }, (_, i) => ({
    id: `V-${String(i).padStart(6, '0')}`,
    status: statuses[next(3)]!,
    assignee: next(4) === 0 ? 'u-operator1' : null,
    // Few distinct due times, so that ties go to the id; some spelled without milliseconds.
    dueAt: next(5) === 0 ? `2026-11-2${next(9)}T00:00:00Z` : new Date(Date.UTC(2026, 10, 20 + next(9))).toISOString(),
}));
const queue = (a: QueueEntry, b: QueueEntry) => compareQueueOrder(a, b, 'u-operator1');

describe('a page of a long list', () => {
    it('holds the same rows in the same order as a full sort would give', () => {
        const sorted = [...entries].sort(queue);
        for (const count of [1, 25, 100, 251, 1999, 2000, 2500]) {
            expect(firstInOrder(entries, count, queue).map(e => e.id)).toEqual(sorted.slice(0, count).map(e => e.id));
        }
        const descending = (a: QueueEntry, b: QueueEntry) => -queue(a, b);
        expect(firstInOrder(entries, 25, descending).map(e => e.id)).toEqual([...entries].sort(descending).slice(0, 25).map(e => e.id));
        expect(firstInOrder(entries, 0, queue)).toEqual([]);
    });
});
