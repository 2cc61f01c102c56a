import { composeCustomerMessage } from '../../src/domain/reasonCatalogue';
import { makeIdNumber, idCheckCharacter } from '../../src/domain/idNumber';
import { dueAt, type SlaCalendar, DEFAULT_SLA } from '../../src/domain/sla';
import { CLAIM_TTL_MS } from '../../src/domain/requestStatus';
import { DEFAULT_FOUR_EYES_THRESHOLD_IDR, requiresSecondApproval } from '../../src/domain/fourEyes';
import type { AuditEntry, Cancellation, Decision, Operator, QualityReview, QualitySample, Verification } from '../../src/domain/types';
import type { DocumentFlaw } from '../documents';
import { address, axisNumber, chineseMobile, deviceName, districtCodes, email, leavingReason, person } from './people';
import { createRandom, type Random } from '../../src/domain/random';

// Builds the demo store: realistic queues with deliberately faulty requests, decided history and resubmissions.

export const OPERATORS: readonly Operator[] = [
    { id: 'u-operator1', username: 'operator1', name: '林晓 Lin Xiao', role: 'operator' },
    { id: 'u-operator2', username: 'operator2', name: 'Dewi Santoso', role: 'operator' },
    { id: 'u-supervisor1', username: 'supervisor1', name: '周敏 Zhou Min', role: 'supervisor' },
];
export const DEMO_PASSWORD = 'demo';

/** Mock-only facts about a request's documents, used to draw them; never part of an API record. */
export interface DocumentTraits {
    front: DocumentFlaw;
    back: DocumentFlaw;
    selfie: 'none' | 'hat' | 'sunglasses' | 'mask';
    portraitSeed: number;
}

export interface SeedOptions {
    size: number;
    seed: number;
    now: Date;
    sla?: SlaCalendar;
    /** Which cancellations took (or await) two approvals; the server's threshold, DEFAULT_FOUR_EYES_THRESHOLD_IDR by default. */
    fourEyesThresholdIdr?: number;
}

export interface SeedData {
    verifications: Verification[];
    cancellations: Cancellation[];
    audit: AuditEntry[];
    documentTraits: Record<string, DocumentTraits>;
    /** Quality sampling starts empty: supervisors draw samples (POST /quality-samples). */
    qualitySamples: QualitySample[];
    qualityReviews: QualityReview[];
}

type VerificationFault =
    | 'none' | 'bad_checksum' | 'expired' | 'underage' | 'name_mismatch' | 'number_mismatch'
    | 'photo_flaw' | 'side_missing' | 'selfie_obstructed' | 'duplicate';

const VERIFICATION_FAULTS: readonly [VerificationFault, number][] = [
    ['none', 55], ['bad_checksum', 6], ['expired', 7], ['underage', 5], ['name_mismatch', 6], ['number_mismatch', 3],
    ['photo_flaw', 8], ['side_missing', 3], ['selfie_obstructed', 4], ['duplicate', 3],
];

const REJECTION_FOR: Record<VerificationFault, string[]> = {
    none: [], bad_checksum: ['id_number_invalid'], expired: ['id_expired'], underage: ['underage'],
    name_mismatch: ['data_mismatch'], number_mismatch: ['data_mismatch'], photo_flaw: ['photo_unclear'],
    side_missing: ['side_missing'], selfie_obstructed: ['selfie_unusable'], duplicate: ['identity_overused'],
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function weighted<T>(random: Random, table: readonly [T, number][]): T {
    const total = table.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = random.next() * total;
    for (const [value, weight] of table) {
        roll -= weight;
        if (roll < 0) return value;
    }
    return table[0]![0];
}

export const auditId = (sequence: number) => `A-${String(sequence).padStart(7, '0')}`;
export const qualitySampleId = (sequence: number) => `QS-${String(sequence).padStart(6, '0')}`;
export const qualityReviewId = (sequence: number) => `QR-${String(sequence).padStart(6, '0')}`;
/** Document paths are relative to the API base; the server turns them into absolute URLs. */
const documentPath = (requestId: string, name: string) => `documents/${requestId}/${name}.svg`;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const shiftYears = (date: Date, years: number) => new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()));
const operatorsOnly = OPERATORS.filter(op => op.role === 'operator');
/** Gives the second approval of the seeded cancellations that needed one. */
const SECOND_APPROVER = 'u-supervisor1';

