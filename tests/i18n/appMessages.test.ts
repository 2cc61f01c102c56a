// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, ERROR_CODES } from '../../src/contract/primitives';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { loadMessages } from '../../src/providers/i18nProvider';

const flatten = (tree: object, prefix = ''): Record<string, string> =>
    Object.entries(tree).reduce<Record<string, string>>((acc, [key, value]) => {
        const path = prefix ? `${prefix}.${key}` : key;
        return typeof value === 'string' ? { ...acc, [path]: value } : { ...acc, ...flatten(value as object, path) };
    }, {});
const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map(m => m[1]).sort();

describe("the console's own strings", () => {
    const english = flatten(en);
    const chinese = flatten(zh);

    it('exist in English and Simplified Chinese with exactly the same keys', () => {
        expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
    });

    it('are really translated, keeping their placeholders', () => {
        for (const [key, text] of Object.entries(english)) {
            expect(chinese[key], key).not.toBe('');
            expect(placeholders(chinese[key]!), key).toEqual(placeholders(text));
        }
        const untranslated = Object.keys(english).filter(key => chinese[key] === english[key]);
        expect(untranslated).toEqual([]);
    });

    it('name every audit action and every error code of the contract, in both languages', () => {
        for (const messages of [english, chinese]) {
            for (const action of AUDIT_ACTIONS) expect(messages[`app.audit.action.${action}`], action).toBeTruthy();
            for (const code of ERROR_CODES) expect(messages[`app.errors.${code}`], code).toBeTruthy();
        }
    });

    it('do not shadow react-admin keys: each language carries both sets', async () => {
        for (const messages of [await loadMessages('en'), await loadMessages('zh-CN')]) {
            expect(messages).toHaveProperty('ra.action.save');
            expect(messages).toHaveProperty('app.title');
        }
    });
});
