import { readFileSync } from 'node:fs';
import { makeIdNumber } from '../src/domain/idNumber';

// The customer app's side, played against a running API (docs/api.md §6.11): `npm run customer-app` submits requests
// with real JPEG and PNG photos, bad files (an SVG renamed .jpg, a 3 MB photo, a PDF) and a resubmission after a
// rejection, then an English-speaking customer's verification, and prints every answer.
// tests/contract/customerJourney.test.ts runs the same journey through these functions.

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

// ---------------------------------------------------------------------------------------------------------------------
// The journey: what a customer app does in a day, and what the API answers.

export interface JourneyStep {
    step: string;
    status: number;
    /** The new (or replayed) request's id, when there is one. */
    id?: string;
    attempt?: number;
    previousId?: string | null;
    code?: string;
    fields?: Record<string, string>;
    replay?: boolean;
}

export interface JourneyOptions {
    baseUrl: string;
    intakeKey: string;
    /** The operator who rejects the first request so that the customer can resubmit (a demo account by default). */
    operator: { username: string; password: string };
    /** Phone-size photos (3000-4000 px, up to 2 MB) or small ones (tests that need speed). */
    photoSize?: 'phone' | 'small';
    /** A distinct Axis number per run: `+62838` and 8 digits. */
    mobileNumber?: string;
    log?: (line: string) => void;
}

export async function playJourney(options: JourneyOptions): Promise<JourneyStep[]> {
    // The photo generator needs sharp, a dev dependency: loaded only when the journey runs.
    const { makeOversizedPhoto, makePhoto, NOT_PHOTOS } = await import('../tests/support/testImages');
    const phone = (options.photoSize ?? 'phone') === 'phone';
    const size = (kind: 'id-front' | 'id-back' | 'selfie') => (phone ? {} : kind === 'selfie' ? { width: 300, height: 400 } : { width: 400, height: 300 });
    const [front, back, selfie, blurred] = await Promise.all([
        makePhoto({ kind: 'id-front', format: 'jpeg', grain: phone ? 0.4 : 0, ...size('id-front') }),
        makePhoto({ kind: 'id-back', format: 'png', ...size('id-back') }),
        makePhoto({ kind: 'selfie', format: 'jpeg', orientation: 6, ...size('selfie') }),
        makePhoto({ kind: 'selfie', format: 'jpeg', blur: phone ? 25 : 4, ...size('selfie') }),
    ]);
    const client = intakeClient(options.baseUrl, options.intakeKey);
    const log = options.log ?? (() => undefined);
    const mobileNumber = options.mobileNumber ?? `+62838${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const fields = {
        fullName: '测试 Customer', idNumber: '110101199003070226', mobileNumber, contactPhone: '+8613800138000', email: 'customer.app@example.com',
        address: '北京市东城区示例路1号', customerLanguage: 'zh-CN',
    };
    const good = { idFront: upload(front, 'IMG_2041.JPG'), idBack: upload(back, 'back.png'), selfie: upload(blurred, 'selfie.jpg') };
    const steps: JourneyStep[] = [];
    const record = async (step: string, kind: 'verification' | 'cancellation', submission: Submission) => {
        const answer = await client.submit(kind, submission);
        const result: JourneyStep = answer.status < 300
            ? { step, status: answer.status, id: answer.body.id, attempt: answer.body.attempt, previousId: answer.body.previousId, replay: answer.headers.get('Idempotent-Replay') === 'true' }
            : { step, status: answer.status, code: answer.body?.error?.code, fields: answer.body?.error?.fields };
        steps.push(result);
        log(`${step}: ${answer.status} ${result.id ?? result.code ?? ''}${result.replay ? ' (replay)' : ''}${result.fields ? ` ${JSON.stringify(result.fields)}` : ''}`);
        return result;
    };

    const idempotencyKey = `customer-app-${mobileNumber}-${Date.now()}`;
    const first = await record('verification with JPEG and PNG photos', 'verification', { fields, files: good, idempotencyKey });
    await record('the same submission again (a flaky network)', 'verification', { fields, files: good, idempotencyKey });
    await record('an SVG renamed .jpg', 'verification', { fields, files: { ...good, idFront: upload(NOT_PHOTOS.svg, 'front.jpg', 'image/jpeg') } });
    await record('a 3 MB photo', 'verification', { fields, files: { ...good, selfie: upload(await makeOversizedPhoto(), 'big.jpg') } });
    await record('a PDF as the back of the card', 'verification', { fields, files: { ...good, idBack: upload(NOT_PHOTOS.pdf, 'back.pdf', 'application/pdf') } });
    await record('a cancellation', 'cancellation', {
        fields: { holderName: 'Customer App', accountId: `AX-${mobileNumber.slice(-7)}`, mobileNumber, email: 'customer.app@example.com', leavingReason: 'moving back home', refundRequested: 'false', customerLanguage: 'en' },
        files: {},
    });

    // An operator rejects the first request (the selfie is blurred: a reason the customer may fix).
    if (first.id) {
        const api = async (path: string, body: unknown, token?: string) => {
            const response = await fetch(`${options.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
            return { status: response.status, body: await response.json() };
        };
        const { body: login } = await api('/auth/login', options.operator);
        const claimed = await api(`/verifications/${first.id}/claim`, {}, login.token);
        const rejected = await api(`/verifications/${first.id}/reject`, { version: claimed.body.version, reasons: ['photo_unclear'] }, login.token);
        steps.push({ step: `${options.operator.username} rejects ${first.id} (photo_unclear)`, status: rejected.status, id: first.id });
        log(`${options.operator.username} rejects ${first.id} (photo_unclear): ${rejected.status}`);
        await record('the resubmission with a sharp selfie', 'verification', { fields: { ...fields, previousId: first.id }, files: { ...good, selfie: upload(selfie, 'selfie2.jpg') } });
    }
    // Another customer, who reads English (their notices are in English): a number and an identity of their own.
    const englishMobile = `${mobileNumber.slice(0, -4)}${String((Number(mobileNumber.slice(-4)) + 5000) % 10000).padStart(4, '0')}`;
    await record('an English-speaking customer\'s verification', 'verification', {
        fields: {
            ...fields, fullName: 'Customer App English', idNumber: makeIdNumber('310104', '1991-08-21', Number(mobileNumber.slice(-3))), mobileNumber: englishMobile,
            email: 'customer.app.en@example.com', address: 'Jl. Contoh No. 1, Jakarta', customerLanguage: 'en',
        },
        files: { ...good, selfie: upload(selfie, 'selfie.jpg') },
    });
    return steps;
}

