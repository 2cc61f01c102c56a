import type { Hono } from 'hono';
import { checkImage, type ImageType } from '../../../src/domain/imageCheck';
import { CANCELLATION_FILES, checkCancellationForm, checkVerificationForm, VERIFICATION_FILES, type FieldProblems } from '../../../src/domain/intakeForm';
import { refuse } from '../../../src/domain/refusal';
import type { RequestKind, ReviewRequest } from '../../../src/domain/types';
import type { AppDeps } from '../deps';
import { newDocumentKey } from '../documentStorage';
import { publicEndpoint, type Call } from '../endpoint';
import { MAX_INTAKE_BODY_BYTES } from '../guard';
import { sameText } from '../intake/hmac';
import { cancellationDraft, previousAttempt, verificationDraft } from '../intake/submission';
import { BodyTooLarge, readLimited } from '../validate';
import { HttpError, json } from '../respond';

// The customer app's side of the API (docs/api.md §6.11): POST {base}/intake/verifications and /intake/cancellations,
// multipart/form-data, with an intake key (X-Intake-Key), never an operator's token. Order: key (401), size (413),
// form (400), every field's problem at once (400, or 413 for an image above 2 MB), idempotency (200 replay, 409), the
// resubmission's previous request (400), then documents and record together: all of it stored, or none of it.

const FILES: Record<RequestKind, readonly string[]> = { verification: VERIFICATION_FILES, cancellation: CANCELLATION_FILES };
const REQUIRED_FILES: Record<RequestKind, readonly string[]> = { verification: VERIFICATION_FILES, cancellation: [] };
const MAX_IDEMPOTENCY_KEY = 200;

function checkIntakeKey(deps: AppDeps, request: Request) {
    const given = request.headers.get('X-Intake-Key') ?? '';
    // Compared with every key in constant time, so that timing tells nothing about a near miss.
    const known = (deps.config.intakeKeys ?? []).reduce((found, key) => sameText(key, given) || found, false);
    if (!given || !known) throw new HttpError('unauthenticated', 'missing or unknown intake key');
}

async function readForm(call: Call): Promise<FormData> {
    const type = call.request.headers.get('Content-Type') ?? '';
    if (!/^multipart\/form-data\s*;/i.test(type)) refuse('bad_request', 'the body must be multipart/form-data', { fields: { body: 'not_multipart' } });
    let bytes: Uint8Array;
    try {
        bytes = await readLimited(call.request, MAX_INTAKE_BODY_BYTES);
    } catch (error) {
        if (error instanceof BodyTooLarge) refuse('payload_too_large', `intake bodies are limited to ${MAX_INTAKE_BODY_BYTES} bytes`);
        throw error;
    }
    try {
        return await new Response(bytes as BodyInit, { headers: { 'Content-Type': type } }).formData();
    } catch {
        return refuse('bad_request', 'the body is not a readable multipart form', { fields: { body: 'invalid' } });
    }
}

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map(byte => byte.toString(16).padStart(2, '0')).join('');
const digest = async (bytes: Uint8Array) => hex(await crypto.subtle.digest('SHA-256', bytes as BufferSource));

interface CheckedFile {
    bytes: Uint8Array;
    type: ImageType;
}

/** The form's images by field, each checked by its bytes; problems go into `problems`. */
async function checkFiles(form: FormData, kind: RequestKind, problems: FieldProblems): Promise<Record<string, CheckedFile>> {
    const checked: Record<string, CheckedFile> = {};
    for (const name of FILES[kind]) {
        const value = form.get(name);
        if (value === null || value === '') {
            if (REQUIRED_FILES[kind].includes(name)) problems[name] = 'required';
            continue;
        }
        if (typeof value === 'string') {
            problems[name] = 'type_unknown';
            continue;
        }
        const bytes = new Uint8Array(await value.arrayBuffer());
        const result = checkImage(bytes);
        if (result.ok) checked[name] = { bytes, type: result.type };
        else problems[name] = result.problem;
    }
    return checked;
}

/** What the customer app is told: the new request's id, state and due time (never identity data or document URLs). */
const receipt = (record: ReviewRequest) => ({
    id: record.id, kind: record.kind, status: record.status, attempt: record.attempt, previousId: record.previousId, submittedAt: record.submittedAt, dueAt: record.dueAt,
});

