import { compareQueueOrder, isHeldBy } from '../../src/domain/queueOrder';
import { isOpen } from '../../src/domain/requestStatus';
import type { RequestKind, ReviewRequest } from '../../src/domain/types';
import type { Db } from '../db';

// Indexes for the two list requests every operator sends all day, so that they do not read the whole store:
// the queue's first pages (open requests in queue order) and a search. They rest on two facts of this API:
// requests are created only by seeding (never through the API), and a decided request never reopens; the
// searchable fields (id, numbers, e-mail, name) never change. So the open list only loses members (dropped when
// the store has changed since), and both are rebuilt when the store is seeded or edited in place (`db.indexVersion`).

interface OpenIndex {
    indexVersion: number;
    changes: number;
    /** Open requests by due time, then id: the queue order of everything the viewer does not hold. */
    byDue: ReviewRequest[];
    /** The in-review ones among them, in the same order (claims change as the store changes). */
    inReview: ReviewRequest[];
}

interface SearchIndex {
    indexVersion: number;
    records: ReviewRequest[];
    /** Every record's search text, in `records` order, separated by "\u0000" (which no needle contains). */
    text: string;
    /** Where each record's text starts in `text`. */
    starts: number[];
}

const SEPARATOR = '\u0000';

export function createListIndex(db: Db, searchTextOf: (record: ReviewRequest) => string) {
    const open = new Map<RequestKind, OpenIndex>();
    const search = new Map<RequestKind, SearchIndex>();

    function openIndex(kind: RequestKind): OpenIndex {
        let entry = open.get(kind);
        if (!entry || entry.indexVersion !== db.indexVersion) {
            const byDue = db.collection(kind).filter(record => isOpen(record.status)).sort((a, b) => compareQueueOrder(a, b, ''));
            entry = { indexVersion: db.indexVersion, changes: db.changes, byDue, inReview: byDue.filter(record => record.status === 'in_review') };
            open.set(kind, entry);
        } else if (entry.changes !== db.changes) {
            entry.byDue = entry.byDue.filter(record => isOpen(record.status));
            entry.inReview = entry.byDue.filter(record => record.status === 'in_review');
            entry.changes = db.changes;
        }
        return entry;
    }

    /** Where `record` is, or would be, in `list` (sorted by due time, then id: fields that never change). */
    function position(list: readonly ReviewRequest[], record: ReviewRequest): number {
        let low = 0;
        let high = list.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (compareQueueOrder(list[middle]!, record, '') < 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    function place(list: ReviewRequest[], record: ReviewRequest, member: boolean) {
        const at = position(list, record);
        const present = list[at]?.id === record.id;
        if (member && !present) list.splice(at, 0, record);
        else if (!member && present) list.splice(at, 1);
    }

    return {
        /**
         * The store committed changes to these records (the requests' own objects, edited in place), and nothing else
         * changed since the index last looked: the open lists are updated where they changed instead of filtered whole
         * (at a million requests a filter of the open ones on every claim or decision is most of its cost).
         */
        recordsChanged(changed: Iterable<ReviewRequest>) {
            const records = [...changed];
            for (const [kind, entry] of open) {
                if (entry.indexVersion !== db.indexVersion || entry.changes !== db.changes - 1) continue;
                for (const record of records) {
                    if (record.kind !== kind) continue;
                    place(entry.byDue, record, isOpen(record.status));
                    place(entry.inReview, record, record.status === 'in_review');
                }
                entry.changes = db.changes;
            }
        },

        /** The open requests of a kind by due time, then id; the in-review ones among them (claim-next looks here). */
        open(kind: RequestKind): { byDue: readonly ReviewRequest[]; inReview: readonly ReviewRequest[] } {
            return openIndex(kind);
        },

        /**
         * The rows `[start, end]` of the open requests in queue order for `viewerId` (their own in-review requests
         * first), and how many open requests there are: what a full sort of the open requests would give.
         */
        openQueuePage(kind: RequestKind, viewerId: string, start: number, end: number): { slice: ReviewRequest[]; total: number } {
            const { byDue, inReview } = openIndex(kind);
            const mine = inReview.filter(record => isHeldBy(record, viewerId));
            const slice: ReviewRequest[] = mine.slice(start, end + 1);
            let skip = Math.max(0, start - mine.length);
            for (let i = 0; i < byDue.length && slice.length < end - start + 1; i += 1) {
                const record = byDue[i]!;
                if (isHeldBy(record, viewerId)) continue;
                if (skip > 0) skip -= 1;
                else slice.push(record);
            }
            return { slice, total: byDue.length };
        },

        /**
         * The requests of `kind` whose search text contains `needle` (lower case, no spaces), in store order; null
         * when the needle holds the separator (then the caller reads every record).
         */
        searchMatches(kind: RequestKind, needle: string): ReviewRequest[] | null {
            if (needle.includes(SEPARATOR)) return null;
            let entry = search.get(kind);
            if (!entry || entry.indexVersion !== db.indexVersion || entry.records !== db.collection(kind)) {
                const records = db.collection(kind);
                const starts: number[] = [];
                let length = 0;
                const texts = records.map(record => {
                    const text = searchTextOf(record);
                    starts.push(length);
                    length += text.length + 1;
                    return text;
                });
                entry = { indexVersion: db.indexVersion, records, text: texts.join(SEPARATOR), starts };
                search.set(kind, entry);
            }
            const found: ReviewRequest[] = [];
            const { text, starts, records } = entry;
            for (let at = text.indexOf(needle); at !== -1;) {
                // The record whose text holds this hit: the last start at or before it.
                let low = 0;
                let high = starts.length - 1;
                while (low < high) {
                    const middle = (low + high + 1) >> 1;
                    if (starts[middle]! <= at) low = middle;
                    else high = middle - 1;
                }
                // Customer text may hold the separator itself: a hit across two records is checked and skipped.
                if (searchTextOf(records[low]!).includes(needle)) {
                    found.push(records[low]!);
                    at = text.indexOf(needle, low + 1 < starts.length ? starts[low + 1]! : text.length);
                } else {
                    at = text.indexOf(needle, at + 1);
                }
            }
            return found;
        },
    };
}

export type ListIndex = ReturnType<typeof createListIndex>;
