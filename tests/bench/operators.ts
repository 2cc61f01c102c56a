import type { LoginResponse } from '../../src/domain/types';
import { signInThroughApi } from '../support/session';

// Simulated operators (phase server-scale): each an HTTP client signed in as its own account, reviewing the verification
// queue as the console does with auto-advance: "Review next" (POST claim-next) once, then approve with `next`, which
// decides and claims the following request in one transaction (docs/api.md §7), until each has made its decisions.

export interface OperatorRun {
    /** Round trip of each POST claim-next, ms. */
    claimNext: number[];
    /** Round trip of each decision (approve and claim the next one), ms. */
    decisions: number[];
    /** Wall time from the first request to the last answer, all operators together, ms. */
    wallMs: number;
    /** Answers other than 200, by status (e.g. 409 when two operators raced; never expected here). */
    failures: Record<string, number>;
}

interface Claimed {
    id: string;
    version: number;
}

export async function signInOperators(apiUrl: string, usernames: string[]): Promise<LoginResponse[]> {
    const sessions: LoginResponse[] = [];
    // One after another: password hashing is the server's slowest work, and nothing here times it.
    for (const username of usernames) sessions.push(await signInThroughApi(apiUrl, username));
    return sessions;
}

async function post(apiUrl: string, path: string, token: string, body: unknown): Promise<{ ms: number; status: number; json: unknown }> {
    const started = performance.now();
    const response = await fetch(`${apiUrl}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
    });
    const json = await response.json().catch(() => null);
    return { ms: performance.now() - started, status: response.status, json };
}

/**
 * Every operator at once: claim-next, then `decisionsEach` approvals each claiming the next request. An operator starts
 * no new decision after `budgetMs` (the mock at a million requests takes seconds a request): the rate counts what was done.
 */
export async function runOperators(apiUrl: string, sessions: LoginResponse[], decisionsEach: number, budgetMs: number): Promise<OperatorRun> {
    const run: OperatorRun = { claimNext: [], decisions: [], wallMs: 0, failures: {} };
    const fail = (status: number) => { run.failures[status] = (run.failures[status] ?? 0) + 1; };
    const started = performance.now();
    const inBudget = () => performance.now() - started < budgetMs;
    await Promise.all(sessions.map(async session => {
        const first = await post(apiUrl, '/verifications/claim-next', session.token, {});
        if (first.status !== 200) return fail(first.status);
        run.claimNext.push(first.ms);
        let current = first.json as Claimed | null;
        for (let i = 0; i < decisionsEach && current && inBudget(); i += 1) {
            const decided = await post(apiUrl, `/verifications/${encodeURIComponent(current.id)}/approve`, session.token, { version: current.version, next: {} });
            if (decided.status !== 200) {
                fail(decided.status);
                return;
            }
            run.decisions.push(decided.ms);
            current = (decided.json as { next: Claimed | null }).next;
        }
    }));
    run.wallMs = performance.now() - started;
    return run;
}