export function intake(app: Hono, deps: AppDeps) {
    for (const kind of ['verification', 'cancellation'] as const) {
        app.post(`${deps.config.base}/intake/${kind}s`, publicEndpoint(deps, async call => {
            checkIntakeKey(deps, call.request);
            const idempotencyKey = call.request.headers.get('Idempotency-Key');
            if (idempotencyKey !== null && (idempotencyKey.length === 0 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY || !/^[\x21-\x7e]+$/.test(idempotencyKey))) {
                refuse('bad_request', `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY} visible ASCII characters`, { fields: { 'Idempotency-Key': 'invalid' } });
            }
            const form = await readForm(call);
            const text = (name: string) => {
                const value = form.get(name);
                return typeof value === 'string' ? value : undefined;
            };
            const checkedForm = kind === 'verification' ? checkVerificationForm(text) : checkCancellationForm(text);
            const problems = checkedForm.problems;
            const files = await checkFiles(form, kind, problems);
            if (Object.values(problems).includes('too_large')) refuse('payload_too_large', 'an image is larger than 2 MB', { fields: problems });
            if (Object.keys(problems).length > 0) refuse('bad_request', `the form has problems: ${Object.keys(problems).join(', ')}`, { fields: problems });

            // The same submission's fingerprint: its fields and each image's SHA-256, whatever order the parts came in.
            const hashes = Object.fromEntries(await Promise.all(Object.entries(files).map(async ([name, file]) => [name, await digest(file.bytes)] as const)));
            const fingerprint = await digest(new TextEncoder().encode(JSON.stringify({ kind, form: checkedForm.form, files: Object.entries(hashes).sort() })));
            const replayOf = async (found: { fingerprint: string; requestId: string; requestKind: RequestKind }) => {
                if (found.requestKind !== kind || found.fingerprint !== fingerprint) refuse('idempotency_key_reused', 'this Idempotency-Key was used for another submission');
                const record = await deps.store.request(kind, found.requestId) ?? refuse('not_found', `request ${found.requestId} is gone`);
                return json(receipt(record), 200, { 'Idempotent-Replay': 'true' });
            };
            const earlier = idempotencyKey === null ? null : await deps.store.intakeSubmission(idempotencyKey);
            if (earlier) return replayOf(earlier);

            // Documents first, under fresh keys; the record in one transaction; on any failure the documents go again.
            const keys = Object.fromEntries(Object.entries(files).map(([name, file]) => [name, newDocumentKey(file.type)]));
            const stored: string[] = [];
            let replay: Response | null = null;
            try {
                for (const [name, file] of Object.entries(files)) {
                    await deps.documentStorage!.put(keys[name]!, file.bytes);
                    stored.push(keys[name]!);
                }
                const created = await deps.store.transaction(async tx => {
                    if (idempotencyKey !== null) {
                        await tx.lockIntakeKey(idempotencyKey);
                        const raced = await tx.intakeSubmission(idempotencyKey);
                        if (raced) {
                            replay = await replayOf(raced);
                            return null;
                        }
                    }
                    const now = deps.now();
                    const { form: values } = checkedForm;
                    const previous = values.previousId === null ? null : await previousAttempt(tx, kind, values.previousId, values.mobileNumber);
                    const stamp = { now, sla: deps.config.sla, previous };
                    const submission = idempotencyKey === null ? null : { idempotencyKey, fingerprint };
                    if (checkedForm.form && 'idNumber' in values) {
                        const draft = verificationDraft(values, { idFront: keys.idFront!, idBack: keys.idBack!, selfie: keys.selfie! }, stamp);
                        // The same identity on other accounts: a duplicate both ways (docs/api.md §6.1 `duplicateIds`).
                        const others = (await tx.lockVerificationsWithIdNumber(values.idNumber)).filter(other => other.mobileNumber !== values.mobileNumber);
                        const record = await tx.insertRequest({ ...draft, duplicateIds: others.map(other => other.id) }, submission);
                        for (const other of others) await tx.saveRequest({ ...other, duplicateIds: [...other.duplicateIds, record.id] });
                        return record;
                    }
                    return tx.insertRequest(cancellationDraft(values as Parameters<typeof cancellationDraft>[0], keys.idScan ?? null, stamp), submission);
                });
                if (replay || !created) {
                    await Promise.all(stored.map(key => deps.documentStorage!.delete(key)));
                    return replay ?? refuse('internal', 'no request was created');
                }
                return json(receipt(created), 201, { Location: `${deps.config.base}/intake/${kind}s/${created.id}` });
            } catch (error) {
                await Promise.all(stored.map(key => deps.documentStorage!.delete(key).catch(() => undefined)));
                throw error;
            }
        }));
    }
}
