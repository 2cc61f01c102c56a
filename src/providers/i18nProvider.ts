import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import englishMessages from 'ra-language-english';
import { en } from '../i18n/en';
import raChinese from '../i18n/raChinese';
import { zh } from '../i18n/zh';

// English and Simplified Chinese for react-admin's own strings and the console's; the choice is remembered.

export type ConsoleLocale = 'en' | 'zh-CN';

export const MESSAGES: Record<ConsoleLocale, TranslationMessages> = {
    en: { ...englishMessages, ...en },
    'zh-CN': { ...raChinese, ...zh },
};

const browserLocale = (): ConsoleLocale => (typeof navigator !== 'undefined' && navigator.language?.startsWith('zh') ? 'zh-CN' : 'en');

export function createI18nProvider(initialLocale: ConsoleLocale = browserLocale()) {
    return polyglotI18nProvider(locale => MESSAGES[locale as ConsoleLocale] ?? MESSAGES.en, initialLocale, [
        { locale: 'en', name: 'English' },
        { locale: 'zh-CN', name: '简体中文' },
    ], { allowMissing: false });
}
