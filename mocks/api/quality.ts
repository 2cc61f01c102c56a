import { http, type HttpHandler } from 'msw';
import { checkRange, rangeBounds } from '../../src/domain/dayRange';
import { blindRequest, drawSample, isSamplingRate, sampleSize } from '../../src/domain/qualitySampling';
import type { QualityReview, QualityReviewWithRequest, QualitySample, QualityVerdict, ReviewRequest } from '../../src/domain/types';
import type { Db } from '../db';
import { qualityReviewId, qualitySampleId } from '../seed/seed';
import { endpoint, readBody, refuseWrites, type Context, type ServerOptions } from './endpoint';
import { oneOf, page, parseListQuery } from './listQuery';
import { optionalText, present, requiredText } from './requests';
import { ApiError, badRequest, json } from './respond';

// Quality sampling (supervisors only): draw a share of an operator's decisions, re-review each one blind, give a verdict.
// Samples and reviews are created only by POST /quality-samples and changed only by the verdict; otherwise read-only.

const SAMPLE_LIST = { sortable: ['id', 'createdAt', 'operatorId'], filterable: ['id', 'operatorId', 'createdBy'] };
const REVIEW_LIST = { sortable: ['id', 'decidedAt', 'reviewedAt'], filterable: ['id', 'sampleId', 'operatorId', 'verdict'] };
const VERDICT_FILTERS = ['pending', 'agree', 'disagree'];
const VERDICTS: readonly QualityVerdict[] = ['agree', 'disagree'];

/** Uniform in [0, 1) from the platform's CSPRNG (node and browsers alike). */
const secureRandom = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;

const has = (filter: Record<string, unknown>, key: string) => filter[key] !== undefined && filter[key] !== '';

function keepSample(sample: QualitySample, filter: Record<string, unknown>) {
    return (!has(filter, 'id') || oneOf(filter.id).includes(sample.id))
        && (!has(filter, 'operatorId') || oneOf(filter.operatorId).includes(sample.operatorId))
        && (!has(filter, 'createdBy') || oneOf(filter.createdBy).includes(sample.createdBy));
}

function keepReview(review: QualityReview, filter: Record<string, unknown>) {
    return (!has(filter, 'id') || oneOf(filter.id).includes(review.id))
        && (!has(filter, 'sampleId') || oneOf(filter.sampleId).includes(review.sampleId))
        && (!has(filter, 'operatorId') || oneOf(filter.operatorId).includes(review.operatorId))
        && (!has(filter, 'verdict') || oneOf(filter.verdict).includes(review.verdict ?? 'pending'));
}

function sampledRequest(ctx: Context, review: QualityReview): ReviewRequest {
    const request = ctx.db.find(review.requestKind, review.requestId);
    if (!request) throw new ApiError(404, 'not_found', `sampled ${review.requestKind} ${review.requestId} not found`);
    return request;
}

/** A review with its request: blind (every BlindedRequestField null) until the verdict, the full request after it. */
function withRequest(ctx: Context, review: QualityReview): QualityReviewWithRequest {
    const request = present(sampledRequest(ctx, review), ctx);
    return { ...review, request: review.verdict === null ? blindRequest(request) : request };
}

function findReview(ctx: Context): QualityReview {
    const review = ctx.db.state.qualityReviews.find(r => r.id === ctx.params.id);
    if (!review) throw new ApiError(404, 'not_found', `quality review ${ctx.params.id} not found`);
    return review;
}

/** POST /quality-samples: checks the body; every field problem is reported at once. */
function sampleRequest(ctx: Context, body: Record<string, unknown>) {
    const fields: Record<string, string> = {};
    const { operatorId, rate } = body;
    if (typeof operatorId !== 'string' || operatorId === '') fields.operatorId = 'required';
    else if (!ctx.db.operators.some(op => op.id === operatorId)) fields.operatorId = 'unknown';
    const range = checkRange(body.from, body.to);
    if (!range.ok) Object.assign(fields, range.fields);
    if (rate === undefined || rate === null) fields.rate = 'required';
    else if (!isSamplingRate(rate)) fields.rate = 'invalid';
    if (Object.keys(fields).length > 0 || !range.ok) throw badRequest('a sample needs operatorId, from, to (YYYY-MM-DD, from <= to) and 0 < rate <= 1', fields);
    return { operatorId: operatorId as string, range: range.range, rate: rate as number };
}

