// @vitest-environment node
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, startTarget } from './apiClient';
import { hostileCorpus } from './hostileCorpus';
import { contractProblem, rawRequest } from './rawHttp';

// Every hostile request of the corpus answers as the contract says: a 2xx, or a 4xx in the one error shape. Never a 5xx,
// never an empty error body, never a connection closed without an answer.

let target: Awaited<ReturnType<typeof startTarget>>;
beforeAll(async () => {
    target = await startTarget();
});
afterAll(() => target.close());

it('answers every request of the hostile corpus with a 2xx or a 4xx in the error shape', async () => {
    const api = apiClient(target.baseUrl);
    const [supervisor, operator] = await Promise.all([api.login('supervisor1'), api.login('operator1')]);
    const first = async (resource: string) => (await api.list(`/${resource}`, { range: [0, 0], sort: ['id', 'ASC'] }, supervisor)).body[0].id as string;
    const ids = { verification: await first('verifications'), cancellation: await first('cancellations') };
    const { origin, pathname: base } = new URL(target.baseUrl);
    const corpus = hostileCorpus(base, { supervisor, operator }, ids);

    const problems: string[] = [];
    const statuses = new Map<number, number>();
    for (const request of corpus) {
        const answer = await rawRequest(origin, request);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const problem = contractProblem(request.method, answer);
        if (problem) problems.push(`${request.name}: ${problem}`);
        if (process.env.HOSTILE_SWEEP_LOG) console.info(`${answer.status} ${request.name}${problem ? ` <- ${problem}` : ''}`);
    }
    console.log(`hostile sweep: ${corpus.length} requests, ${corpus.length - problems.length} as the contract says; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(problems).toEqual([]);
}, 600_000);
