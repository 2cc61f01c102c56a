import type * as z from 'zod/mini';
import { noticeFilter } from '../../contract/listQuery';
import type { Notice } from '../types';
import { oneOrMany } from './page';
import type { ListQuery, ListSpec } from './parse';

// GET /notices (docs/api.md §6.12): the outbox, oldest first; operators read one request's notices only.

export const NOTICE_LIST = {
    sortable: ['id', 'createdAt', 'requestId', 'channel', 'state'],
    defaultSort: { field: 'id', order: 'ASC' },
    filter: noticeFilter,
    emptyIsAbsent: true,
} satisfies ListSpec;

export type NoticeFilter = z.infer<typeof noticeFilter>;
export type NoticeListQuery = ListQuery<NoticeFilter>;

/** An operator's notice query must name one request (a non-empty JSON string). */
export const isOneRequest = (filter: NoticeFilter) => typeof filter.requestId === 'string' && filter.requestId !== '';

export function noticePredicate(filter: NoticeFilter): (notice: Notice) => boolean {
    const tests: ((notice: Notice) => boolean)[] = [];
    const among = (value: unknown, read: (notice: Notice) => string) => {
        if (value === undefined) return;
        const wanted = new Set(oneOrMany(value));
        tests.push(notice => wanted.has(read(notice)));
    };
    among(filter.id, notice => notice.id);
    among(filter.requestId, notice => notice.requestId);
    among(filter.channel, notice => notice.channel);
    among(filter.state, notice => notice.state);
    return notice => tests.every(test => test(notice));
}
