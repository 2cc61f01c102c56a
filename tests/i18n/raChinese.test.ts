import { describe, it, expect } from 'vitest';
import englishMessages from 'ra-language-english';
import raChinese from '../../src/i18n/raChinese';

/** Flattens nested messages to `dotted.key.path -> value` (non-object values are leaves). */
const flatten = (
    value: unknown,
    prefix = '',
    out: Map<string, unknown> = new Map()
): Map<string, unknown> => {
    if (value !== null && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
            flatten(child, prefix ? `${prefix}.${key}` : key, out);
        }
    } else {
        out.set(prefix, value);
    }
    return out;
};

/** Same token syntax as node-polyglot's default interpolation: %{name}. */
const placeholders = (text: unknown): string[] =>
    typeof text === 'string'
        ? [...new Set([...text.matchAll(/%\{(.*?)\}/g)].map(m => m[1] ?? ''))].sort()
        : [];

const english = flatten(englishMessages);
const chinese = flatten(raChinese);
const englishKeys = [...english.keys()].sort();
const chineseKeys = [...chinese.keys()].sort();

describe('raChinese (react-admin UI messages, zh)', () => {
    it('has exactly the same key paths as ra-language-english', () => {
        expect(englishKeys.length).toBeGreaterThan(0);
        const missing = englishKeys.filter(key => !chinese.has(key));
        const extra = chineseKeys.filter(key => !english.has(key));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
        expect(chineseKeys).toEqual(englishKeys);
    });

    it('has a non-empty string for every key', () => {
        const invalid = chineseKeys.filter(key => {
            const value = chinese.get(key);
            return typeof value !== 'string' || value.length === 0;
        });
        expect(invalid).toEqual([]);
    });

    it('keeps exactly the same %{...} placeholders as the English text', () => {
        const mismatches = englishKeys
            .map(key => ({
                key,
                en: placeholders(english.get(key)),
                zh: placeholders(chinese.get(key)),
            }))
            .filter(({ en, zh }) => en.join(',') !== zh.join(','));
        expect(mismatches).toEqual([]);
    });

    it('keeps the |||| plural separator only where the English has it', () => {
        const hasSeparator = (text: unknown) =>
            typeof text === 'string' && text.includes('||||');
        const mismatches = englishKeys.filter(
            key => hasSeparator(english.get(key)) !== hasSeparator(chinese.get(key))
        );
        expect(mismatches).toEqual([]);
    });

    it('actually translates at least 95% of the messages', () => {
        const untranslated = englishKeys.filter(
            key => chinese.get(key) === english.get(key)
        );
        const ratio = (englishKeys.length - untranslated.length) / englishKeys.length;
        expect(
            ratio,
            `identical to English (${untranslated.length}/${englishKeys.length}): ${untranslated.join(', ')}`
        ).toBeGreaterThanOrEqual(0.95);
    });
});
