import type * as z from 'zod/mini';
import { jsonInputProblem } from '../../src/contract/jsonInput';
import { badField, refuse } from '../../src/domain/refusal';
import type { ApiErrorCode } from '../../src/domain/types';
import type { Call } from './endpoint';
import { maxBodyBytes } from './guard';

// Request bodies, checked with the contract's schemas (src/contract/bodies.ts), whose issues carry the `fields` problem.

export class BodyTooLarge extends Error {}

/** The body's bytes, counted as they arrive: past `limit` the rest is never read (a body without Content-Length). */
export async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
    if (!request.body) return new Uint8Array(0);
    const reader = request.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
        size += read.value.byteLength;
        if (size > limit) {
            await reader.cancel().catch(() => undefined);
            throw new BodyTooLarge();
        }
        chunks.push(read.value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.byteLength;
    }
    return bytes;
}

/** "next.exclude" for ["next", "exclude", 3]: the field, not the item. */
const fieldAt = (path: readonly PropertyKey[]) => path.filter(key => typeof key === 'string').join('.') || 'body';

/**
 * The body as a JSON object: an empty body counts as {}, whatever the Content-Type; anything else is a 400, a body
 * above the size limit a 413, JSON nested too deeply or holding U+0000 a 400 naming the field.
 */
export async function readBody({ request, deps }: Pick<Call, 'request' | 'deps'>): Promise<Record<string, unknown>> {
    const limit = maxBodyBytes(deps.config);
    let body: unknown;
    try {
        const text = new TextDecoder().decode(await readLimited(request, limit));
        body = text === '' ? {} : JSON.parse(text);
    } catch (error) {
        if (error instanceof BodyTooLarge) refuse('payload_too_large', `bodies are limited to ${limit} bytes`);
        return refuse('bad_request', 'body is not valid JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) refuse('bad_request', 'body must be a JSON object');
    const problem = jsonInputProblem(body);
    if (problem) badField(fieldAt(problem.path), problem.problem);
    return body as Record<string, unknown>;
}

const fieldOf = (issue: z.core.$ZodIssue) => fieldAt(issue.path);

/** The body as the schema reads it, or a 400 naming the first problem; `codes` answer some fields with their own code. */
export function checkBody<S extends z.ZodMiniType>(schema: S, body: unknown, codes: Record<string, ApiErrorCode> = {}): z.infer<S> {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    const field = fieldOf(issue);
    const code = Object.hasOwn(codes, field) ? codes[field]! : 'bad_request';
    if (code !== 'bad_request') refuse(code, `"${field}": ${issue.message.replace(/_/g, ' ')}`, { fields: { [field]: issue.message } });
    return badField(field, issue.message as 'invalid');
}

/** Every problem of the body at once (POST /quality-samples): `fields` per field, the first problem of each. */
export function bodyProblems<S extends z.ZodMiniType>(schema: S, body: unknown): { value: z.infer<S> | null; fields: Record<string, string> } {
    const result = schema.safeParse(body);
    if (result.success) return { value: result.data, fields: {} };
    const fields: Record<string, string> = {};
    for (const issue of result.error.issues) fields[fieldOf(issue)] ??= issue.message;
    return { value: null, fields };
}
