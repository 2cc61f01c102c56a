import type * as z from 'zod/mini';
import { accountEventFilter } from '../../contract/listQuery';
import type { AccountEventRecord } from '../types';
import { oneOrMany } from './page';
import type { ListSpec } from './parse';

// GET /account-events (docs/api.md §6.15): supervisors read what happened to accounts, newest first by default.

export const ACCOUNT_EVENT_LIST = {
    sortable: ['id', 'at', 'username', 'action', 'actor'],
    defaultSort: { field: 'id', order: 'DESC' },
    filter: accountEventFilter,
    emptyIsAbsent: true,
} satisfies ListSpec;

/** The event's id: its number in write order, zero-padded so that ids sort as numbers do. */
export const accountEventId = (seq: number) => `AE-${String(seq).padStart(7, '0')}`;

export function accountEventPredicate(filter: z.infer<typeof accountEventFilter>): (event: AccountEventRecord) => boolean {
    const tests: ((event: AccountEventRecord) => boolean)[] = [];
    const among = (value: unknown, read: (event: AccountEventRecord) => string) => {
        if (value === undefined) return;
        const wanted = new Set(oneOrMany(value));
        tests.push(event => wanted.has(read(event)));
    };
    among(filter.username, event => event.username);
    among(filter.action, event => event.action);
    among(filter.actor, event => event.actor);
    if (filter.at_gte !== undefined) { const from = String(filter.at_gte); tests.push(event => event.at >= from); }
    if (filter.at_lte !== undefined) { const to = String(filter.at_lte); tests.push(event => event.at <= to); }
    return event => tests.every(test => test(event));
}
