import { http, type HttpHandler } from 'msw';
import type { LoginResponse } from '../../src/domain/types';
import type { Db } from '../db';
import { DEMO_PASSWORD } from '../seed/seed';
import { bearerToken, endpoint, publicEndpoint, readBody, type ServerOptions } from './endpoint';
import { ApiError, badRequest, CORS_HEADERS, json } from './respond';

// POST /auth/login hands out bearer tokens; POST /auth/logout revokes one.

function newToken(): string {
    const bytes = new Uint8Array(24);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

export function authHandlers(db: Db, options: ServerOptions): HttpHandler[] {
    return [
        http.post(`*${options.base}/auth/login`, publicEndpoint(db, options, async ({ request }) => {
            const body = await readBody(request);
            const { username, password } = body;
            if (typeof username !== 'string' || typeof password !== 'string' || !username || !password) {
                throw badRequest('"username" and "password" are required', { username: 'required', password: 'required' });
            }
            const user = db.operators.find(op => op.username === username.trim().toLowerCase());
            // Demo accounts all share one password; a real backend checks a hash per user.
            if (!user || password !== DEMO_PASSWORD) throw new ApiError(401, 'unauthenticated', 'wrong username or password');
            const token = newToken();
            db.state.sessions[token] = { userId: user.id, expiresAt: new Date(db.now().getTime() + options.tokenTtlMs).toISOString() };
            db.changed();
            const answer: LoginResponse = { token, user: { id: user.id, name: user.name, role: user.role } };
            return json(answer);
        })),
        http.post(`*${options.base}/auth/logout`, endpoint(db, options, ({ request }) => {
            delete db.state.sessions[bearerToken(request)!];
            db.changed();
            return new Response(null, { status: 204, headers: CORS_HEADERS });
        })),
    ];
}
