import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { receivedFrom } from '../http/clientAddress';

// A web-standard fetch function (the contract app) on a Node socket: the mock's standalone server and the review server.
// What only a socket sees is answered here, in the contract's error shape: a malformed request line or header (Node's
// parser), a Host that is not a host, a method fetch cannot carry. The request's URL is built on the listening origin,
// never on the request's Host or an absolute-form target.

export interface Served {
    /** e.g. http://127.0.0.1:8787 */
    origin: string;
    port: number;
    close(): Promise<void>;
}

/** The request line and headers together: a larger head answers 431, in shape (URLs above the app's limit but below this one answer 414 from the app). */
export const MAX_HEADER_BYTES = 128 * 1024;

const ERROR_HEADERS = {
    'Content-Type': 'application/json',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 405: 'Method Not Allowed', 431: 'Request Header Fields Too Large' };
const CODE_OF: Record<number, string> = { 400: 'bad_request', 405: 'method_not_allowed', 431: 'headers_too_large' };

const errorBody = (status: number, message: string) => JSON.stringify({ error: { code: CODE_OF[status], message } });

function refuse(status: number, message: string): Response {
    return new Response(errorBody(status, message), { status, headers: ERROR_HEADERS });
}

/** What Node's parser refused, answered on the raw socket (nothing above it ran). */
function answerClientError(error: Error & { code?: string }, socket: Socket) {
    if (!socket.writable) return socket.destroy();
    let status = 400;
    let message = 'malformed HTTP request';
    if (error.code === 'HPE_HEADER_OVERFLOW') {
        status = 431;
        message = `the request line and headers exceed ${MAX_HEADER_BYTES} bytes`;
    }
    const body = errorBody(status, message);
    const headers = Object.entries({ ...ERROR_HEADERS, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' }).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nDate: ${new Date().toUTCString()}\r\n${headers}\r\n${body}`);
}

/** RFC 9110 §7.2: a host name, IPv4 or [IPv6] literal, and an optional port; ASCII only. */
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]+)(?::(\d{1,5}))?$/;

function hostProblem(req: IncomingMessage): string | null {
    const hosts = req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i]!.toLowerCase() === 'host');
    if (hosts.length !== 1) return hosts.length === 0 ? 'a Host header is required' : 'more than one Host header';
    const port = HOST.exec(req.headers.host ?? '');
    if (!port || Number(port[1] ?? 0) > 65535) return 'the Host header is not a host';
    return null;
}

/** The path and query of the request target: origin-form as it is, absolute-form without its scheme and authority. */
function pathAndQuery(target: string): string | null {
    if (target.startsWith('/')) return target;
    const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*(.*)$/.exec(target);
    if (!absolute) return null;
    const rest = absolute[1]!;
    return rest.startsWith('/') ? rest : `/${rest}`;
}

/** fetch's Request cannot carry these (and nothing here serves them). */
const UNCARRIED_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

function toRequest(req: IncomingMessage, origin: string): Request | Response {
    const host = hostProblem(req);
    if (host) return refuse(400, host);
    if (UNCARRIED_METHODS.has(req.method ?? '')) return refuse(405, `${req.method} is not served`);
    const target = pathAndQuery(req.url ?? '');
    if (target === null) return refuse(400, 'the request target must be a path or an absolute URL');
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(key, value);
        else if (Array.isArray(value)) value.forEach(v => headers.append(key, v));
    }
    // The body streams: the app refuses a large one (413) before it has arrived, and counts one without Content-Length.
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    // `origin + target`, not `new URL(target, origin)`: a target like "//evil.example/x" must stay a path.
    return new Request(`${origin}${target}`, { method: req.method, headers, ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}) } as RequestInit);
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response) {
    // A network error (fault mode's dropped connection): cut the socket without an answer.
    if (response.type === 'error') {
        res.destroy();
        return;
    }
    res.statusCode = response.status;
    response.headers.forEach((value, key) => res.setHeader(key, value));
    // An answer given before the body was read (a 413, a 401): the connection closes, so the rest is not waited for.
    if (!req.complete) res.setHeader('Connection', 'close');
    res.end(Buffer.from(await response.arrayBuffer()));
}

const internalError = () => Response.json({ error: { code: 'internal', message: 'internal error' } }, { status: 500 });

export function serve(fetch: (request: Request) => Promise<Response>, { port, host = '127.0.0.1' }: { port: number; host?: string }): Promise<Served> {
    let origin = `http://${host}:${port}`;
    const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, requireHostHeader: false }, async (req, res) => {
        try {
            const request = toRequest(req, origin);
            await send(req, res, request instanceof Response ? request : await fetch(receivedFrom(request, req.socket.remoteAddress)));
        } catch (error) {
            console.error('[http]', error);
            if (!res.headersSent) await send(req, res, internalError());
        }
    });
    server.on('clientError', answerClientError);
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            const address = server.address();
            const actualPort = typeof address === 'object' && address ? address.port : port;
            origin = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
            resolve({
                origin,
                port: actualPort,
                close: () => new Promise<void>(done => { server.closeAllConnections(); server.close(() => done()); }),
            });
        });
    });
}