export function qualityHandlers(db: Db, options: ServerOptions): HttpHandler[] {
    const samples = `*${options.base}/quality-samples`;
    const reviews = `*${options.base}/quality-reviews`;
    const supervisors = (handler: (ctx: Context) => Response | Promise<Response>) => endpoint(db, options, handler, { supervisorOnly: true });

    return [
        http.post(samples, supervisors(async ctx => {
            const { operatorId, range, rate } = sampleRequest(ctx, await readBody(ctx.request));
            // Four eyes: a supervisor's own decisions are re-reviewed by someone else.
            if (operatorId === ctx.user.id) throw new ApiError(403, 'four_eyes_same_person', 'four-eyes rule: nobody samples their own decisions');
            const { state } = ctx.db;
            const { startMs, endMs } = rangeBounds(range);
            const alreadySampled = new Set(state.qualityReviews.map(r => r.requestId));
            const candidates: ReviewRequest[] = [];
            for (const request of [...state.verifications, ...state.cancellations]) {
                if (request.decidedBy !== operatorId || request.decidedAt === null || alreadySampled.has(request.id)) continue;
                const decidedAt = Date.parse(request.decidedAt);
                if (decidedAt >= startMs && decidedAt < endMs) candidates.push(request);
            }
            const drawn = drawSample(candidates, sampleSize(rate, candidates.length), secureRandom)
                .sort((a, b) => a.decidedAt!.localeCompare(b.decidedAt!) || a.id.localeCompare(b.id));
            const sample: QualitySample = {
                id: qualitySampleId(state.qualitySamples.length + 1), operatorId, from: range.from, to: range.to, rate,
                createdBy: ctx.user.id, createdAt: ctx.db.now().toISOString(), reviewIds: [],
            };
            for (const request of drawn) {
                const review: QualityReview = {
                    id: qualityReviewId(state.qualityReviews.length + 1), sampleId: sample.id, requestKind: request.kind, requestId: request.id,
                    operatorId, decidedAt: request.decidedAt!, verdict: null, note: null, reviewedBy: null, reviewedAt: null, outcome: null, reasons: null,
                };
                state.qualityReviews.push(review);
                sample.reviewIds.push(review.id);
            }
            state.qualitySamples.push(sample);
            ctx.db.changed();
            return json(sample, 201);
        })),
        http.get(samples, supervisors(ctx => {
            const query = parseListQuery(ctx.url, SAMPLE_LIST);
            const { slice, contentRange } = page('quality-samples', ctx.db.state.qualitySamples.filter(s => keepSample(s, query.filter)), query, { field: 'id', order: 'DESC' });
            return json(slice, 200, { 'Content-Range': contentRange });
        })),
        http.get(`${samples}/:id`, supervisors(ctx => {
            const sample = ctx.db.state.qualitySamples.find(s => s.id === ctx.params.id);
            if (!sample) throw new ApiError(404, 'not_found', `quality sample ${ctx.params.id} not found`);
            return json(sample);
        })),
        ...refuseWrites(db, options, samples, 'GET, POST', ['put', 'patch', 'delete']),
        ...refuseWrites(db, options, `${samples}/:id`),

        http.get(reviews, supervisors(ctx => {
            const query = parseListQuery(ctx.url, REVIEW_LIST);
            if (has(query.filter, 'verdict') && !oneOf(query.filter.verdict).every(v => VERDICT_FILTERS.includes(v))) {
                throw badRequest('"verdict" is pending, agree or disagree', { verdict: 'invalid' });
            }
            const rows = ctx.db.state.qualityReviews.filter(r => keepReview(r, query.filter));
            const { slice, contentRange } = page('quality-reviews', rows, query, { field: 'id', order: 'DESC' });
            return json(slice, 200, { 'Content-Range': contentRange });
        })),
        http.get(`${reviews}/:id`, supervisors(ctx => json(withRequest(ctx, findReview(ctx))))),
        http.post(`${reviews}/:id/verdict`, supervisors(async ctx => {
            const body = await readBody(ctx.request);
            const verdict = body.verdict;
            if (verdict === undefined || verdict === null || verdict === '') throw badRequest('"verdict" is required', { verdict: 'required' });
            if (!VERDICTS.includes(verdict as QualityVerdict)) throw badRequest('"verdict" is agree or disagree', { verdict: 'invalid' });
            const given = verdict as QualityVerdict;
            // A disagreement must say why; an agreement may.
            const note = given === 'disagree' ? requiredText(body, 'note', 2000) : optionalText(body, 'note', 2000);
            const review = findReview(ctx);
            if (review.operatorId === ctx.user.id) throw new ApiError(403, 'four_eyes_same_person', 'four-eyes rule: nobody gives a verdict on their own decision');
            if (review.verdict !== null) throw new ApiError(409, 'conflict_state', `quality review ${review.id} already has a verdict`);
            const request = sampledRequest(ctx, review);
            Object.assign(review, {
                verdict: given, note, reviewedBy: ctx.user.id, reviewedAt: ctx.db.now().toISOString(),
                outcome: request.decision?.outcome ?? null, reasons: request.decision ? [...request.decision.reasons] : null,
            } satisfies Partial<QualityReview>);
            ctx.db.appendAudit({
                actor: ctx.user.id, action: 'quality_verdict', requestKind: request.kind, requestId: request.id,
                fromStatus: request.status, toStatus: request.status, reasons: [given], note,
            });
            ctx.db.changed();
            return json(withRequest(ctx, review));
        })),
        ...refuseWrites(db, options, reviews),
        ...refuseWrites(db, options, `${reviews}/:id`),
    ];
}
