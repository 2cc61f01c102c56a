// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { apiClient } from '../contract/apiClient';
import { decisionCount, historyMismatches, readLedger } from './decisionLedger';
import { dataDirFromTemplate, startServerProcess, type ServerProcess } from './serverProcess';

// Durability: operators decide through HTTP while the server process (embedded PostgreSQL on a data folder) is killed with
// SIGKILL at random moments and started again. After every restart, each decision the server answered 200 is on the
// record, none is recorded twice, and the audit trail is the records' history. SOAK_KILLS raises the number of kills.

const KILLS = Number(process.env.SOAK_KILLS ?? 3);
const OPERATORS = ['operator1', 'operator2', 'supervisor1'];

let dir: string;
let server: ServerProcess | undefined;
beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'review-server-soak-'));
    await dataDirFromTemplate(dir, inject('reviewServerTemplate'));
});
afterAll(async () => {
    await server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
});

/** One operator: claim the next verification, decide it, again, until the server stops answering. */
async function operate(url: string, token: string, index: number, acknowledged: Map<string, { outcome: string; by: string }>, userId: string, onDecision: () => void) {
    const api = apiClient(url);
    try {
        for (let n = 0; ; n += 1) {
            const next = await api.call('POST', '/verifications/claim-next', { token, body: {} });
            if (next.status !== 200) return;
            const reject = (n + index) % 3 === 0;
            const decided = await api.call('POST', `/verifications/${next.body.id}/${reject ? 'reject' : 'approve'}`, {
                token, body: reject ? { version: next.body.version, reasons: ['photo_unclear'] } : { version: next.body.version },
            });
            if (decided.status === 200) {
                acknowledged.set(next.body.id, { outcome: reject ? 'rejected' : 'approved', by: userId });
                onDecision();
            }
        }
    } catch {
        // The connection went with the process.
    }
}

it(`keeps every acknowledged decision, once, through ${KILLS} SIGKILLs`, async () => {
    const acknowledged = new Map<string, { outcome: string; by: string }>();
    const offsets = new Map<string, number>();
    const seeded = new Map<string, number>();
    const figures = { kills: 0, lost: 0, doubled: 0, historyMismatches: 0, restartMs: [] as number[] };
    let tokens: { token: string; userId: string }[] = [];
    for (let round = 0; round <= KILLS; round += 1) {
        const started = Date.now();
        server = await startServerProcess({ DATA_DIR: dir });
        figures.restartMs.push(Date.now() - started);
        const api = apiClient(server.url);
        if (tokens.length === 0) {
            tokens = await Promise.all(OPERATORS.map(async username => {
                const answer = await api.call('POST', '/auth/login', { body: { username, password: 'demo' } });
                return { token: answer.body.token as string, userId: answer.body.user.id as string };
            }));
        }
        // Checked after every restart (and once before the first kill): sessions survive too, so the same tokens work.
        const ledger = await readLedger(server.url, tokens[2]!.token);
        for (const [id, { outcome, by }] of acknowledged) {
            const record = ledger.requests.get(id);
            if (record?.status !== outcome || record.decidedBy !== by) figures.lost += 1;
        }
        // The seed's history has requests decided twice by design (four eyes, sent back): only what this run added counts.
        if (round === 0) for (const [id, trail] of ledger.trails) seeded.set(id, decisionCount(trail));
        figures.doubled = [...ledger.trails].filter(([id, trail]) => decisionCount(trail) - (seeded.get(id) ?? 0) > 1).length;
        figures.historyMismatches = historyMismatches(ledger, offsets).length;
        expect(figures).toMatchObject({ lost: 0, doubled: 0, historyMismatches: 0 });
        if (round === KILLS) break;

        // Killed once a random number of decisions of this round were answered, with the others' requests in flight.
        const target = acknowledged.size + 5 + Math.floor(Math.random() * 25);
        const victim = server;
        let killed: Promise<unknown> | undefined;
        const onDecision = () => {
            if (acknowledged.size >= target && !killed) killed = victim.kill('SIGKILL');
        };
        await Promise.all(tokens.map(({ token, userId }, index) => operate(victim.url, token, index, acknowledged, userId, onDecision)));
        await (killed ?? victim.kill('SIGKILL'));
        figures.kills += 1;
    }
    await server?.kill('SIGTERM');
    server = undefined;
    console.log(`SIGKILL soak: ${acknowledged.size} decisions acknowledged, ${figures.kills} kills, ${figures.lost} lost, ${figures.doubled} recorded twice, `
        + `${figures.historyMismatches} trails apart from their records; restarts took ${figures.restartMs.map(ms => (ms / 1000).toFixed(1)).join(', ')} s`);
    expect(figures.kills).toBe(KILLS);
    expect(acknowledged.size).toBeGreaterThan(KILLS);
}, 600_000);
