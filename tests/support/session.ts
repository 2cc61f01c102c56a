import type { LoginResponse } from '../../src/domain/types';

// Signing in through the API, as every test that prepares state or checks the server's records does.

/** Signs `username` in at `baseUrl` (the API's base, ending in /api) and answers the session the console keeps; refuses anything but a 200. */
export async function signInThroughApi(baseUrl: string, username: string, password = 'demo'): Promise<LoginResponse> {
    const response = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (!response.ok) throw new Error(`signing ${username} in at ${baseUrl} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as LoginResponse;
}

/** Sends one call with `token`, a JSON body when given. */
export const callWith = (baseUrl: string, token: string) => (method: string, path: string, body?: unknown) =>
    fetch(`${baseUrl}${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

/** A caller signed in as `username`: `(method, path, body?)` answers the raw Response. */
export async function apiAs(baseUrl: string, username: string, password = 'demo') {
    return callWith(baseUrl, (await signInThroughApi(baseUrl, username, password)).token);
}
