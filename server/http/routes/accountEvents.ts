import type { Hono } from 'hono';
import { ACCOUNT_EVENT_LIST, accountEventId, accountEventPredicate } from '../../../src/domain/lists/accountEvents';
import { pageOf } from '../../../src/domain/lists/page';
import { parseListQuery } from '../../../src/domain/lists/parse';
import type { AccountEventRecord } from '../../../src/domain/types';
import type { AppDeps } from '../deps';
import { endpoint, refuseWrites } from '../endpoint';
import { listJson } from '../respond';

// What happened to accounts (docs/api.md §6.15): failed logins, lockouts and the accounts command's changes, for
// supervisors. Append-only: written by logins and the command, never through this route. Never a password.

export function accountEvents(app: Hono, deps: AppDeps) {
    const path = `${deps.config.base}/account-events`;

    app.get(path, endpoint(deps, async call => {
        const { sort, range, filter } = parseListQuery(call.url.searchParams, ACCOUNT_EVENT_LIST);
        const events: AccountEventRecord[] = (await deps.store.accountEvents()).map(({ seq, at, actor, action, username, address, detail }) =>
            ({ id: accountEventId(seq), at, actor, action, username, address, detail }));
        const page = pageOf(events.filter(accountEventPredicate(filter)), sort, range);
        return listJson('account-events', page.rows, range[0], page.total);
    }, { supervisorOnly: true }));

    app.on(['POST', 'PUT', 'PATCH', 'DELETE'], path, refuseWrites(deps));
}
