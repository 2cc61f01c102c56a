import { delay, getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { CLAIM_TTL_MS } from '../../src/domain/requestStatus';
import type { RequestKind } from '../../src/domain/types';
import type { Db } from '../db';
import { createRandom, type Random } from '../seed/random';
import { bearerToken, type ServerOptions } from './endpoint';
import { ApiError, errorResponse } from './respond';

// Fault mode: the mock server misbehaves the way networks and busy backends do, on purpose and on record.
// Used by the fault suite (tests/robustness, tests/e2e/faults.e2e.ts); off unless configured.

/**
 * What can go wrong with one request:
 * - `server_error`: 500 before the request is handled (nothing applied);
 * - `drop`: the connection drops before the request is handled (nothing applied);
 * - `lost_answer`: the request is applied, then the connection drops before the answer arrives;
 * - `session_expired`: the caller's session ends just before the request (401, as after a token expiry);
 * - `race_taken`: just before a claim or decision arrives, a supervisor hands the request to someone else (409 conflict_claimed);
 * - `race_changed`: just before a decision arrives, a supervisor re-assigns the request to the same caller,
 *   so the version the caller decides on is stale (409 conflict_version).
 */
export type FaultKind = 'server_error' | 'drop' | 'lost_answer' | 'session_expired' | 'race_taken' | 'race_changed';
export const FAULT_KINDS: readonly FaultKind[] = ['server_error', 'drop', 'lost_answer', 'session_expired', 'race_taken', 'race_changed'];

export interface ScriptedFault {
    fault: FaultKind;
    /** A regular expression over "METHOD /path" (path after the API base), e.g. "^POST /verifications/[^/]+/approve$". */
    match?: string;
    /** How many matching requests get the fault (default 1). */
    times?: number;
}

export interface FaultConfig {
    /** Seed of the random faults, so a failing run can be replayed. */
    seed?: number;
    /** Share (0..1) of requests that get each fault at random. */
    rates?: Partial<Record<FaultKind, number>>;
    /** Extra latency per request: a fixed part plus a random part, in ms. */
    latencyMs?: number;
    jitterMs?: number;
    /** Random faults only hit requests whose "METHOD /path" matches this regular expression (default: every API request). */
    only?: string;
    /** Faults for the next matching requests, in order, before any random ones. */
    script?: ScriptedFault[];
}

export interface FaultLogEntry {
    fault: FaultKind;
    request: string;
}

export interface FaultReport {
    config: FaultConfig;
    /** API requests seen while fault mode was on (CORS preflights excluded). */
    requests: number;
    injected: Record<FaultKind, number>;
    log: FaultLogEntry[];
}

const DECISION = /^POST \/(verifications|cancellations)\/([^/]+)\/(approve|reject|send-back)$/;
const CLAIMING = /^POST \/(verifications|cancellations)\/([^/]+)\/(claim|release|approve|reject)$/;
const KIND_OF: Record<string, RequestKind> = { verifications: 'verification', cancellations: 'cancellation' };

const emptyCounts = () => Object.fromEntries(FAULT_KINDS.map(kind => [kind, 0])) as Record<FaultKind, number>;

export interface FaultInjector {
    configure(config: FaultConfig): void;
    /** Fault mode off; the report is kept until the next configure(). */
    off(): void;
    report(): FaultReport;
    /** The handler that goes first in the list: it injects faults and otherwise lets the request through. */
    handler(inner: HttpHandler[], options: ServerOptions): HttpHandler;
}

export function createFaultInjector(db: Db): FaultInjector {
    let config: FaultConfig | null = null;
    let random: Random = createRandom(1);
    let script: { fault: FaultKind; match: RegExp; times: number }[] = [];
    let only: RegExp | null = null;
    let requests = 0;
    let injected = emptyCounts();
    let log: FaultLogEntry[] = [];

    /** The supervisor's hand in a race: reassigns the request, with an audit entry, as the real action would. */
    function raceFor(line: string, kind: 'race_taken' | 'race_changed', callerId: string | undefined): boolean {
        const match = (kind === 'race_changed' ? DECISION : CLAIMING).exec(line);
        if (!match || !callerId) return false;
        const record = db.find(KIND_OF[match[1]!]!, decodeURIComponent(match[2]!));
        if (!record || record.status !== 'in_review' || record.assignee !== callerId) return false;
        const to = kind === 'race_changed' ? callerId : db.operators.find(op => op.role === 'operator' && op.id !== callerId)!.id;
        const supervisor = db.operators.find(op => op.role === 'supervisor')!;
        const now = db.now();
        Object.assign(record, { assignee: to, claimedAt: now.toISOString(), claimExpiresAt: new Date(now.getTime() + CLAIM_TTL_MS).toISOString(), version: record.version + 1 });
        db.appendAudit({ actor: supervisor.id, action: 'reassign', requestKind: record.kind, requestId: record.id, fromStatus: 'in_review', toStatus: 'in_review', reasons: [], note: 'fault injection: race', assignee: to });
        db.changed();
        return true;
    }

    function choose(line: string): FaultKind | null {
        const scripted = script.find(entry => entry.match.test(line));
        if (scripted) {
            scripted.times -= 1;
            if (scripted.times <= 0) script = script.filter(entry => entry !== scripted);
            return scripted.fault;
        }
        if (only && !only.test(line)) return null;
        for (const kind of FAULT_KINDS) {
            if (random.chance(config?.rates?.[kind] ?? 0)) return kind;
        }
        return null;
    }

    return {
        configure(next) {
            config = next;
            random = createRandom(next.seed ?? 1);
            script = (next.script ?? []).map(entry => ({ fault: entry.fault, match: new RegExp(entry.match ?? ''), times: entry.times ?? 1 }));
            only = next.only ? new RegExp(next.only) : null;
            requests = 0;
            injected = emptyCounts();
            log = [];
        },
        off() {
            config = null;
            script = [];
            only = null;
        },
        report: () => ({ config: config ?? {}, requests, injected: { ...injected }, log: [...log] }),
        handler(inner, options) {
            return http.all(`*${options.base}/*`, async ({ request }) => {
                if (!config || request.method === 'OPTIONS') return undefined;
                const url = new URL(request.url);
                const line = `${request.method} ${url.pathname.slice(url.pathname.indexOf(options.base) + options.base.length)}`;
                requests += 1;
                const latency = (config.latencyMs ?? 0) + (config.jitterMs ? random.int(0, config.jitterMs) : 0);
                if (latency > 0) await delay(latency);
                const fault = choose(line);
                if (!fault) return undefined;
                const session = db.state.sessions[bearerToken(request) ?? ''];
                const applied = (() => {
                    switch (fault) {
                        case 'race_taken':
                        case 'race_changed':
                            return raceFor(line, fault, session?.userId);
                        case 'session_expired':
                            if (!session) return false;
                            delete db.state.sessions[bearerToken(request)!];
                            db.changed();
                            return true;
                        default:
                            return true;
                    }
                })();
                if (!applied) return undefined;
                injected[fault] += 1;
                log.push({ fault, request: line });
                switch (fault) {
                    case 'server_error':
                        return errorResponse(new ApiError(500, 'internal', 'injected fault: server error'));
                    case 'drop':
                        return HttpResponse.error();
                    case 'lost_answer':
                        await getResponse(inner, request.clone());
                        return HttpResponse.error();
                    default:
                        // The session is gone or the record changed hands: the real handler answers 401 or 409.
                        return undefined;
                }
            });
        },
    };
}
