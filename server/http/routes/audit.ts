import type { Hono } from 'hono';
import { AUDIT_LIST, isOneTimeline } from '../../../src/domain/lists/audit';
import { parseListQuery } from '../../../src/domain/lists/parse';
import { refuse } from '../../../src/domain/refusal';
import type { AppDeps } from '../deps';
import { endpoint, refuseWrites } from '../endpoint';
import { HttpError, json, listJson } from '../respond';

// The append-only audit trail (docs/api.md §6.5). Entries are written only as a side effect of actions and lapses.

export function audit(app: Hono, deps: AppDeps) {
    const path = `${deps.config.base}/audit`;

    app.get(path, endpoint(deps, async call => {
        // This endpoint checks its query (400) before the role (403).
        const query = parseListQuery(call.url.searchParams, AUDIT_LIST);
        if (call.user.role !== 'supervisor' && !isOneTimeline(query.filter)) {
            throw new HttpError('forbidden', "the audit trail is for supervisors; operators may read one request's timeline");
        }
        const page = await deps.store.auditEntries(query);
        return listJson('audit', page.rows, query.range[0], page.total, page.estimated);
    }));

    app.get(`${path}/:id`, endpoint(deps, async call => json(await deps.store.auditEntry(call.params.id ?? '') ?? refuse('not_found', `audit entry ${call.params.id} not found`)), { supervisorOnly: true }));

    for (const route of [path, `${path}/:id`]) app.on(['POST', 'PUT', 'PATCH', 'DELETE'], route, refuseWrites(deps));
}
