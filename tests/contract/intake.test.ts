// @vitest-environment node
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFinalRejection } from '../../src/domain/reasonCatalogue';
import { dueAt } from '../../src/domain/sla';
import { intakeClient, upload, type IntakeClient, type Submission } from '../../scripts/customerApp';
import { makeOversizedPhoto, makeSmallPhoto, NOT_PHOTOS } from '../support/testImages';
import { apiClient, INTAKE_KEY, startTarget } from './apiClient';

// Intake (docs/api.md §6.11) and uploaded documents (§6.6) over real HTTP, on the mock and on the review server: what the
// customer app may submit, what is refused and why, that nothing half-stored stays, idempotent retries, resubmissions,
// and the signed, expiring, per-viewer document URLs.

const clock = { now: new Date() };
let target: Awaited<ReturnType<typeof startTarget>>;
let api: ReturnType<typeof apiClient>;
let intake: IntakeClient;
let supervisor: string;
let operator1: string;
let photos: { jpeg: Uint8Array; png: Uint8Array; selfie: Uint8Array };

beforeAll(async () => {
    target = await startTarget(clock);
    api = apiClient(target.baseUrl);
    intake = intakeClient(target.baseUrl, INTAKE_KEY);
    [supervisor, operator1] = await Promise.all([api.login('supervisor1'), api.login('operator1')]);
    const [jpeg, png, selfie] = await Promise.all([makeSmallPhoto('jpeg'), makeSmallPhoto('png', 'id-back'), makeSmallPhoto('jpeg', 'selfie')]);
    photos = { jpeg: jpeg!, png: png!, selfie: selfie! };
}, 60_000);
afterAll(() => target.close());

let serial = 0;
/** A well-formed verification form for a new Axis number (each call its own). */
function verificationForm(overrides: Record<string, string> = {}): Submission {
    serial += 1;
    return {
        fields: {
            fullName: '测试 Intake', idNumber: '110101199003070226', mobileNumber: `+62838${String(70_000_000 + serial * 7919 + Math.floor(Math.random() * 1000)).padStart(8, '0')}`,
            contactPhone: '+8613800138000', email: 'intake.test@example.com', address: '北京市东城区示例路1号', customerLanguage: 'en', ...overrides,
        },
        files: { idFront: upload(photos.jpeg, 'front.jpg'), idBack: upload(photos.png, 'back.png'), selfie: upload(photos.selfie, 'me.jpg') },
    };
}
const count = async (resource: string) => Number((await api.list(`/${resource}`, { range: [0, 0] }, supervisor)).headers.get('Content-Range')!.split('/')[1]);
const storedFiles = () => (target.documentsDir ? readdirSync(target.documentsDir).filter(name => !name.endsWith('.partial')) : []);

