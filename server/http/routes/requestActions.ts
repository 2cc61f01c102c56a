import type { Hono } from 'hono';
import { approveBody, claimNextBody, reassignBody, rejectBody, releaseBody, revealBody, sendBackBody } from '../../../src/contract/bodies';
import { mayReveal } from '../../../src/domain/identityMasking';
import { invalidReasonIds } from '../../../src/domain/reasonCatalogue';
import { refuse } from '../../../src/domain/refusal';
import { CLAIM_TTL_MS } from '../../../src/domain/requestStatus';
import { approve, claim, reassign, reject, release, sendBack, type Actor, type Change } from '../../../src/domain/transitions';
import type { AccountFacts, RequestKind, ReviewRequest } from '../../../src/domain/types';
import type { StoreWrites } from '../../store/store';
import { apply } from '../apply';
import { lapseWithin } from '../claims';
import { releaseNumber } from '../numberRelease';
import type { AppDeps } from '../deps';
import { endpoint, type AuthedCall } from '../endpoint';
import { presentTo } from '../present';
import { HttpError, json } from '../respond';
import { checkBody, readBody } from '../validate';

// The explicit actions on requests (docs/api.md §7): claim, claim-next, release, approve, reject, and for supervisors
// send-back and reassign. Each one is a transaction: lock the request, apply the rule, write the record and its entry.

const claimLifetime = (deps: AppDeps) => deps.config.claimTtlMs ?? CLAIM_TTL_MS;

const RESOURCE: Record<RequestKind, string> = { verification: 'verifications', cancellation: 'cancellations' };

/** claim-next inside a transaction: lapse what expired, then claim the first candidate; null when nothing is left. */
async function claimNextWithin(tx: StoreWrites, kind: RequestKind, actor: Actor, exclude: ReadonlySet<string>, now: Date, claimTtlMs: number): Promise<ReviewRequest | null> {
    // Claims that expired while the body was read lapse first, so an expired claim is never answered as held.
    await lapseWithin(tx, now);
    const next = await tx.lockNextCandidate(kind, actor.id, exclude);
    return next ? apply(tx, claim(next, actor, now, claimTtlMs)) : null;
}

async function locked(tx: StoreWrites, kind: RequestKind, id: string): Promise<ReviewRequest> {
    return (await tx.lockRequest(kind, id)) ?? refuse('not_found', `${kind} ${id} not found`);
}

/**
 * The account facts of a cancellation as the billing system says now (docs/api.md §6.2); null for a verification or without
 * a source; an Error when the system cannot say.
 */
async function currentFacts(deps: AppDeps, record: ReviewRequest | null): Promise<AccountFacts | Error | null> {
    if (!deps.accountFacts || record?.kind !== 'cancellation') return null;
    try {
        return await deps.accountFacts.facts(record);
    } catch (error) {
        console.error('[review api]', error instanceof Error ? error.message : error);
        return error instanceof Error ? error : new Error(String(error));
    }
}

const sameFacts = (a: AccountFacts, b: AccountFacts) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A cancellation just opened for review (claimed) takes the billing system's facts, unless something happened to it since
 * (its version moved). Not a state change: no version, no audit entry. When the system cannot say, the stored facts stay.
 */
async function withCurrentFacts(deps: AppDeps, record: ReviewRequest | null): Promise<ReviewRequest | null> {
    const facts = await currentFacts(deps, record);
    if (!record || record.kind !== 'cancellation' || facts === null || facts instanceof Error || sameFacts(facts, record.account)) return record;
    return deps.store.transaction(async tx => {
        const locked = await tx.lockRequest(record.kind, record.id);
        if (!locked || locked.kind !== 'cancellation' || locked.version !== record.version) return locked ?? record;
        const updated = { ...locked, account: facts };
        await tx.saveRequest(updated);
        return updated;
    });
}

const answer = (call: AuthedCall, record: ReviewRequest, replay = false) =>
    json(presentTo(record, call.view, call.user), 200, replay ? { 'Idempotent-Replay': 'true' } : {});

/**
 * One action on one request, in one transaction. `next` (decide-and-claim-next): the same transaction then claims the
 * caller's next request, and the answer is {decided, next}.
 */
async function act(call: AuthedCall, kind: RequestKind, rule: (record: ReviewRequest, tx: StoreWrites, now: Date) => Change | Promise<Change>, next?: { exclude?: string[] }) {
    const { store, now } = call.deps;
    const result = await store.transaction(async tx => {
        const at = now();
        const change = await rule(await locked(tx, kind, call.params.id ?? ''), tx, at);
        const decided = await apply(tx, change);
        const following = next ? await claimNextWithin(tx, kind, call.user, new Set(next.exclude ?? []), at, claimLifetime(call.deps)) : undefined;
        return { decided, replay: change.type === 'replay', following };
    });
    // An approved cancellation's number goes back to the pool now; when that fails, the server's loop retries it.
    const decided = result.replay ? result.decided : await releaseNumber(call.deps, result.decided);
    const { replay } = result;
    const following = result.following ? await withCurrentFacts(call.deps, result.following) : result.following;
    if (!next) return answer(call, decided, replay);
    return json({ decided: presentTo(decided, call.view, call.user), next: following ? presentTo(following, call.view, call.user) : null }, 200, replay ? { 'Idempotent-Replay': 'true' } : {});
}

