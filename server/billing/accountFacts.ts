import { accountFacts as accountFactsSchema } from '../../src/contract/records';
import type { AccountFacts, Cancellation } from '../../src/domain/types';
import type { Queryable } from '../store/postgres/executor';

// A cancellation's account facts (balance, refund, bound devices, open bills) come from the operator company's billing and
// device systems, not from the customer (docs/api.md §6.2): read when a cancellation is claimed for review and again inside
// its approval, so that a bill that appeared after submission blocks the approval (preconditions_failed).

export interface AccountFactsSource {
    /** The account's facts now; throws when the system cannot say (the approval is then refused, never made on old facts). */
    facts(record: Cancellation): Promise<AccountFacts>;
}

/** The demo's billing system: facts set for an account (tests, a pilot's edits), else the facts the request was stored with. */
export interface DemoAccountFacts extends AccountFactsSource {
    set(facts: AccountFacts): Promise<void>;
}

/** The review server's demo source: the demo_account_facts table (migration 014). Read outside any transaction. */
export function databaseAccountFacts(db: Pick<Queryable, 'query'>): DemoAccountFacts {
    return {
        async facts(record) {
            const [row] = await db.query<{ facts: AccountFacts }>('SELECT facts FROM demo_account_facts WHERE account_id = $1', [record.account.accountId]);
            return row?.facts ?? record.account;
        },
        async set(facts) {
            await db.query(`INSERT INTO demo_account_facts (account_id, facts) VALUES ($1, $2::jsonb)
                ON CONFLICT (account_id) DO UPDATE SET facts = excluded.facts, updated_at = now()`, [facts.accountId, JSON.stringify(facts)]);
        },
    };
}

/** The mock's demo source, in memory. */
export function memoryAccountFacts(): DemoAccountFacts {
    const known = new Map<string, AccountFacts>();
    return {
        facts: async record => known.get(record.account.accountId) ?? record.account,
        set: async facts => void known.set(facts.accountId, facts),
    };
}

export class AccountFactsUnavailable extends Error {}

/**
 * A real billing system over HTTP: GET <url>/accounts/<accountId> answers the AccountFacts JSON (docs/api.md §6.2 shape).
 * Anything else (an error status, a wrong shape, no answer within `timeoutMs`) is "unavailable".
 */
export function httpAccountFacts(baseUrl: string, timeoutMs = 5000, fetcher: typeof fetch = fetch): AccountFactsSource {
    const root = baseUrl.replace(/\/+$/, '');
    return {
        async facts(record) {
            const url = `${root}/accounts/${encodeURIComponent(record.account.accountId)}`;
            let response: Response;
            try {
                response = await fetcher(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
            } catch (error) {
                throw new AccountFactsUnavailable(`account facts: ${url}: ${error instanceof Error ? error.message : String(error)}`);
            }
            if (!response.ok) throw new AccountFactsUnavailable(`account facts: ${url} answered ${response.status}`);
            const parsed = accountFactsSchema.safeParse(await response.json().catch(() => null));
            if (!parsed.success) throw new AccountFactsUnavailable(`account facts: ${url} answered a body that is not AccountFacts`);
            if (parsed.data.accountId !== record.account.accountId) throw new AccountFactsUnavailable(`account facts: ${url} answered another account`);
            return parsed.data;
        },
    };
}
