import { http, type HttpHandler } from 'msw';
import { checkRange } from '../../src/domain/dayRange';
import { computeStats, type RequestFacts } from '../../src/domain/teamStats';
import type { Db } from '../db';
import { endpoint, refuseWrites, type ServerOptions } from './endpoint';
import { badRequest, json } from './respond';

// GET /stats (supervisors): queue health now, and the team's decisions in a range of days (src/domain/teamStats.ts).

function* everyRequest(db: Db): Generator<RequestFacts> {
    yield* db.state.verifications;
    yield* db.state.cancellations;
}

export function statsHandlers(db: Db, options: ServerOptions): HttpHandler[] {
    const path = `*${options.base}/stats`;
    return [
        http.get(path, endpoint(db, options, ctx => {
            const params = ctx.url.searchParams;
            const checked = checkRange(params.get('from') ?? undefined, params.get('to') ?? undefined, { now: ctx.db.now() });
            if (!checked.ok) throw badRequest(checked.message, checked.fields);
            const { state } = ctx.db;
            return json(computeStats({
                audit: state.audit, requests: everyRequest(ctx.db), operators: ctx.db.operators, qualityReviews: state.qualityReviews,
                range: checked.range, now: ctx.db.now(), sla: ctx.db.sla,
            }));
        }, { supervisorOnly: true })),
        ...refuseWrites(db, options, path),
    ];
}
