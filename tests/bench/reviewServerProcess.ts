import { loadConfig } from '../../server/config/config';
import { startReviewServer } from '../../server/reviewServer';

// Child process of the bench (phase server-scale): one review server on a database the bench prepared (DATA_DIR for the
// embedded PostgreSQL, or DATABASE_URL), configured from the environment as `npm run server` is.
// Prints one JSON line {"url": ...} once listening; runs until killed.

const server = await startReviewServer(loadConfig({ ...process.env, API_PORT: '0', SEED_DEMO: '0' }));
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