export interface OutboxEntry {
    requestId: string;
    notices: { id: string; channel: string; language: string; state: string; subject: string | null }[];
}

/**
 * What the run's requests sent the customer so far: each created request's notices (docs/api.md §6.12), read by the
 * operator one request at a time (masked for them: only the channel, language, state and subject are kept).
 */
export async function outboxOf(options: Pick<JourneyOptions, 'baseUrl' | 'operator'>, steps: JourneyStep[]): Promise<OutboxEntry[]> {
    const call = async (path: string, init: RequestInit = {}) => (await fetch(`${options.baseUrl}${path}`, init)).json();
    const { token } = await call('/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(options.operator) });
    const ids = [...new Set(steps.filter(step => step.status === 201 && step.id).map(step => step.id!))];
    return Promise.all(ids.map(async requestId => {
        const filter = encodeURIComponent(JSON.stringify({ requestId }));
        const notices: OutboxEntry['notices'] = await call(`/notices?filter=${filter}&sort=${encodeURIComponent('["id","ASC"]')}`, { headers: { Authorization: `Bearer ${token}` } });
        return { requestId, notices: notices.map(({ id, channel, language, state, subject }) => ({ id, channel, language, state, subject })) };
    }));
}

/** One line per request: its notices, or that it has sent none yet (not decided). */
export const formatOutbox = (outbox: OutboxEntry[]) => outbox.map(({ requestId, notices }) =>
    `${requestId}: ${notices.length === 0 ? 'no notice (not decided)' : notices.map(n => `${n.id} ${n.channel} ${n.language} ${n.state}${n.subject ? ` "${n.subject}"` : ''}`).join('; ')}`);

const isMain = process.argv[1]?.endsWith('customerApp.ts');
if (isMain) {
    const baseUrl = (process.env.CUSTOMER_APP_API ?? 'http://127.0.0.1:8787/api').replace(/\/$/, '');
    const operator = { username: process.env.CUSTOMER_APP_OPERATOR ?? 'operator1', password: process.env.CUSTOMER_APP_PASSWORD ?? 'demo' };
    const steps = await playJourney({
        baseUrl,
        intakeKey: process.env.CUSTOMER_APP_INTAKE_KEY ?? 'demo-intake-key-0123456789abcdef',
        operator,
        photoSize: process.env.CUSTOMER_APP_PHOTOS === 'small' ? 'small' : 'phone',
        log: line => console.log(line),
    });
    console.log(`\n${steps.length} steps against ${baseUrl}`);
    const outbox = await outboxOf({ baseUrl, operator }, steps);
    console.log(`\nThe outbox: ${outbox.reduce((sum, entry) => sum + entry.notices.length, 0)} notices for the ${outbox.length} requests this run created`);
    for (const line of formatOutbox(outbox)) console.log(`  ${line}`);
}
