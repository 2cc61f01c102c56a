import { isClaimCandidate } from '../../src/domain/claimNext';
import { rangeBounds, type DayRange } from '../../src/domain/dayRange';
import { auditPredicate } from '../../src/domain/lists/audit';
import { noticePredicate } from '../../src/domain/lists/notices';
import { noticeId } from '../../src/domain/notices';
import { isPurgeDue } from '../../src/domain/retention';
import { pageOf } from '../../src/domain/lists/page';
import { qualityReviewPredicate, qualitySamplePredicate } from '../../src/domain/lists/quality';
import { requestPredicate, type RequestListQuery } from '../../src/domain/lists/requests';
import { compareQueueOrder, isHeldBy } from '../../src/domain/queueOrder';
import type { AuditDraft } from '../../src/domain/transitions';
import type { AuditEntry, Notice, QualityReview, QualitySample, ReviewRequest, Verification } from '../../src/domain/types';
import type { AccountEvent, IntakeSubmission, Session, Store, StoreReads, StoreWrites } from '../../server/store/store';
import type { Db } from '../db';
import { auditId, qualityReviewId, qualitySampleId } from '../seed/seed';
import { createListIndex } from './listIndex';
import { createMutex } from './mutex';
import { cachedSearchText } from './searchText';

// The mock's store: the in-memory Db (mocks/db.ts) behind the contract app's Store interface. Transactions run one at a
// time (a mutex) and buffer their writes, which land together when the work returns, or not at all when it throws.

