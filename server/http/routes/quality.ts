import type { Hono } from 'hono';
import { qualitySampleBody, verdictBody } from '../../../src/contract/bodies';
import { checkRange } from '../../../src/domain/dayRange';
import { parseListQuery } from '../../../src/domain/lists/parse';
import { QUALITY_REVIEW_LIST, QUALITY_SAMPLE_LIST } from '../../../src/domain/lists/quality';
import { blindRequest, drawSample, sampleSize } from '../../../src/domain/qualitySampling';
import { badField, refuse } from '../../../src/domain/refusal';
import type { QualityReview, QualityReviewWithRequest } from '../../../src/domain/types';
import type { StoreReads } from '../../store/store';
import type { AppDeps } from '../deps';
import { endpoint, refuseWrites, type AuthedCall } from '../endpoint';
import { present } from '../present';
import { json, listJson } from '../respond';
import { bodyProblems, checkBody, readBody } from '../validate';

// Quality sampling (supervisors, docs/api.md §6.8, §6.9): draw a share of an operator's decisions, re-review each one
// blind, give a verdict. Samples and reviews are created only by drawing and changed only by the verdict.

/** Uniform in [0, 1) from the platform's CSPRNG (node and browsers alike). */
const secureRandom = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;

async function withRequest(store: StoreReads, call: AuthedCall, review: QualityReview): Promise<QualityReviewWithRequest> {
    const request = await store.request(review.requestKind, review.requestId) ?? refuse('not_found', `sampled ${review.requestKind} ${review.requestId} not found`);
    const shown = present(request, call.view);
    // Blind (every field that tells the decision null) until the verdict; the full request after it.
    return { ...review, request: review.verdict === null ? blindRequest(shown) : shown };
}

/** POST /quality-samples: every problem of the body at once (docs/api.md §6.8). */
async function sampleRequest(call: AuthedCall) {
    const accounts = new Set((await call.deps.store.accounts()).map(account => account.id));
    const body = await readBody(call);
    const { value, fields } = bodyProblems(qualitySampleBody(id => accounts.has(id)), body);
    const range = fields.from || fields.to ? null : checkRange(body.from, body.to);
    if (range && !range.ok) Object.assign(fields, range.fields);
    if (!value || !range?.ok) return refuse('bad_request', 'a sample needs operatorId, from, to (YYYY-MM-DD, from <= to) and 0 < rate <= 1', { fields });
    return { ...value, range: range.range };
}

export function quality(app: Hono, deps: AppDeps) {
    const { base } = deps.config;
    const { store } = deps;
    const samples = `${base}/quality-samples`;
    const reviews = `${base}/quality-reviews`;
    const supervisors = (handler: (call: AuthedCall) => Promise<Response>) => endpoint(deps, handler, { supervisorOnly: true });

    app.post(samples, supervisors(async call => {
        const { operatorId, range, rate } = await sampleRequest(call);
        // Four eyes: a supervisor's own decisions are re-reviewed by someone else.
        if (operatorId === call.user.id) refuse('four_eyes_same_person', 'four-eyes rule: nobody samples their own decisions');
        const sample = await store.transaction(async tx => {
            const population = await tx.samplingPopulation(operatorId, range);
            const drawn = drawSample(population, sampleSize(rate, population.length), secureRandom)
                .sort((a, b) => a.decidedAt!.localeCompare(b.decidedAt!) || a.id.localeCompare(b.id));
            return tx.createQualitySample(
                { operatorId, from: range.from, to: range.to, rate, createdBy: call.user.id, createdAt: deps.now().toISOString() },
                drawn.map(request => ({ requestKind: request.kind, requestId: request.id, operatorId, decidedAt: request.decidedAt!, verdict: null, note: null, reviewedBy: null, reviewedAt: null, outcome: null, reasons: null })),
            );
        });
        return json(sample, 201);
    }));
    app.get(samples, supervisors(async call => {
        const query = parseListQuery(call.url.searchParams, QUALITY_SAMPLE_LIST);
        const page = await store.qualitySamples(query);
        return listJson('quality-samples', page.rows, query.range[0], page.total);
    }));
    app.get(`${samples}/:id`, supervisors(async call => json(await store.qualitySample(call.params.id ?? '') ?? refuse('not_found', `quality sample ${call.params.id} not found`))));
    app.on(['PUT', 'PATCH', 'DELETE'], samples, refuseWrites(deps, 'GET, POST'));
    app.on(['POST', 'PUT', 'PATCH', 'DELETE'], `${samples}/:id`, refuseWrites(deps));

    app.get(reviews, supervisors(async call => {
        const query = parseListQuery(call.url.searchParams, QUALITY_REVIEW_LIST);
        const page = await store.qualityReviews(query);
        return listJson('quality-reviews', page.rows, query.range[0], page.total);
    }));
    const findReview = async (id: string) => await store.qualityReview(id) ?? refuse('not_found', `quality review ${id} not found`);
    app.get(`${reviews}/:id`, supervisors(async call => json(await withRequest(store, call, await findReview(call.params.id ?? '')))));
    app.post(`${reviews}/:id/verdict`, supervisors(async call => {
        const { verdict, note: given } = checkBody(verdictBody, await readBody(call));
        // A disagreement must say why; an agreement may.
        const note = given || null;
        if (verdict === 'disagree' && (note === null || note.trim() === '')) badField('note', 'required');
        const id = call.params.id ?? '';
        const reviewed = await store.transaction(async tx => {
            const found = await tx.qualityReview(id) ?? refuse('not_found', `quality review ${id} not found`);
            if (found.operatorId === call.user.id) refuse('four_eyes_same_person', 'four-eyes rule: nobody gives a verdict on their own decision');
            // A request is sampled once: locking it makes two verdicts on its review wait for each other.
            const request = await tx.lockRequest(found.requestKind, found.requestId) ?? refuse('not_found', `sampled ${found.requestKind} ${found.requestId} not found`);
            const review = (await tx.qualityReview(id))!;
            if (review.verdict !== null) refuse('conflict_state', `quality review ${review.id} already has a verdict`);
            const done: QualityReview = {
                ...review, verdict, note, reviewedBy: call.user.id, reviewedAt: deps.now().toISOString(),
                outcome: request.decision?.outcome ?? null, reasons: request.decision ? [...request.decision.reasons] : null,
            };
            await tx.saveQualityReview(done);
            await tx.appendAudit({
                at: deps.now().toISOString(), actor: call.user.id, action: 'quality_verdict', requestKind: request.kind, requestId: request.id,
                fromStatus: request.status, toStatus: request.status, reasons: [verdict], note,
            });
            return done;
        });
        return json(await withRequest(store, call, reviewed));
    }));
    for (const route of [reviews, `${reviews}/:id`]) app.on(['POST', 'PUT', 'PATCH', 'DELETE'], route, refuseWrites(deps));
}
