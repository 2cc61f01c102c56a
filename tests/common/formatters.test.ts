import { describe, expect, it } from 'vitest';
import { DATE_TIME, dateTimeFormat, numberFormat } from '../../src/common/formatters';

describe('the console formats dates and numbers with one formatter per language and options', () => {
    const at = new Date('2026-11-24T02:05:09.000Z');

    it('writes a date and time as Date.toLocaleString does, in English and in Chinese', () => {
        for (const locale of ['en', 'zh-CN']) expect(dateTimeFormat(locale).format(at)).toBe(at.toLocaleString(locale));
        expect(dateTimeFormat('en', { dateStyle: 'short', timeStyle: 'short' }).format(at)).toBe(at.toLocaleString('en', { dateStyle: 'short', timeStyle: 'short' }));
    });

    it('makes each formatter once: the same language and options give the same formatter', () => {
        expect(dateTimeFormat('en')).toBe(dateTimeFormat('en', DATE_TIME));
        expect(dateTimeFormat('en')).not.toBe(dateTimeFormat('zh-CN'));
        expect(numberFormat('en', { maximumFractionDigits: 1 })).toBe(numberFormat('en', { maximumFractionDigits: 1 }));
        expect(numberFormat('en', { maximumFractionDigits: 1 })).not.toBe(numberFormat('en', { maximumFractionDigits: 2 }));
    });

    it('keeps number options apart from date options with the same text', () => {
        expect(numberFormat('en', {}).format(1234.5)).toBe('1,234.5');
        expect(dateTimeFormat('en', {}).format(at)).toBe(at.toLocaleDateString('en'));
    });
});
