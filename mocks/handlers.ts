import { http, type HttpHandler } from 'msw';
import type { ReviewApi } from '../server/http/app';

// MSW's part in the mock: every request under the API base goes to the contract app (mocks/app.ts), in the browser's
// worker and in Vitest alike.

export function createHandlers(api: ReviewApi, base = '/api'): HttpHandler[] {
    return [http.all(`*${base}/*`, ({ request }) => api.fetch(request))];
}
