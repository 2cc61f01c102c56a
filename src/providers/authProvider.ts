import { HttpError, type AuthProvider } from 'react-admin';
import type { LoginResponse, Role } from '../domain/types';
import { httpClient } from './httpClient';
import { session } from './session';

// Bearer-token auth against POST /auth/login, and what each role may open (the server enforces it again).

// `demo`: re-seeding the demo (POST /demo/reset) is a supervisor's, as the API says.
const SUPERVISOR_ONLY_RESOURCES = new Set(['audit', 'dashboard', 'quality-reviews', 'quality-samples', 'stats', 'demo']);

export function canRoleAccess(role: Role | undefined, resource: string): boolean {
    if (!role) return false;
    return role === 'supervisor' || !SUPERVISOR_ONLY_RESOURCES.has(resource);
}

export function createAuthProvider(apiUrl: string): AuthProvider {
    return {
        async login({ username, password }: { username: string; password: string }) {
            try {
                const { json } = await httpClient(`${apiUrl}/auth/login`, { method: 'POST', body: JSON.stringify({ username, password }) });
                session.set(json as LoginResponse);
            } catch (error) {
                if (error instanceof HttpError && error.status === 401) throw new Error('app.auth.wrong_credentials', { cause: error });
                if (error instanceof HttpError && error.status === 429) throw new Error('app.errors.too_many_attempts', { cause: error });
                throw error;
            }
        },
        async logout() {
            if (session.get()) await httpClient(`${apiUrl}/auth/logout`, { method: 'POST', body: '{}' }).catch(() => undefined);
            session.clear();
        },
        async checkAuth() {
            if (!session.get()) throw new Error('app.auth.signed_out');
        },
        async checkError(error: { status?: number }) {
            if (error?.status === 401) {
                // react-admin then logs out (clearing the session) and returns here after the next login.
                throw { message: 'app.auth.session_expired' };
            }
        },
        async getIdentity() {
            const current = session.get();
            if (!current) throw new Error('app.auth.signed_out');
            return { id: current.user.id, fullName: current.user.name, role: current.user.role };
        },
        async getPermissions() {
            return session.get()?.user.role;
        },
        async canAccess({ resource }: { resource: string; action: string }) {
            return canRoleAccess(session.get()?.user.role, resource);
        },
    };
}
