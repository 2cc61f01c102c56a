import { setupServer } from 'msw/node';
import { createDb, type DbOptions } from './db';
import { createHandlers } from './handlers';
import type { ServerOptions } from './api/endpoint';

// The mock API inside Node (Vitest): intercepts fetch, no socket.

export function createMockServer(dbOptions: DbOptions = {}, serverOptions: Partial<ServerOptions> = {}) {
    const db = createDb({ fourEyesThresholdIdr: serverOptions.fourEyesThresholdIdr, ...dbOptions });
    const server = setupServer(...createHandlers(db, serverOptions));
    return { db, server };
}
