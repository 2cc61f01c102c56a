import type { Hono } from 'hono';
import { isOneRequest, NOTICE_LIST } from '../../../src/domain/lists/notices';
import { parseListQuery } from '../../../src/domain/lists/parse';
import { maskNotice } from '../../../src/domain/notices';
import type { Notice, ReviewRequest } from '../../../src/domain/types';
import { recordView, seesWhole } from '../access';
import type { AppDeps } from '../deps';
import { endpoint, refuseWrites } from '../endpoint';
import { HttpError, listJson } from '../respond';

// The customer notices' outbox (docs/api.md §6.12), read-only: notices are written with decisions and changed only by the
// sender. One request's notices are whole for whoever sees that request whole (§6.10); every other row is masked.

export function notices(app: Hono, deps: AppDeps) {
    const path = `${deps.config.base}/notices`;

    app.get(path, endpoint(deps, async call => {
        // Like the audit trail: the query (400) before the role (403).
        const query = parseListQuery(call.url.searchParams, NOTICE_LIST);
        const one = isOneRequest(query.filter);
        if (call.user.role !== 'supervisor' && !one) throw new HttpError('forbidden', "the outbox is for supervisors; operators may read one request's notices");
        const page = await deps.store.notices(query);
        const ids = [...new Set(page.rows.map(notice => notice.requestId))];
        const requests = new Map<string, ReviewRequest>();
        for (const kind of ['verification', 'cancellation'] as const) {
            if (ids.length === 0) break;
            const found = await deps.store.requests({ kind, viewerId: call.user.id, now: deps.now(), sort: { field: 'id', order: 'ASC' }, range: [0, ids.length - 1], filter: { ids } });
            for (const record of found.rows) requests.set(record.id, record);
        }
        let whole = false;
        const record = one ? requests.get(String(query.filter.requestId)) : undefined;
        if (record && await seesWhole(deps.store, record, call.user, deps.now())) {
            whole = true;
            if (page.rows.length > 0) await recordView(deps.store, record, call.user, deps.now());
        }
        const rows = page.rows.map((notice: Notice) => (whole ? notice : maskNotice(notice, requests.get(notice.requestId) ?? null)));
        return listJson('notices', rows, query.range[0], page.total, page.estimated);
    }));

    app.on(['POST', 'PUT', 'PATCH', 'DELETE'], path, refuseWrites(deps));
}
