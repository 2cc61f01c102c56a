import type * as z from 'zod/mini';
import { qualityReviewFilter, qualitySampleFilter } from '../../contract/listQuery';
import type { QualityReview, QualitySample } from '../types';
import { oneOrMany } from './page';
import type { ListQuery, ListSpec } from './parse';

// GET /quality-samples and GET /quality-reviews (docs/api.md §6.8, §6.9): newest first by default.

export const QUALITY_SAMPLE_LIST = {
    sortable: ['id', 'createdAt', 'operatorId'], defaultSort: { field: 'id', order: 'DESC' }, filter: qualitySampleFilter, emptyIsAbsent: true,
} satisfies ListSpec;
export const QUALITY_REVIEW_LIST = {
    sortable: ['id', 'decidedAt', 'reviewedAt'], defaultSort: { field: 'id', order: 'DESC' }, filter: qualityReviewFilter, emptyIsAbsent: true,
} satisfies ListSpec;

export type QualitySampleListQuery = ListQuery<z.infer<typeof qualitySampleFilter>>;
export type QualityReviewListQuery = ListQuery<z.infer<typeof qualityReviewFilter>>;

const among = <T>(value: unknown, read: (row: T) => string) => {
    if (value === undefined) return () => true;
    const wanted = new Set(oneOrMany(value));
    return (row: T) => wanted.has(read(row));
};

export function qualitySamplePredicate(filter: QualitySampleListQuery['filter']): (sample: QualitySample) => boolean {
    const tests = [among<QualitySample>(filter.id, s => s.id), among<QualitySample>(filter.operatorId, s => s.operatorId), among<QualitySample>(filter.createdBy, s => s.createdBy)];
    return sample => tests.every(test => test(sample));
}

/** `verdict`: "pending" is a review without one. */
export function qualityReviewPredicate(filter: QualityReviewListQuery['filter']): (review: QualityReview) => boolean {
    const tests = [
        among<QualityReview>(filter.id, r => r.id), among<QualityReview>(filter.sampleId, r => r.sampleId),
        among<QualityReview>(filter.operatorId, r => r.operatorId), among<QualityReview>(filter.verdict, r => r.verdict ?? 'pending'),
    ];
    return review => tests.every(test => test(review));
}