export function createMemoryStore(db: Db): Store {
    const index = createListIndex(db, cachedSearchText);
    const mutex = createMutex();
    // When the next claim lapses, valid while the store stays as it was (no claim, heartbeat or decision since).
    let nextLapse: { state: Db['state']; changes: number; at: number } | null = null;

    function earliestClaimEnd(): number {
        let next = Number.POSITIVE_INFINITY;
        // Only requests in review hold a claim: the index keeps them apart.
        for (const kind of ['verification', 'cancellation'] as const) {
            for (const record of index.open(kind).inReview) {
                if (record.status === 'in_review' && record.claimExpiresAt) next = Math.min(next, Date.parse(record.claimExpiresAt));
            }
        }
        return next;
    }

    // Login throttling's counters and the account events: kept for the process's life, not in the demo's saved state.
    const loginFailures = new Map<string, string[]>();
    const accountEvents: AccountEvent[] = [];
    // Intake's idempotency keys, for the process's life (a demo reset forgets the requests they name: then they name none).
    const intakeSubmissions = new Map<string, IntakeSubmission>();

    const reads: StoreReads = {
        // The mock has no way to disable an account.
        accounts: async () => db.operators.map(operator => ({ ...operator, disabled: false })),
        credentials: async username => {
            const account = db.operators.find(op => op.username === username);
            // Demo accounts share one password (mocks/app.ts checks it): no hash is kept.
            return account ? { account, passwordHash: null } : null;
        },
        session: async token => db.state.sessions[token] ?? null,
        loginFailures: async (key, since) => (loginFailures.get(key) ?? []).filter(at => Date.parse(at) >= since.getTime()),
        accountEvents: async username => accountEvents.map((event, i) => ({ ...event, seq: i + 1 })).filter(event => username === undefined || event.username === username),
        request: async (kind, id) => db.find(kind, id) ?? null,
        async requests(query: RequestListQuery) {
            const { kind, filter, sort, range, viewerId, now } = query;
            const queue = (a: ReviewRequest, b: ReviewRequest) => compareQueueOrder(a, b, viewerId);
            const given = Object.keys(filter);
            // The queue as the console opens it (open requests, queue order): from the index, without reading the store.
            if (given.length === 1 && filter.open === true && sort.field === 'queue' && sort.order === 'ASC') {
                const { slice, total } = index.openQueuePage(kind, viewerId, range[0], range[1]);
                return { rows: slice, total };
            }
            // A search reads only the requests whose text holds the needle.
            const candidates = (filter.search && index.searchMatches(kind, filter.search)) || db.collection(kind);
            const noticeFailed = filter.noticeFailed === undefined ? undefined : new Set(db.state.notices.filter(notice => notice.state === 'failed').map(notice => notice.requestId));
            return pageOf(candidates.filter(requestPredicate(filter, now, cachedSearchText, noticeFailed)), sort, range, { queue });
        },
        hasExpiredClaims: async now => {
            if (!nextLapse || nextLapse.state !== db.state || nextLapse.changes !== db.changes) nextLapse = { state: db.state, changes: db.changes, at: earliestClaimEnd() };
            return now.getTime() >= nextLapse.at;
        },
        auditEntries: async query => pageOf(db.state.audit.filter(auditPredicate(query.filter)), query.sort, query.range),
        auditEntry: async id => db.state.audit.find(entry => entry.id === id) ?? null,
        async lastAuditEntry(requestId) {
            const { audit } = db.state;
            for (let i = audit.length - 1; i >= 0; i -= 1) if (audit[i]!.requestId === requestId) return audit[i]!;
            return null;
        },
        qualitySamples: async query => pageOf(db.state.qualitySamples.filter(qualitySamplePredicate(query.filter)), query.sort, query.range),
        qualitySample: async id => db.state.qualitySamples.find(sample => sample.id === id) ?? null,
        qualityReviews: async query => pageOf(db.state.qualityReviews.filter(qualityReviewPredicate(query.filter)), query.sort, query.range),
        qualityReview: async id => db.state.qualityReviews.find(review => review.id === id) ?? null,
        intakeSubmission: async key => {
            const found = intakeSubmissions.get(key);
            return found && db.findAny(found.requestId) ? found : null;
        },
        dueNumberReleases: async (now, limit) => (db.state.cancellations
            .filter(r => r.status === 'approved' && r.numberReleasedAt === null && r.numberRelease && Date.parse(r.numberRelease.nextAttemptAt) <= now.getTime())
            .sort((a, b) => Date.parse(a.numberRelease!.nextAttemptAt) - Date.parse(b.numberRelease!.nextAttemptAt))
            .slice(0, limit)),
        notices: async query => pageOf(db.state.notices.filter(noticePredicate(query.filter)), query.sort, query.range),
        statsFacts: async () => ({ audit: db.state.audit, requests: [...db.state.verifications, ...db.state.cancellations], qualityReviews: db.state.qualityReviews }),
    };

    /** A transaction's view: the committed store with its own writes laid over it. */
    function transactionOn(): { tx: StoreWrites; commit(): void } {
        const records = new Map<string, ReviewRequest>();
        const audit: AuditEntry[] = [];
        const sessions = new Map<string, Session | null>();
        const samples: QualitySample[] = [];
        const reviews = new Map<string, QualityReview>();
        const failures = new Map<string, string[]>();
        const events: AccountEvent[] = [];
        const inserted: ReviewRequest[] = [];
        const submissions: IntakeSubmission[] = [];
        const notices = new Map<string, Notice>();
        const created: Notice[] = [];
        const currentNotice = (notice: Notice) => notices.get(notice.id) ?? notice;
        const current = <T extends ReviewRequest | undefined>(record: T): T => (record ? (records.get(record.id) as T) ?? record : record);

        const tx: StoreWrites = {
            ...reads,
            session: async token => (sessions.has(token) ? sessions.get(token)! : reads.session(token)),
            request: async (kind, id) => current(db.find(kind, id)) ?? null,
            async lastAuditEntry(requestId) {
                for (let i = audit.length - 1; i >= 0; i -= 1) if (audit[i]!.requestId === requestId) return audit[i]!;
                return reads.lastAuditEntry(requestId);
            },
            qualityReview: async id => reviews.get(id) ?? reads.qualityReview(id),
            lockRequest: async (kind, id) => current(db.find(kind, id)) ?? null,
            async lockNextCandidate(kind, viewerId, exclude) {
                const { byDue, inReview } = index.open(kind);
                // Queue order: a request the viewer holds before any pending one; each group by due time, then id.
                // One record at a time: the first candidate is near the front of a long queue.
                for (const held of inReview) {
                    const record = current(held);
                    if (isHeldBy(record, viewerId) && !exclude.has(record.id)) return record;
                }
                for (const queued of byDue) {
                    const record = current(queued);
                    if (isClaimCandidate(record, viewerId, exclude)) return record;
                }
                return null;
            },
            async lockPurgeDue(decidedBefore, disputeBefore, limit) {
                const all = [...db.state.verifications, ...db.state.cancellations].map(current);
                const disputed = new Set(all.map(record => record.previousId).filter((id): id is string => id !== null));
                return all.filter(record => isPurgeDue(record, disputed.has(record.id), { decidedBefore, disputeBefore }))
                    .sort((a, b) => (a.decidedAt! < b.decidedAt! ? -1 : a.decidedAt! > b.decidedAt! ? 1 : a.id < b.id ? -1 : 1)).slice(0, limit);
            },
            async lockExpiredClaims(now) {
                if (!(await reads.hasExpiredClaims(now))) return [];
                const at = now.getTime();
                return [...db.state.verifications, ...db.state.cancellations].map(current)
                    .filter(record => record.status === 'in_review' && record.claimExpiresAt !== null && Date.parse(record.claimExpiresAt) <= at);
            },
            saveRequest: async record => void records.set(record.id, record),
            async appendAudit(entry: AuditDraft) {
                const written: AuditEntry = { id: auditId(db.state.audit.length + audit.length + 1), ...entry };
                audit.push(written);
                return written;
            },
            createSession: async (token, session) => void sessions.set(token, session),
            deleteSession: async token => void sessions.set(token, null),
            loginFailures: async (key, since) => (failures.has(key) ? failures.get(key)!.filter(at => Date.parse(at) >= since.getTime()) : reads.loginFailures(key, since)),
            async recordLoginFailure(key, at, pruneBefore) {
                const recent = (times: string[]) => times.filter(time => Date.parse(time) >= pruneBefore.getTime());
                // Every key's old failures go: the map holds one window of them, however many usernames are tried.
                for (const [other, times] of loginFailures) if (!failures.has(other)) failures.set(other, recent(times));
                failures.set(key, [...recent(failures.get(key) ?? []), at.toISOString()]);
            },
            clearLoginFailures: async key => void failures.set(key, []),
            appendAccountEvent: async event => void events.push(event),
            async samplingPopulation(operatorId: string, range: DayRange) {
                const { startMs, endMs } = rangeBounds(range);
                const sampled = new Set([...db.state.qualityReviews, ...reviews.values()].map(review => review.requestId));
                return [...db.state.verifications, ...db.state.cancellations].map(current).filter(request => {
                    if (request.decidedBy !== operatorId || request.decidedAt === null || sampled.has(request.id)) return false;
                    const decidedAt = Date.parse(request.decidedAt);
                    return decidedAt >= startMs && decidedAt < endMs;
                });
            },
            async createQualitySample(draft, drafts) {
                const sample: QualitySample = { id: qualitySampleId(db.state.qualitySamples.length + samples.length + 1), ...draft, reviewIds: [] };
                for (const review of drafts) {
                    const id = qualityReviewId(db.state.qualityReviews.length + reviews.size + 1);
                    reviews.set(id, { id, sampleId: sample.id, ...review });
                    sample.reviewIds.push(id);
                }
                samples.push(sample);
                return sample;
            },
            saveQualityReview: async review => void reviews.set(review.id, review),
            // Transactions run one at a time: the key is this one's already.
            lockIntakeKey: async () => undefined,
            intakeSubmission: async key => submissions.find(s => s.idempotencyKey === key) ?? reads.intakeSubmission(key),
            async insertRequest(draft, submission) {
                const prefix = draft.kind === 'verification' ? 'V' : 'C';
                const taken = [...db.collection(draft.kind), ...inserted.filter(r => r.kind === draft.kind)].map(r => Number(r.id.slice(2)) || 0);
                const id = `${prefix}-${String(Math.max(0, ...taken) + 1).padStart(6, '0')}`;
                const record = { ...draft, id } as ReviewRequest;
                inserted.push(record);
                if (submission) submissions.push({ ...submission, requestKind: draft.kind, requestId: id });
                return record;
            },
            lockVerificationsWithIdNumber: async idNumber => [...db.state.verifications.map(current), ...inserted]
                .filter((record): record is Verification => record.kind === 'verification' && record.idNumber.toUpperCase() === idNumber.toUpperCase()),
            notices: async query => pageOf([...db.state.notices.map(currentNotice), ...created.map(currentNotice)].filter(noticePredicate(query.filter)), query.sort, query.range),
            async appendNotices(drafts) {
                return drafts.map(draft => {
                    const notice: Notice = { id: noticeId(db.state.notices.length + created.length + 1), ...draft };
                    created.push(notice);
                    notices.set(notice.id, notice);
                    return notice;
                });
            },
            async lockDueNotices(now, limit) {
                const at = now.getTime();
                return db.state.notices.map(currentNotice)
                    .filter(n => (n.state === 'queued' || n.state === 'sending') && n.nextAttemptAt !== null && Date.parse(n.nextAttemptAt) <= at)
                    .slice(0, limit);
            },
            lockNotices: async ids => [...db.state.notices.map(currentNotice), ...created.map(currentNotice)].filter(n => ids.includes(n.id)),
            saveNotice: async notice => void notices.set(notice.id, notice),
        };

        function commit() {
            const { state } = db;
            for (const record of inserted) {
                const saved = records.get(record.id) ?? record;
                records.delete(record.id);
                if (saved.kind === 'verification') state.verifications.push(saved);
                else state.cancellations.push(saved);
            }
            const edited = [...records.values()].map(record => Object.assign(db.findAny(record.id)!, record));
            state.audit.push(...audit);
            for (const [token, session] of sessions) {
                if (session) state.sessions[token] = session;
                else delete state.sessions[token];
            }
            for (const [key, times] of failures) {
                if (times.length > 0) loginFailures.set(key, times);
                else loginFailures.delete(key);
            }
            accountEvents.push(...events);
            state.qualitySamples.push(...samples);
            for (const review of reviews.values()) {
                const known = state.qualityReviews.find(r => r.id === review.id);
                if (known) Object.assign(known, review);
                else state.qualityReviews.push(review);
            }
            for (const submission of submissions) intakeSubmissions.set(submission.idempotencyKey, submission);
            // A new request: the id index, the list indexes and everyone's duplicates are recomputed.
            if (inserted.length > 0) db.reindex();
            for (const notice of notices.values()) {
                const known = state.notices.findIndex(n => n.id === notice.id);
                if (known >= 0) state.notices[known] = notice;
                else state.notices.push(notice);
            }
            if (records.size + audit.length + sessions.size + samples.length + reviews.size + inserted.length + notices.size > 0) {
                db.changed();
                index.recordsChanged(edited);
            }
        }
        return { tx, commit };
    }

    return {
        ...reads,
        transaction: work => mutex.run(async () => {
            const { tx, commit } = transactionOn();
            const result = await work(tx);
            commit();
            return result;
        }),
        refreshDerived: async () => db.refreshDerived(),
        close: async () => undefined,
    };
}