export function requestActions(app: Hono, deps: AppDeps, kind: RequestKind) {
    const path = `${deps.config.base}/${RESOURCE[kind]}`;
    const on = (handler: (call: AuthedCall) => Promise<Response>) => endpoint(deps, handler);
    const supervisors = (handler: (call: AuthedCall) => Promise<Response>) => endpoint(deps, handler, { supervisorOnly: true });

    // "Review next". Before `${path}/:id`: "claim-next" is never an id.
    app.post(`${path}/claim-next`, on(async call => {
        const { exclude } = checkBody(claimNextBody, await readBody(call));
        const claimed = await deps.store.transaction(tx => claimNextWithin(tx, kind, call.user, new Set(exclude ?? []), deps.now(), claimLifetime(deps)));
        return claimed ? answer(call, (await withCurrentFacts(deps, claimed))!) : refuse('queue_empty', `no ${kind} left to review`);
    }));

    app.post(`${path}/:id/claim`, on(async call => {
        const claimed = await act(call, kind, (record, _tx, now) => claim(record, call.user, now, claimLifetime(deps)));
        // Opened for review (and kept open: the heartbeat's claims): a cancellation shows the billing system's facts now.
        if (kind !== 'cancellation' || !deps.accountFacts || claimed.status !== 200) return claimed;
        const record = await deps.store.request(kind, call.params.id ?? '');
        if (!record || record.status !== 'in_review' || record.assignee !== call.user.id) return claimed;
        return answer(call, (await withCurrentFacts(deps, record))!);
    }));

    app.post(`${path}/:id/release`, on(async call => {
        const { note } = checkBody(releaseBody, await readBody(call));
        return act(call, kind, (record, _tx, now) => release(record, call.user, now, note || null));
    }));

    app.post(`${path}/:id/approve`, on(async call => {
        const { version, note, next } = checkBody(approveBody, await readBody(call));
        // The billing system's facts now (a bill that appeared since submission blocks the approval): read just before the
        // approval's transaction, which checks the preconditions on them.
        const facts = await currentFacts(deps, await deps.store.request(kind, call.params.id ?? ''));
        return act(call, kind, (record, _tx, now) => {
            if (record.kind === 'cancellation' && facts instanceof Error && (record.status === 'in_review' || record.status === 'awaiting_second_approval')) {
                refuse('preconditions_failed', 'the account facts could not be read from the billing system', { preconditions: ['account_facts_unavailable'], record });
            }
            const current = record.kind === 'cancellation' && facts !== null && !(facts instanceof Error) ? { ...record, account: facts } : record;
            return approve(current, call.user, now, { version, note: note || null }, deps.config.fourEyesThresholdIdr);
        }, next);
    }));

    app.post(`${path}/:id/reject`, on(async call => {
        const body = checkBody(rejectBody, await readBody(call), { reasons: 'invalid_reasons' });
        const reasons = [...new Set(body.reasons)];
        const invalid = invalidReasonIds(kind, reasons);
        if (invalid.length > 0) refuse('invalid_reasons', `not ${kind} reason codes: ${invalid.join(', ')}`, { fields: { reasons: 'invalid' } });
        const input = { version: body.version, reasons, note: body.note || null, customerMessage: body.customerMessage || null };
        return act(call, kind, (record, _tx, now) => reject(record, call.user, now, input), body.next);
    }));

    // Four eyes: a supervisor returns a first-approved cancellation to the queue. Under verifications the route is unknown (404).
    if (kind === 'cancellation') {
        app.post(`${path}/:id/send-back`, supervisors(async call => {
            const input = checkBody(sendBackBody, await readBody(call));
            return act(call, kind, async (record, tx, now) => sendBack(record, call.user, now, input, await tx.lastAuditEntry(record.id)));
        }));
    }

    // "Show identity data" (docs/api.md §6.10): with a purpose, for supervisors and whoever decided the request; audited.
    app.post(`${path}/:id/reveal`, on(async call => {
        const { purpose } = checkBody(revealBody, await readBody(call));
        const record = await deps.store.transaction(async tx => {
            const found = await locked(tx, kind, call.params.id ?? '');
            if (!mayReveal(found, call.user)) throw new HttpError('forbidden', 'identity data is shown to supervisors and to whoever decided the request');
            await tx.appendAudit({
                at: deps.now().toISOString(), actor: call.user.id, action: 'reveal', requestKind: kind, requestId: found.id,
                fromStatus: found.status, toStatus: found.status, reasons: [], note: purpose.trim(),
            });
            return found;
        });
        return json(presentTo(record, call.view, call.user, true));
    }));

    // A supervisor hands an open request to a named account, which then holds a fresh claim; no version: it overrides.
    app.post(`${path}/:id/reassign`, supervisors(async call => {
        const accounts = new Map((await deps.store.accounts()).map(account => [account.id, account]));
        const input = checkBody(reassignBody(id => accounts.has(id), id => accounts.get(id)?.disabled === true), await readBody(call));
        return act(call, kind, (record, _tx, now) => reassign(record, call.user, now, input, claimLifetime(deps)));
    }));
}
