import { afterEach, describe, expect, it } from 'vitest';
import { createI18nProvider, loadMessages, messagesFor, preferredLocale } from '../../src/providers/i18nProvider';

describe('the language of the console', () => {
    afterEach(() => localStorage.clear());

    it('is the one chosen last, kept in react-admin\'s store, before the browser\'s', () => {
        expect(preferredLocale()).toBe('en');
        localStorage.setItem('RaStore.locale', JSON.stringify('zh-CN'));
        expect(preferredLocale()).toBe('zh-CN');
        localStorage.setItem('RaStore.locale', 'not json');
        expect(preferredLocale()).toBe('en');
    });

    it('starts in Chinese once the Chinese strings are loaded, which are not in the first chunk', async () => {
        expect(messagesFor('en')).toHaveProperty('ra.action.save', 'Save');
        await loadMessages('zh-CN');
        const i18n = createI18nProvider('zh-CN');
        expect(i18n.getLocale()).toBe('zh-CN');
        expect(i18n.translate('ra.action.save')).toBe('保存');
        await i18n.changeLocale('en');
        expect(i18n.translate('ra.action.save')).toBe('Save');
    });
});