export function buildSeed({ size, seed, now, sla = DEFAULT_SLA, fourEyesThresholdIdr = DEFAULT_FOUR_EYES_THRESHOLD_IDR }: SeedOptions): SeedData {
    const random = createRandom(seed);
    const data: SeedData = { verifications: [], cancellations: [], audit: [], documentTraits: {}, qualitySamples: [], qualityReviews: [] };
    const verificationCount = Math.round(size * 0.7);
    const identities: { idNumber: string; name: string }[] = [];
    const audit = (entry: Omit<AuditEntry, 'id'>) => data.audit.push({ id: '', ...entry });

    /**
     * Gives a seeded request its history: open, claimed, or decided with matching audit entries. An approval
     * that takes four eyes (`twoStep`) is the operator's first approval, then usually the supervisor's second.
     */
    function settle<T extends Verification | Cancellation>(request: T, rejectWith: string[], customerName: string, twoStep = false): T {
        const age = now.getTime() - Date.parse(request.submittedAt);
        const roll = random.next();
        const decideChance = age > 4 * DAY ? 0.55 : age > 2 * DAY ? 0.3 : 0.08;
        if (roll < decideChance) {
            const operator = random.pick(operatorsOnly);
            const claimedAt = new Date(Date.parse(request.submittedAt) + random.int(1, Math.max(1, Math.floor(age / HOUR) - 1)) * HOUR);
            const decidedAt = new Date(claimedAt.getTime() + random.int(2, 25) * 60_000);
            // Operators occasionally approve a faulty verification (what quality sampling is for); never a blocked cancellation.
            const rejected = rejectWith.length > 0 && (request.kind === 'cancellation' || random.chance(0.9));
            const decision: Decision = rejected
                ? { outcome: 'rejected', reasons: rejectWith, note: null, customerMessage: composeCustomerMessage(rejectWith, request.customerLanguage, customerName) }
                : { outcome: 'approved', reasons: [], note: null, customerMessage: null };
            const base = { actor: operator.id, requestKind: request.kind, requestId: request.id, note: null };
            audit({ ...base, at: claimedAt.toISOString(), action: 'claim', fromStatus: 'pending', toStatus: 'in_review', reasons: [] });
            if (twoStep && !rejected) {
                const firstApproval = { by: operator.id, at: decidedAt.toISOString(), note: null };
                audit({ ...base, at: firstApproval.at, action: 'approve', fromStatus: 'in_review', toStatus: 'awaiting_second_approval', reasons: [] });
                // Most got their second approval; the rest still wait for the supervisor (no extra random draw).
                if (roll < decideChance * 0.75) {
                    const secondAt = new Date(decidedAt.getTime() + 20 * 60_000).toISOString();
                    Object.assign(request, { status: 'approved', version: 4, firstApproval, decidedAt: secondAt, decidedBy: SECOND_APPROVER, decision });
                    audit({ ...base, actor: SECOND_APPROVER, at: secondAt, action: 'second_approve', fromStatus: 'awaiting_second_approval', toStatus: 'approved', reasons: [] });
                } else {
                    Object.assign(request, { status: 'awaiting_second_approval', version: 3, firstApproval });
                }
                return request;
            }
            Object.assign(request, {
                status: decision.outcome, version: 3, decidedAt: decidedAt.toISOString(), decidedBy: operator.id, decision,
            });
            audit({ ...base, at: decidedAt.toISOString(), action: rejected ? 'reject' : 'approve', fromStatus: 'in_review', toStatus: decision.outcome, reasons: decision.reasons });
        } else if (roll < decideChance + 0.05) {
            // Held by operator2; some of these claims have gone stale and will lapse on first access.
            const claimedAt = new Date(now.getTime() - random.int(1, 40) * 60_000);
            Object.assign(request, {
                status: 'in_review', version: 2, assignee: 'u-operator2', claimedAt: claimedAt.toISOString(),
                claimExpiresAt: new Date(claimedAt.getTime() + CLAIM_TTL_MS).toISOString(),
            });
            audit({ actor: 'u-operator2', requestKind: request.kind, requestId: request.id, note: null, at: claimedAt.toISOString(), action: 'claim', fromStatus: 'pending', toStatus: 'in_review', reasons: [] });
        }
        return request;
    }

    const submittedAt = () => new Date(now.getTime() - random.int(10 * 60_000, 8 * DAY));
    const common = (kind: 'verification' | 'cancellation', index: number, submitted: Date) => ({
        id: `${kind === 'verification' ? 'V' : 'C'}-${String(index).padStart(6, '0')}`,
        status: 'pending' as const, version: 1, submittedAt: submitted.toISOString(), dueAt: dueAt(submitted, sla).toISOString(),
        assignee: null, claimedAt: null, claimExpiresAt: null, decidedAt: null, decidedBy: null, decision: null,
        attempt: 1, previousId: null, customerLanguage: random.chance(0.8) ? 'zh-CN' as const : 'en' as const,
        mobileNumber: axisNumber(random),
    });

    for (let i = 1; i <= verificationCount; i += 1) {
        const fault = identities.length > 0 ? weighted(random, VERIFICATION_FAULTS) : 'none';
        const who = person(random);
        const district = random.pick(districtCodes);
        const adult = shiftYears(now, -random.int(19, 65));
        const birth = fault === 'underage' ? shiftYears(now, -random.int(14, 17)) : new Date(adult.getTime() - random.int(0, 360) * DAY);
        let idNumber = makeIdNumber(district, isoDay(birth), random.int(0, 499) * 2 + (who.sex === 'male' ? 1 : 0));
        let name = who.name;
        if (fault === 'duplicate') ({ idNumber, name } = random.pick(identities));
        if (fault === 'bad_checksum') {
            const right = idNumber[17]!;
            const wrong = '0123456789X'.replace(right, '')[random.int(0, 9)]!;
            idNumber = idNumber.slice(0, 17) + wrong;
        }
        identities.push({ idNumber, name });
        const issued = new Date(now.getTime() - random.int(200, 7000) * DAY);
        const validUntil = fault === 'expired'
            ? isoDay(new Date(now.getTime() - random.int(5, 400) * DAY))
            : random.chance(0.15) ? 'long_term' as const : isoDay(shiftYears(issued, 20));
        const typedName = fault === 'name_mismatch' ? name.slice(0, -1) + random.pick(['玮', '芬', '敏', '强']) : name;
        const cardNumber = fault === 'number_mismatch'
            ? (() => { const first17 = idNumber.slice(0, 14) + String((Number(idNumber.slice(14, 17)) + 2) % 1000).padStart(3, '0'); return first17 + idCheckCharacter(first17); })()
            : idNumber;
        const base = common('verification', i, submittedAt());
        const request: Verification = {
            ...base,
            kind: 'verification',
            email: email(random, who),
            fullName: typedName,
            idNumber,
            sex: random.chance(0.8) ? who.sex : null,
            contactPhone: chineseMobile(random),
            address: address(random, district),
            card: { name, idNumber: cardNumber, validFrom: isoDay(issued), validUntil },
            documents: {
                idFront: documentPath(base.id, 'id-front'),
                idBack: fault === 'side_missing' ? null : documentPath(base.id, 'id-back'),
                selfie: documentPath(base.id, 'selfie'),
            },
            failedChecks: 0,
            duplicateIds: [],
        };
        if (random.chance(0.1)) request.card = { name: null, idNumber: null, validFrom: request.card.validFrom, validUntil: request.card.validUntil };
        data.documentTraits[request.id] = {
            front: fault === 'photo_flaw' ? random.pick(['blurred', 'dark', 'glare', 'cropped'] as const) : 'none',
            back: 'none',
            selfie: fault === 'selfie_obstructed' ? random.pick(['hat', 'sunglasses', 'mask'] as const) : 'none',
            portraitSeed: random.int(1, 1_000_000),
        };
        data.verifications.push(settle(request, REJECTION_FOR[fault], typedName));
    }

    // Resubmissions: some retryable rejections come back fixed, as a new request linked to the old one.
    let nextIndex = verificationCount + 1;
    for (const rejected of data.verifications.filter(v => v.status === 'rejected' && v.decision?.reasons.every(r => !['underage', 'document_forged', 'identity_overused'].includes(r)))) {
        if (!random.chance(0.5) || !rejected.decidedAt) continue;
        const submitted = new Date(Math.min(now.getTime() - 5 * 60_000, Date.parse(rejected.decidedAt) + random.int(1, 30) * HOUR));
        const base = common('verification', nextIndex, submitted);
        const retry: Verification = {
            ...rejected,
            ...base,
            mobileNumber: rejected.mobileNumber,
            customerLanguage: rejected.customerLanguage,
            attempt: rejected.attempt + 1,
            previousId: rejected.id,
            fullName: rejected.card.name ?? rejected.fullName,
            card: { ...rejected.card },
            documents: { idFront: documentPath(base.id, 'id-front'), idBack: documentPath(base.id, 'id-back'), selfie: documentPath(base.id, 'selfie') },
        };
        if (retry.card.validUntil !== 'long_term' && retry.card.validUntil !== null && retry.card.validUntil < isoDay(now)) {
            retry.card.validFrom = isoDay(new Date(now.getTime() - 20 * DAY));
            retry.card.validUntil = isoDay(shiftYears(now, 20));
        }
        data.documentTraits[retry.id] = { ...data.documentTraits[rejected.id]!, front: 'none', selfie: 'none' };
        data.verifications.push(retry);
        nextIndex += 1;
    }

    const cancellationCount = size - verificationCount;
    for (let i = 1; i <= cancellationCount; i += 1) {
        const who = person(random);
        const profile = weighted(random, [['ready', 40], ['refund_settled', 15], ['refund_pending', 10], ['balance', 10], ['devices', 15], ['bills', 10]] as const);
        const balance = ['refund_settled', 'refund_pending', 'balance'].includes(profile) ? random.int(1, 400) * 5_000 : 0;
        const refundRequested = profile === 'refund_settled' || profile === 'refund_pending';
        const submitted = submittedAt();
        const base = common('cancellation', i, submitted);
        const request: Cancellation = {
            ...base,
            kind: 'cancellation',
            email: email(random, who),
            holderName: who.name,
            leavingReason: leavingReason(random),
            account: {
                accountId: `AX-${random.int(10_000_000, 99_999_999)}`,
                balance,
                refundRequested,
                refundSettled: profile === 'refund_settled',
                refundReference: profile === 'refund_settled' ? `RF-${random.int(100_000, 999_999)}` : null,
                boundDevices: profile === 'devices'
                    ? Array.from({ length: random.int(1, 2) }, (_, d) => ({ id: `D-${i}-${d + 1}`, name: deviceName(random), boundAt: new Date(submitted.getTime() - random.int(30, 700) * DAY).toISOString() }))
                    : [],
                openItems: profile === 'bills'
                    ? [{ id: `B-${random.int(100_000, 999_999)}`, type: random.chance(0.7) ? 'bill' : 'order', description: random.pick(['Monthly plan 月租', 'Data add-on 流量包', 'Roaming 漫游']), amount: random.int(1, 30) * 5_000 }]
                    : [],
                verificationStatus: random.chance(0.9) ? 'verified' : 'unverified',
            },
            idScan: random.chance(0.5) ? documentPath(base.id, 'id-front') : null,
            // The server presents this from its own threshold; stored here only so the record is complete.
            requiresSecondApproval: false,
            firstApproval: null,
            numberReleasedAt: null,
            numberReleasedBy: null,
        };
        data.documentTraits[request.id] = { front: 'none', back: 'none', selfie: 'none', portraitSeed: random.int(1, 1_000_000) };
        const rejectWith = { ready: [], refund_settled: [], refund_pending: ['balance_outstanding'], balance: ['balance_outstanding'], devices: ['devices_bound'], bills: ['bills_unpaid'] }[profile];
        request.requiresSecondApproval = requiresSecondApproval(request.account, fourEyesThresholdIdr);
        const settled = settle(request, rejectWith, who.name, request.requiresSecondApproval);
        if (settled.status === 'approved') Object.assign(settled, { numberReleasedAt: settled.decidedAt, numberReleasedBy: settled.decidedBy });
        data.cancellations.push(settled);
    }
    data.audit.sort((a, b) => a.at.localeCompare(b.at));
    data.audit.forEach((entry, index) => { entry.id = auditId(index + 1); });
    return data;
}
