import { connect } from 'node:net';

// HTTP/1.1 by hand over a socket, for what fetch refuses to send: bad percent-escapes, odd Host headers, absolute-form
// targets, unknown methods, lying Content-Lengths.

export interface RawAnswer {
    /** 0 when the server closed the connection without an answer. */
    status: number;
    headers: Record<string, string>;
    body: string;
}

export interface RawRequest {
    method: string;
    /** The request target as sent, unencoded: "/api/verifications/%ZZ", "http://evil.example/api/reasons". */
    target: string;
    /** In order; a `Host` here replaces the default one (null: no Host line at all). */
    headers?: Record<string, string>;
    host?: string | null;
    body?: string | Buffer;
}

function parse(bytes: Buffer): RawAnswer {
    const text = bytes.toString('latin1');
    const end = text.indexOf('\r\n\r\n');
    if (end < 0) return { status: 0, headers: {}, body: text };
    const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    let body = bytes.subarray(Buffer.byteLength(text.slice(0, end + 4), 'latin1'));
    if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
        const parts: Buffer[] = [];
        for (let at = 0; at < body.length;) {
            const lineEnd = body.indexOf('\r\n', at);
            const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
            if (!size) break;
            parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        body = Buffer.concat(parts);
    }
    return { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0), headers, body: body.toString('utf8') };
}

/** Sends one request on a fresh connection (Connection: close) and reads the answer to the end. */
export function rawRequest(origin: string, { method, target, headers = {}, host, body }: RawRequest): Promise<RawAnswer> {
    const { hostname, port } = new URL(origin);
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    const lines = [`${method} ${target} HTTP/1.1`];
    if (host !== null) lines.push(`Host: ${host ?? `${hostname}:${port}`}`);
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    if (payload && !Object.keys(headers).some(name => /^(content-length|transfer-encoding)$/i.test(name))) lines.push(`Content-Length: ${payload.length}`);
    lines.push('Connection: close');
    return new Promise(resolve => {
        const socket = connect(Number(port), hostname);
        const chunks: Buffer[] = [];
        socket.on('data', chunk => chunks.push(chunk));
        // The server may answer and close before it has read everything (a 413): what it said still counts.
        socket.on('error', () => undefined);
        socket.on('close', () => resolve(parse(Buffer.concat(chunks))));
        // A server that waits forever is a failure to report, not a test to hang: after 10 s of silence, no answer.
        socket.setTimeout(10_000, () => socket.destroy());
        socket.write(Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'));
        if (payload) socket.write(payload);
    });
}

/** Whether an answer is one the contract allows: never 5xx, no silent close, and every error in the one error shape. */
export function contractProblem(method: string, answer: RawAnswer): string | null {
    if (answer.status === 0) return 'no answer';
    if (answer.status >= 500) return `status ${answer.status}`;
    if (answer.status < 400 || method === 'HEAD') return null;
    try {
        const { error } = JSON.parse(answer.body) as { error?: { code?: unknown; message?: unknown } };
        return typeof error?.code === 'string' && typeof error.message === 'string' ? null : 'error without code and message';
    } catch {
        return `error body is not JSON: ${JSON.stringify(answer.body.slice(0, 60))}`;
    }
}