describe('intake of a verification', () => {
    it('creates a pending request in the queue with its SLA due time and checks, and its documents by signed URL', async () => {
        const before = await count('verifications');
        const answer = await intake.submit('verification', verificationForm());
        expect(answer.status).toBe(201);
        expect(answer.body).toMatchObject({ kind: 'verification', status: 'pending', attempt: 1, previousId: null });
        expect(answer.body.dueAt).toBe(dueAt(new Date(answer.body.submittedAt)).toISOString());
        expect(await count('verifications')).toBe(before + 1);

        const record = (await api.call('GET', `/verifications/${answer.body.id}`, { token: supervisor })).body;
        expect(record).toMatchObject({ status: 'pending', version: 1, fullName: '测试 Intake', idNumber: '110101199003070226', customerLanguage: 'en', card: { name: null } });
        expect(typeof record.failedChecks).toBe('number');
        const queue = await api.list('/verifications', { filter: { open: true }, sort: ['submittedAt', 'DESC'], range: [0, 0] }, supervisor);
        expect(queue.body[0].id).toBe(answer.body.id);

        for (const [name, bytes, type] of [['idFront', photos.jpeg, 'image/jpeg'], ['idBack', photos.png, 'image/png'], ['selfie', photos.selfie, 'image/jpeg']] as const) {
            const url = record.documents[name] as string;
            expect(url).toMatch(/\/files\/[0-9a-f]{32}\.(jpg|png)\?viewer=u-supervisor1&expires=\d+&sig=/);
            const image = await fetch(url);
            expect(image.status).toBe(200);
            expect(image.headers.get('content-type')).toBe(type);
            expect(image.headers.get('x-content-type-options')).toBe('nosniff');
            expect(Buffer.from(await image.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
        }
    });

    it('refuses an operator token and no key (401); an intake key opens no operator endpoint', async () => {
        const withToken = intakeClient(target.baseUrl, '', { Authorization: `Bearer ${operator1}` });
        expect((await withToken.submit('verification', verificationForm())).body.error.code).toBe('unauthenticated');
        expect((await intakeClient(target.baseUrl, 'wrong-key-0123456789abcdef').submit('verification', verificationForm())).status).toBe(401);
        const asIntake = await fetch(`${target.baseUrl}/verifications`, { headers: { 'X-Intake-Key': INTAKE_KEY } });
        expect(asIntake.status).toBe(401);
    });

    it('names every field problem at once: files by their bytes, the ID number form, a number that is not Axis', async () => {
        const before = await count('verifications');
        const files = storedFiles().length;
        const form = verificationForm({ idNumber: '11010119900307', mobileNumber: '+6281234567890', email: 'nope', fullName: '' });
        form.files = { idFront: upload(NOT_PHOTOS.svg, 'front.jpg', 'image/jpeg'), idBack: upload(NOT_PHOTOS.pdf, 'back.png'), selfie: upload(photos.jpeg.subarray(0, 2000), 'me.jpg') };
        const answer = await intake.submit('verification', form);
        expect(answer.status).toBe(400);
        expect(answer.body.error).toMatchObject({
            code: 'bad_request',
            fields: { fullName: 'required', idNumber: 'invalid', mobileNumber: 'not_axis_number', email: 'invalid', idFront: 'type_svg', idBack: 'type_pdf', selfie: 'truncated' },
        });
        const missing = await intake.submit('verification', { fields: {}, files: {} });
        expect(missing.body.error.fields).toMatchObject({ fullName: 'required', idNumber: 'required', mobileNumber: 'required', idFront: 'required', idBack: 'required', selfie: 'required' });
        const html = verificationForm();
        html.files.selfie = upload(NOT_PHOTOS.html, 'me.png');
        expect((await intake.submit('verification', html)).body.error.fields).toEqual({ selfie: 'type_html' });
        expect(await count('verifications')).toBe(before);
        expect(storedFiles().length).toBe(files);
    });

    it('answers 413 for an image above 2 MB, naming it, and for a body above the limit before reading it', async () => {
        const form = verificationForm();
        form.files.selfie = upload(await makeOversizedPhoto(), 'big.jpg');
        const answer = await intake.submit('verification', form);
        expect(answer.status).toBe(413);
        expect(answer.body.error).toMatchObject({ code: 'payload_too_large', fields: { selfie: 'too_large' } });
        const huge = await fetch(`${target.baseUrl}/intake/verifications`, {
            method: 'POST', headers: { 'X-Intake-Key': INTAKE_KEY, 'Content-Type': 'multipart/form-data; boundary=x' }, body: new Uint8Array(7 * 1024 * 1024),
        });
        expect(huge.status).toBe(413);
        const notForm = await fetch(`${target.baseUrl}/intake/verifications`, { method: 'POST', headers: { 'X-Intake-Key': INTAKE_KEY, 'Content-Type': 'application/json' }, body: '{}' });
        expect((await notForm.json()).error).toMatchObject({ code: 'bad_request', fields: { body: 'not_multipart' } });
    }, 60_000);

    it('creates one request for the same submission sent twice, and refuses the key for another body (409)', async () => {
        const before = await count('verifications');
        const form = { ...verificationForm(), idempotencyKey: `phone-retry-${Date.now()}` };
        const first = await intake.submit('verification', form);
        const second = await intake.submit('verification', form);
        expect(first.status).toBe(201);
        expect(second.status).toBe(200);
        expect(second.headers.get('Idempotent-Replay')).toBe('true');
        expect(second.body.id).toBe(first.body.id);
        expect(await count('verifications')).toBe(before + 1);
        const other = await intake.submit('verification', { ...verificationForm(), idempotencyKey: form.idempotencyKey });
        expect(other.status).toBe(409);
        expect(other.body.error.code).toBe('idempotency_key_reused');
        expect(await count('verifications')).toBe(before + 1);
    });
});

describe('a resubmission', () => {
    const rejected = async (final: boolean) => {
        const { body } = await api.list('/verifications', { filter: { status: 'rejected', resubmission: false }, range: [0, 299], sort: ['id', 'ASC'] }, supervisor);
        for (const row of body) {
            const finalReason = isFinalRejection(row.decision.reasons);
            const later = await api.list('/verifications', { filter: { previousId: row.id }, range: [0, 0] }, supervisor);
            if (finalReason === final && later.body.length === 0) return (await api.call('GET', `/verifications/${row.id}`, { token: supervisor })).body;
        }
        throw new Error(`no ${final ? 'final' : 'retry'} rejection without a resubmission`);
    };

    it('follows a request rejected with retry reasons: linked and counted, and only once', async () => {
        const previous = await rejected(false);
        const form = verificationForm({ mobileNumber: previous.mobileNumber, previousId: previous.id });
        const answer = await intake.submit('verification', form);
        expect(answer.status).toBe(201);
        expect(answer.body).toMatchObject({ previousId: previous.id, attempt: previous.attempt + 1 });
        const again = await intake.submit('verification', verificationForm({ mobileNumber: previous.mobileNumber, previousId: previous.id }));
        expect(again.body.error.fields).toEqual({ previousId: 'already_resubmitted' });
    });

    it('is refused after a final rejection, for a request not rejected, an unknown one, or another account; nothing stays', async () => {
        const files = storedFiles().length;
        const before = await count('verifications');
        const final = await rejected(true);
        const answers = await Promise.all([
            intake.submit('verification', verificationForm({ mobileNumber: final.mobileNumber, previousId: final.id })),
            intake.submit('verification', verificationForm({ previousId: 'V-999999' })),
            intake.submit('verification', verificationForm({ previousId: (await rejected(false)).id })),
        ]);
        expect(answers.map(answer => answer.body.error.fields.previousId)).toEqual(['final_rejection', 'unknown', 'other_account']);
        const pending = (await api.list('/verifications', { filter: { status: 'pending' }, range: [0, 0] }, supervisor)).body[0];
        expect((await intake.submit('verification', verificationForm({ previousId: pending.id }))).body.error.fields).toEqual({ previousId: 'not_rejected' });
        expect(await count('verifications')).toBe(before);
        expect(storedFiles().length).toBe(files);
    });
});

describe('intake of a cancellation', () => {
    it('needs the account, the reason for leaving and an Axis number; an ID scan is optional but checked', async () => {
        const fields = { holderName: 'Intake Test', accountId: 'AX-7000001', mobileNumber: '+6283170000001', email: 'leaving@example.com', leavingReason: 'moving back home', refundRequested: 'true' };
        const answer = await intake.submit('cancellation', { fields, files: {} });
        expect(answer.status).toBe(201);
        const record = (await api.call('GET', `/cancellations/${answer.body.id}`, { token: supervisor })).body;
        expect(record).toMatchObject({ status: 'pending', holderName: 'Intake Test', account: { accountId: 'AX-7000001', refundRequested: true }, idScan: null });
        const bad = await intake.submit('cancellation', { fields: { ...fields, leavingReason: '' }, files: { idScan: upload(NOT_PHOTOS.gif, 'scan.jpg') } });
        expect(bad.body.error.fields).toEqual({ leavingReason: 'required', idScan: 'type_gif' });
    });
});

describe('document URLs', () => {
    it('are signed per viewer, refused when altered or expired, and given only to whoever may see the request whole', async () => {
        const created = await intake.submit('verification', verificationForm());
        const record = (await api.call('GET', `/verifications/${created.body.id}`, { token: supervisor })).body;
        const url = new URL(record.documents.selfie);
        expect((await fetch(url)).status).toBe(200);
        for (const altered of [
            url.href.replace(/sig=[^&]+/, 'sig=AAAA'), url.href.replace('viewer=u-supervisor1', 'viewer=u-operator2'),
            url.href.replace(/expires=(\d+)/, (_, ms) => `expires=${Number(ms) + 60_000}`), url.href.replace(/\?.*$/, ''),
        ]) {
            const answer = await fetch(altered);
            expect(answer.status).toBe(403);
            expect((await answer.json()).error.code).toBe('forbidden');
        }
        // An operator who does not hold the claim sees the request masked, without document URLs.
        const asOperator = (await api.call('GET', `/verifications/${created.body.id}`, { token: operator1 })).body;
        expect(asOperator.documents).toEqual({ idFront: null, idBack: null, selfie: null });
        // The claim's holder gets URLs of their own.
        const claimed = (await api.call('POST', `/verifications/${created.body.id}/claim`, { token: operator1 })).body;
        expect(claimed.documents.selfie).toContain('viewer=u-operator1');
        expect((await fetch(claimed.documents.selfie)).status).toBe(200);

        clock.now = new Date(clock.now.getTime() + 7 * 60 * 1000);
        const expired = await fetch(url);
        expect(expired.status).toBe(403);
        expect((await expired.json()).error.message).toMatch(/expired/);
    });
});
