import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import englishMessages from 'ra-language-english';
import { en } from '../i18n/en';

// English and Simplified Chinese for react-admin's own strings and the console's; the choice is remembered.
// English is in the first chunk; Chinese is loaded when chosen, and before the first render when it is the preference.

export type ConsoleLocale = 'en' | 'zh-CN';

const english: TranslationMessages = { ...englishMessages, ...en };
const loaded: Partial<Record<ConsoleLocale, TranslationMessages>> = { en: english };
let chineseLoading: Promise<TranslationMessages> | undefined;

const isConsoleLocale = (locale: unknown): locale is ConsoleLocale => locale === 'en' || locale === 'zh-CN';

/** The messages of a locale: at once when loaded, else a promise (react-admin accepts both when the locale changes). */
export function messagesFor(locale: string): TranslationMessages | Promise<TranslationMessages> {
    if (locale !== 'zh-CN') return english;
    if (loaded['zh-CN']) return loaded['zh-CN'];
    chineseLoading ??= import('../i18n/chinese').then(module => (loaded['zh-CN'] = module.chineseMessages));
    return chineseLoading;
}

/** Loads a locale's messages ahead of the first render, so that the console starts in it without a flash of English. */
export async function loadMessages(locale: ConsoleLocale): Promise<TranslationMessages> {
    return messagesFor(locale);
}

const browserLocale = (): ConsoleLocale => (typeof navigator !== 'undefined' && navigator.language?.startsWith('zh') ? 'zh-CN' : 'en');

/** The language the user chose last (react-admin keeps it in its store, `RaStore.locale`), else the browser's. */
export function preferredLocale(): ConsoleLocale {
    try {
        const stored: unknown = JSON.parse(localStorage.getItem('RaStore.locale') ?? 'null');
        if (isConsoleLocale(stored)) return stored;
    } catch {
        // No storage, or not JSON: the browser's language then.
    }
    return browserLocale();
}

/** Starts in `initialLocale` when its messages are loaded (`loadMessages`), else in English until they are. */
export function createI18nProvider(initialLocale: ConsoleLocale = preferredLocale()) {
    return polyglotI18nProvider(messagesFor, loaded[initialLocale] ? initialLocale : 'en', [
        { locale: 'en', name: 'English' },
        { locale: 'zh-CN', name: '简体中文' },
    ], { allowMissing: false });
}
