// The client's address, for login throttling: what serves the app (server/node/serve.ts) knows the socket's peer, a
// web-standard Request does not carry it. Kept beside the request object, never read from a header the client sets,
// unless a proxy in front is trusted (API_TRUST_PROXY): then the address it appended to X-Forwarded-For.

const addresses = new WeakMap<Request, string>();

/** Marks `request` as received from `address` (the socket's peer); answers the request. */
export function receivedFrom(request: Request, address: string | undefined): Request {
    if (address) addresses.set(request, address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, ''));
    return request;
}

/** The client's address: the socket's peer, or with a trusted proxy the last X-Forwarded-For hop; null when unknown (MSW). */
export function clientAddress(request: Request, trustProxy: boolean): string | null {
    const peer = addresses.get(request) ?? null;
    if (!trustProxy) return peer;
    const forwarded = request.headers.get('X-Forwarded-For')?.split(',').map(hop => hop.trim()).filter(Boolean);
    return forwarded?.at(-1) ?? peer;
}
