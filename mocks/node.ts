import { setupServer } from 'msw/node';
import type { AppConfig } from '../server/http/deps';
import { createMockApi } from './app';
import { createDb, type DbOptions } from './db';
import { createHandlers } from './handlers';

// The mock API inside Node (Vitest): intercepts fetch, no socket. Fault mode is off until `faults.configure()`.

export function createMockServer(dbOptions: DbOptions = {}, config: Partial<AppConfig> = {}) {
    const db = createDb({ fourEyesThresholdIdr: config.fourEyesThresholdIdr, ...dbOptions });
    const api = createMockApi(db, config);
    const server = setupServer(...createHandlers(api, config.base));
    return { db, server, faults: api.faults, store: api.store };
}
