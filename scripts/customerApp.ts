import { readFileSync } from 'node:fs';

// The customer app's side, played against a running API (docs/api.md §6.11): `npm run customer-app` submits requests
// with real JPEG and PNG photos, bad files (an SVG renamed .jpg, a 3 MB photo, a PDF) and a resubmission after a
// rejection, and prints every answer. tests/contract/customerJourney.test.ts runs the same journey through these functions.

export interface Upload {
    bytes: Uint8Array;
    /** What the phone calls it: the server never believes it. */
    fileName: string;
    declaredType: string;
}

export interface Submission {
    fields: Record<string, string>;
    files: Record<string, Upload>;
    idempotencyKey?: string;
}

export interface IntakeAnswer {
    status: number;
    headers: Headers;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON answer, read by the caller
    body: any;
}

export interface IntakeClient {
    submit(kind: 'verification' | 'cancellation', submission: Submission): Promise<IntakeAnswer>;
}

/** An intake client for the API at `baseUrl` (e.g. http://127.0.0.1:8787/api) with the key `intakeKey`. */
export function intakeClient(baseUrl: string, intakeKey: string, extraHeaders: Record<string, string> = {}): IntakeClient {
    return {
        async submit(kind, { fields, files, idempotencyKey }) {
            const form = new FormData();
            for (const [name, value] of Object.entries(fields)) form.append(name, value);
            for (const [name, file] of Object.entries(files)) form.append(name, new Blob([file.bytes as BlobPart], { type: file.declaredType }), file.fileName);
            const headers: Record<string, string> = { 'X-Intake-Key': intakeKey, ...extraHeaders };
            if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
            const response = await fetch(`${baseUrl}/intake/${kind}s`, { method: 'POST', headers, body: form });
            const text = await response.text();
            return { status: response.status, headers: response.headers, body: text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
        },
    };
}

export const upload = (bytes: Uint8Array, fileName: string, declaredType = fileName.endsWith('.png') ? 'image/png' : 'image/jpeg'): Upload => ({ bytes, fileName, declaredType });

export const readUpload = (path: string) => upload(new Uint8Array(readFileSync(path)), path.split('/').pop() ?? path);
