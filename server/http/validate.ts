import type * as z from 'zod/mini';
import { badField, refuse } from '../../src/domain/refusal';
import type { ApiErrorCode } from '../../src/domain/types';

// Request bodies, checked with the contract's schemas (src/contract/bodies.ts), whose issues carry the `fields` problem.

/** The body as a JSON object: an empty body counts as {}, whatever the Content-Type; anything else is a 400. */
export async function readBody(request: Request): Promise<Record<string, unknown>> {
    let body: unknown;
    try {
        const text = await request.text();
        body = text === '' ? {} : JSON.parse(text);
    } catch {
        return refuse('bad_request', 'body is not valid JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) refuse('bad_request', 'body must be a JSON object');
    return body as Record<string, unknown>;
}

/** "next.exclude" for an issue at ["next", "exclude", 3]: the field, not the item. */
const fieldOf = (issue: z.core.$ZodIssue) => issue.path.filter(key => typeof key === 'string').join('.') || 'body';

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
