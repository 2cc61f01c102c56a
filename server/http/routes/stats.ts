import type { Hono } from 'hono';
import { checkRange } from '../../../src/domain/dayRange';
import { refuse } from '../../../src/domain/refusal';
import { computeStats } from '../../../src/domain/teamStats';
import type { AppDeps } from '../deps';
import { endpoint, refuseWrites } from '../endpoint';
import { json } from '../respond';
import { accessFigures } from '../accessFigures';

// GET /stats (supervisors, docs/api.md §6.7): queue health now, and the team's decisions in a range of days.

export function stats(app: Hono, deps: AppDeps) {
    const path = `${deps.config.base}/stats`;
    app.get(path, endpoint(deps, async call => {
        const params = call.url.searchParams;
        const now = deps.now();
        const checked = checkRange(params.get('from') ?? undefined, params.get('to') ?? undefined, { now });
        if (!checked.ok) refuse('bad_request', checked.message, { fields: checked.fields });
        const facts = await deps.store.statsFacts(checked.range);
        const operators = await deps.store.accounts();
        const computed = computeStats({ ...facts, operators, range: checked.range, now, sla: deps.config.sla });
        return json({ ...computed, access: await accessFigures(deps.store, checked.range, computed.team, operators, deps.config) });
    }, { supervisorOnly: true }));
    app.on(['POST', 'PUT', 'PATCH', 'DELETE'], path, refuseWrites(deps));
}
