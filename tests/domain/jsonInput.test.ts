// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { jsonInputProblem, MAX_JSON_DEPTH } from '../../src/contract/jsonInput';

// The limits on client JSON (src/contract/jsonInput.ts), checked before any rule reads the value.

const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : [nested(depth - 1)]);

describe('client JSON', () => {
    it('passes what the contract sends: a decision with next.exclude', () => {
        expect(jsonInputProblem({ version: 3, note: 'ok', next: { exclude: ['V-000001'] } })).toBeNull();
        expect(jsonInputProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    });

    it('refuses nesting past the limit, at any depth, without recursion', () => {
        expect(jsonInputProblem(nested(MAX_JSON_DEPTH + 1))).toEqual({ path: Array(MAX_JSON_DEPTH).fill(0), problem: 'too_deep' });
        expect(jsonInputProblem(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))?.problem).toBe('too_deep');
    });

    it('refuses U+0000 in a string or a key, and says where', () => {
        expect(jsonInputProblem({ note: 'a\u0000b' })).toEqual({ path: ['note'], problem: 'invalid_character' });
        expect(jsonInputProblem({ next: { exclude: ['ok', '\u0000'] } })).toEqual({ path: ['next', 'exclude', 1], problem: 'invalid_character' });
        expect(jsonInputProblem({ 'a\u0000': 1 })).toEqual({ path: ['a\u0000'], problem: 'invalid_character' });
    });

    it('reads prototype keys as plain data', () => {
        expect(jsonInputProblem(JSON.parse('{"__proto__":{"x":"\\u0000"},"constructor":1}'))).toEqual({ path: ['__proto__', 'x'], problem: 'invalid_character' });
    });
});
