// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createDb, type DbState } from '../../mocks/db';

const now = new Date('2026-11-20T03:00:00Z');

describe('the mock store', () => {
    it('starts with no quality samples or reviews, and a demo reset empties them again', () => {
        const db = createDb({ size: 60, seed: 42, now: () => now });
        expect(db.state.qualitySamples).toEqual([]);
        expect(db.state.qualityReviews).toEqual([]);
        db.state.qualitySamples.push({ id: 'QS-000001', operatorId: 'u-operator1', from: '2026-11-19', to: '2026-11-20', rate: 1, createdBy: 'u-supervisor1', createdAt: now.toISOString(), reviewIds: [] });
        db.reset();
        expect(db.state.qualitySamples).toEqual([]);
    });

    it('gives a saved state from before quality sampling empty quality collections', () => {
        const saved = createDb({ size: 60, seed: 42, now: () => now }).state as Partial<DbState>;
        delete saved.qualitySamples;
        delete saved.qualityReviews;
        const db = createDb({ initialState: saved as DbState, now: () => now });
        expect(db.state.qualitySamples).toEqual([]);
        expect(db.state.qualityReviews).toEqual([]);
    });
});
