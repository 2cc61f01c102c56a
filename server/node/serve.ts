import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

// A web-standard fetch function (the contract app) on a Node socket: the mock's standalone server and the review server.

export interface Served {
    /** e.g. http://127.0.0.1:8787 */
    origin: string;
    port: number;
    close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length > 0 && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(key, value);
        else if (Array.isArray(value)) value.forEach(v => headers.append(key, v));
    }
    return new Request(new URL(req.url ?? '/', origin), { method: req.method, headers, body });
}

async function send(res: ServerResponse, response: Response) {
    // A network error (fault mode's dropped connection): cut the socket without an answer.
    if (response.type === 'error') {
        res.destroy();
        return;
    }
    res.statusCode = response.status;
    response.headers.forEach((value, key) => res.setHeader(key, value));
    res.end(Buffer.from(await response.arrayBuffer()));
}

const internalError = () => Response.json({ error: { code: 'internal', message: 'internal error' } }, { status: 500 });

export function serve(fetch: (request: Request) => Promise<Response>, { port, host = '127.0.0.1' }: { port: number; host?: string }): Promise<Served> {
    const server = createServer(async (req, res) => {
        try {
            await send(res, await fetch(await toRequest(req, `http://${req.headers.host ?? `${host}:${port}`}`)));
        } catch (error) {
            console.error('[http]', error);
            if (!res.headersSent) await send(res, internalError());
        }
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            const address = server.address();
            const actualPort = typeof address === 'object' && address ? address.port : port;
            resolve({
                origin: `http://${host}:${actualPort}`,
                port: actualPort,
                close: () => new Promise<void>(done => { server.closeAllConnections(); server.close(() => done()); }),
            });
        });
    });
}
