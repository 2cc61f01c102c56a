import { startStandaloneServer } from '../../mocks/http';
import { benchOperators } from '../../server/store/postgres/seedAtSize';
import { OPERATORS } from '../../mocks/seed/seed';

// Child process of the bench: one standalone mock API, so its work (sorting 100,000 requests) never
// shares an event loop with the code that drives the browser and reads the clocks.
// Prints one JSON line {"url": ...} once listening; runs until killed.

const size = process.env.BENCH_API_SIZE ? Number(process.env.BENCH_API_SIZE) : undefined;
const latencyMs = Number(process.env.BENCH_API_LATENCY_MS ?? 0);
const seed = process.env.BENCH_API_SEED ? Number(process.env.BENCH_API_SEED) : undefined;
// The server-scale phase's simulated operators, each an account of its own (as on the review server).
const extra = Number(process.env.BENCH_API_OPERATORS ?? 0);
const operators = extra > 0 ? [...OPERATORS, ...benchOperators(extra)] : undefined;

const { url } = await startStandaloneServer({ port: 0, size, latencyMs, seed, operators });
process.stdout.write(`${JSON.stringify({ url })}\n`);
