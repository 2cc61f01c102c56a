import type { Hono } from 'hono';
import { parseRequestListQuery } from '../../../src/domain/lists/requests';
import { refuse } from '../../../src/domain/refusal';
import type { RequestKind } from '../../../src/domain/types';
import { recordView, seesWhole } from '../access';
import type { AppDeps } from '../deps';
import { endpoint, refuseWrites } from '../endpoint';
import { presentRow, presentTo } from '../present';
import { json, listJson } from '../respond';

// The two request queues as read (docs/api.md §6.1, §6.2): the list, and one request. Requests change only through their
// actions (requestActions.ts): writing one answers 405.

const RESOURCE: Record<RequestKind, string> = { verification: 'verifications', cancellation: 'cancellations' };

export function requestReads(app: Hono, deps: AppDeps, kind: RequestKind) {
    const resource = RESOURCE[kind];
    const path = `${deps.config.base}/${resource}`;

    app.get(path, endpoint(deps, async call => {
        const query = parseRequestListQuery(call.url.searchParams, kind, call.user.id, deps.now());
        const page = await deps.store.requests(query);
        return listJson(resource, page.rows.map(record => presentRow(record, call.view, call.user)), query.range[0], page.total, page.estimated);
    }));

    app.get(`${path}/:id`, endpoint(deps, async call => {
        const record = await deps.store.request(kind, call.params.id ?? '') ?? refuse('not_found', `${kind} ${call.params.id} not found`);
        const whole = await seesWhole(deps.store, record, call.user, deps.now());
        if (whole) await recordView(deps.store, record, call.user, deps.now());
        return json(presentTo(record, call.view, call.user, whole));
    }));

    for (const route of [path, `${path}/:id`]) {
        app.on(['POST', 'PUT', 'PATCH', 'DELETE'], route, refuseWrites(deps));
    }
}
