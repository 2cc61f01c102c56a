import type { TranslationMessages } from 'react-admin';
import raChinese from './raChinese';
import { zh } from './zh';

/** Every string of the console in Simplified Chinese, react-admin's and its own: a chunk loaded only when Chinese is chosen. */
export const chineseMessages: TranslationMessages = { ...raChinese, ...zh };
