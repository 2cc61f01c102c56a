import { setupServer } from 'msw/node';
import { createDb, type DbOptions } from './db';
import { createHandlers } from './handlers';
import type { ServerOptions } from './api/endpoint';
import { createFaultInjector } from './api/faults';

// The mock API inside Node (Vitest): intercepts fetch, no socket. Fault mode is off until `faults.configure()`.

export function createMockServer(dbOptions: DbOptions = {}, serverOptions: Partial<ServerOptions> = {}) {
    const db = createDb({ fourEyesThresholdIdr: serverOptions.fourEyesThresholdIdr, ...dbOptions });
    const faults = createFaultInjector(db);
    const server = setupServer(...createHandlers(db, serverOptions, faults));
    return { db, server, faults };
}
