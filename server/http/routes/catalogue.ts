import type { Hono } from 'hono';
import { OPERATOR_LIST, operatorPredicate, REASON_LIST, reasonPredicate } from '../../../src/domain/lists/catalogue';
import { pageOf } from '../../../src/domain/lists/page';
import { parseListQuery } from '../../../src/domain/lists/parse';
import { REASONS } from '../../../src/domain/reasonCatalogue';
import { refuse } from '../../../src/domain/refusal';
import type { AppDeps } from '../deps';
import { endpoint, refuseWrites } from '../endpoint';
import { json, listJson } from '../respond';

// Read-only resources held in memory whatever the store: the reason catalogue (docs/api.md §6.3) and the accounts (§6.4).

export function catalogue(app: Hono, deps: AppDeps) {
    const { base } = deps.config;

    app.get(`${base}/reasons`, endpoint(deps, call => {
        const { sort, range, filter } = parseListQuery(call.url.searchParams, REASON_LIST);
        const page = pageOf(REASONS.filter(reasonPredicate(filter)), sort, range);
        return listJson('reasons', page.rows, range[0], page.total);
    }));
    app.get(`${base}/reasons/:id`, endpoint(deps, call => json(REASONS.find(reason => reason.id === call.params.id) ?? refuse('not_found', `reason ${call.params.id} not found`))));

    app.get(`${base}/operators`, endpoint(deps, async call => {
        const { sort, range, filter } = parseListQuery(call.url.searchParams, OPERATOR_LIST);
        const page = pageOf((await deps.store.accounts()).filter(operatorPredicate(filter)), sort, range);
        return listJson('operators', page.rows, range[0], page.total);
    }));
    app.get(`${base}/operators/:id`, endpoint(deps, async call => {
        const account = (await deps.store.accounts()).find(operator => operator.id === call.params.id);
        return json(account ?? refuse('not_found', `operator ${call.params.id} not found`));
    }));

    for (const route of ['reasons', 'reasons/:id', 'operators', 'operators/:id']) {
        app.on(['POST', 'PUT', 'PATCH', 'DELETE'], `${base}/${route}`, refuseWrites(deps));
    }
}
