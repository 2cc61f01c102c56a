// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { composeCustomerMessage, invalidReasonIds, isFinalRejection, REASONS, reasonsFor } from '../../src/domain/reasonCatalogue';

describe('the rejection reason catalogue', () => {
    it('covers both request kinds, each reason with a label and a template in zh-CN and en', () => {
        expect(reasonsFor('verification').length).toBeGreaterThanOrEqual(9);
        expect(reasonsFor('cancellation').length).toBeGreaterThanOrEqual(6);
        for (const reason of REASONS) {
            expect(reason.label.en && reason.label['zh-CN'] && reason.template.en && reason.template['zh-CN']).toBeTruthy();
        }
    });

    it('has unique codes', () => {
        expect(new Set(REASONS.map(r => r.id)).size).toBe(REASONS.length);
    });

    it('refuses codes of the other kind and unknown codes', () => {
        expect(invalidReasonIds('verification', ['id_expired', 'bills_unpaid', 'nope'])).toEqual(['bills_unpaid', 'nope']);
        expect(invalidReasonIds('cancellation', ['bills_unpaid'])).toEqual([]);
    });

    it('a rejection is final as soon as one reason is final', () => {
        expect(isFinalRejection(['id_expired'])).toBe(false);
        expect(isFinalRejection(['id_expired', 'document_forged'])).toBe(true);
    });

    it('builds the customer message in the customer\'s language from the templates', () => {
        const zh = composeCustomerMessage(['id_expired', 'photo_unclear'], 'zh-CN', '王伟');
        expect(zh).toContain('尊敬的王伟');
        expect(zh).toContain('身份证已过有效期');
        expect(zh).toContain('您可以修改后重新提交');
        const en = composeCustomerMessage(['underage'], 'en', 'Wang Wei');
        expect(en).toMatch(/^Dear Wang Wei,/);
        expect(en).toContain('This decision is final.');
    });
});
