import { reassign } from '../../src/domain/transitions';
import type { RequestKind } from '../../src/domain/types';
import { createRandom, type Random } from '../../src/domain/random';
import { apply } from './apply';
import type { AppDeps } from './deps';
import { bearerToken } from './endpoint';
import { errorJson } from './respond';

// Fault mode: the API misbehaves the way networks and busy backends do, on purpose and on record.
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
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

type Fetch = (request: Request) => Promise<Response>;

export interface FaultInjector {
    configure(config: FaultConfig): void;
    /** Fault mode off; the report is kept until the next configure(). */
    off(): void;
    report(): FaultReport;
    /** The app's fetch with faults injected in front of it; healthy requests go straight through. */
    wrap(inner: Fetch): Fetch;
}

export function createFaultInjector({ store, now, config: { base } }: Pick<AppDeps, 'store' | 'now' | 'config'>): FaultInjector {
    let config: FaultConfig | null = null;
    let random: Random = createRandom(1);
    let script: { fault: FaultKind; match: RegExp; times: number }[] = [];
    let only: RegExp | null = null;
    let requests = 0;
    let injected = emptyCounts();
    let log: FaultLogEntry[] = [];

    /** The supervisor's hand in a race: reassigns the request, with an audit entry, as the real action would. */
    async function raceFor(line: string, kind: 'race_taken' | 'race_changed', callerId: string | undefined): Promise<boolean> {
        const match = (kind === 'race_changed' ? DECISION : CLAIMING).exec(line);
        if (!match || !callerId) return false;
        const accounts = await store.accounts();
        const to = kind === 'race_changed' ? callerId : accounts.find(op => op.role === 'operator' && op.id !== callerId)!.id;
        const supervisor = accounts.find(op => op.role === 'supervisor')!;
        return store.transaction(async tx => {
            const record = await tx.lockRequest(KIND_OF[match[1]!]!, decodeURIComponent(match[2]!));
            if (!record || record.status !== 'in_review' || record.assignee !== callerId) return false;
            await apply(tx, reassign(record, supervisor, now(), { to, note: 'fault injection: race' }));
            return true;
        });
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

    async function inject(fault: FaultKind, line: string, request: Request): Promise<boolean> {
        const token = bearerToken(request) ?? '';
        switch (fault) {
            case 'race_taken':
            case 'race_changed':
                return raceFor(line, fault, (await store.session(token))?.userId);
            case 'session_expired':
                if (!(await store.session(token))) return false;
                await store.transaction(tx => tx.deleteSession(token));
                return true;
            default:
                return true;
        }
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
        wrap: inner => async request => {
            const path = new URL(request.url).pathname;
            if (!config || request.method === 'OPTIONS' || !path.startsWith(`${base}/`)) return inner(request);
            const line = `${request.method} ${path.slice(base.length)}`;
            requests += 1;
            const latency = (config.latencyMs ?? 0) + (config.jitterMs ? random.int(0, config.jitterMs) : 0);
            if (latency > 0) await sleep(latency);
            const fault = choose(line);
            if (!fault || !(await inject(fault, line, request))) return inner(request);
            injected[fault] += 1;
            log.push({ fault, request: line });
            switch (fault) {
                case 'server_error':
                    return errorJson('internal', 'injected fault: server error');
                case 'drop':
                    return Response.error();
                case 'lost_answer':
                    await inner(request);
                    return Response.error();
                default:
                    // The session is gone or the record changed hands: the app answers 401 or 409.
                    return inner(request);
            }
        },
    };
}
