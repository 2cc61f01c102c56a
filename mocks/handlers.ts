import type { HttpHandler } from 'msw';
import { DEFAULT_FOUR_EYES_THRESHOLD_IDR } from '../src/domain/fourEyes';
import type { Db } from './db';
import { authHandlers } from './api/auth';
import { catalogueHandlers } from './api/catalogue';
import { demoHandlers, fallbackHandlers } from './api/demo';
import { documentHandlers } from './api/documents';
import type { ServerOptions } from './api/endpoint';
import type { FaultInjector } from './api/faults';
import { qualityHandlers } from './api/quality';
import { requestHandlers } from './api/requests';
import { statsHandlers } from './api/stats';

// The one set of handlers behind the browser worker, the node test server and the standalone HTTP server.

export const DEFAULT_SERVER_OPTIONS: ServerOptions = {
    base: '/api',
    latencyMs: 0,
    tokenTtlMs: 8 * 60 * 60 * 1000,
    fourEyesThresholdIdr: DEFAULT_FOUR_EYES_THRESHOLD_IDR,
};

/** `faults`: fault mode (mocks/api/faults.ts), for the fault suite; its handler goes first and lets healthy requests through. */
export function createHandlers(db: Db, overrides: Partial<ServerOptions> = {}, faults?: FaultInjector): HttpHandler[] {
    const options = { ...DEFAULT_SERVER_OPTIONS, ...overrides };
    const handlers = [
        ...demoHandlers(db, options),
        ...authHandlers(db, options),
        ...requestHandlers('verification', db, options),
        ...requestHandlers('cancellation', db, options),
        ...catalogueHandlers(db, options),
        ...statsHandlers(db, options),
        ...qualityHandlers(db, options),
        ...documentHandlers(db, options),
        ...fallbackHandlers(db, options),
    ];
    return faults ? [faults.handler(handlers, options), ...handlers] : handlers;
}
