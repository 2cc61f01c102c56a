// Checks a value against a JSON Schema of the published contract (docs/openapi.json, generated from src/contract). Only
// the keywords that document uses: $ref, type, const, enum, properties, required, items, prefixItems, anyOf, oneOf,
// pattern, minimum, maximum, minLength, maxLength, minItems. Small on purpose: it runs in the console's first chunk.

export type JsonSchema = Record<string, unknown>;

const patterns = new Map<string, RegExp>();
const patternOf = (source: string) => {
    let pattern = patterns.get(source);
    if (!pattern) patterns.set(source, (pattern = new RegExp(source)));
    return pattern;
};

function typeOf(value: unknown): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'array';
    if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
    return typeof value;
}

const fits = (actual: string, wanted: unknown) => (Array.isArray(wanted) ? wanted : [wanted]).some(type => type === actual || (type === 'number' && actual === 'integer'));
const key = (path: string, name: string | number) => (typeof name === 'number' ? `${path}[${name}]` : `${path}.${name}`);

/** The first thing wrong with `value`, as "path: expected ...", or null when it fits. `$ref`s resolve in `schemas`. */
export function firstProblem(schema: JsonSchema, value: unknown, path: string, schemas: Record<string, JsonSchema>): string | null {
    if (typeof schema.$ref === 'string') return firstProblem(schemas[schema.$ref.split('/').pop()!] ?? {}, value, path, schemas);
    const expected = (what: string) => `${path}: expected ${what}`;
    if (schema.type !== undefined && !fits(typeOf(value), schema.type)) return expected([schema.type].flat().join(' or '));
    if ('const' in schema && value !== schema.const) return expected(JSON.stringify(schema.const));
    if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return expected(`one of ${schema.enum.join(', ')}`);
    const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
    if (branches) {
        const problems = branches.map(branch => firstProblem(branch, value, path, schemas));
        const passing = problems.filter(problem => problem === null).length;
        if (passing === 0 || (schema.oneOf && passing > 1)) return problems.find(problem => problem !== null) ?? expected('exactly one of its forms');
    }
    if (typeof value === 'string') {
        if (typeof schema.pattern === 'string' && !patternOf(schema.pattern).test(value)) return expected(`text matching ${schema.format ?? schema.pattern}`);
        if (typeof schema.minLength === 'number' && value.length < schema.minLength) return expected(`at least ${schema.minLength} characters`);
        if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) return expected(`at most ${schema.maxLength} characters`);
    }
    if (typeof value === 'number') {
        if (typeof schema.minimum === 'number' && value < schema.minimum) return expected(`at least ${schema.minimum}`);
        if (typeof schema.maximum === 'number' && value > schema.maximum) return expected(`at most ${schema.maximum}`);
    }
    if (Array.isArray(value)) {
        if (typeof schema.minItems === 'number' && value.length < schema.minItems) return expected(`at least ${schema.minItems} items`);
        const tuple = (schema.prefixItems ?? []) as JsonSchema[];
        for (let i = 0; i < value.length; i += 1) {
            const item = tuple[i] ?? (schema.items as JsonSchema | undefined);
            const problem = item ? firstProblem(item, value[i], key(path, i), schemas) : null;
            if (problem) return problem;
        }
    }
    if (typeOf(value) === 'object') {
        const record = value as Record<string, unknown>;
        for (const name of (schema.required ?? []) as string[]) if (!(name in record)) return `${key(path, name)}: expected a value`;
        for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
            const problem = name in record ? firstProblem(property, record[name], key(path, name), schemas) : null;
            if (problem) return problem;
        }
    }
    return null;
}
