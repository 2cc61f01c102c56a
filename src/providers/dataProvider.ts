import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import type { QualityReview, QualitySample, QualityVerdict, RequestKind, ReviewRequest, Stats } from '../domain/types';
import { httpClient } from './httpClient';

// ra-data-simple-rest for the resources, plus the explicit review actions of the contract.

export const RESOURCE_OF: Record<RequestKind, string> = { verification: 'verifications', cancellation: 'cancellations' };

export interface ReviewActions {
    claim(resource: string, params: { id: string }): Promise<{ data: ReviewRequest }>;
    release(resource: string, params: { id: string; note?: string }): Promise<{ data: ReviewRequest }>;
    approve(resource: string, params: { id: string; version: number; note?: string }): Promise<{ data: ReviewRequest }>;
    reject(resource: string, params: { id: string; version: number; reasons: string[]; note?: string; customerMessage?: string }): Promise<{ data: ReviewRequest }>;
    claimNext(resource: string, params: { exclude: string[] }): Promise<{ data: ReviewRequest }>;
    sendBack(resource: string, params: { id: string; version: number; note: string }): Promise<{ data: ReviewRequest }>;
    getStats(range: { from: string; to: string }): Promise<Stats>;
    drawQualitySample(params: { operatorId: string; from: string; to: string; rate: number }): Promise<QualitySample>;
    giveQualityVerdict(params: { id: string; verdict: QualityVerdict; note: string }): Promise<QualityReview>;
    reassign(resource: string, params: { id: string; to: string; note: string }): Promise<{ data: ReviewRequest }>;
    resetDemoData(): Promise<void>;
}

export type ReviewDataProvider = DataProvider & ReviewActions;

export function createDataProvider(apiUrl: string): ReviewDataProvider {
    const base = simpleRestProvider(apiUrl, httpClient);
    const post = async (path: string, body: object) => {
        const { json } = await httpClient(`${apiUrl}/${path}`, { method: 'POST', body: JSON.stringify(body) });
        return { data: json as ReviewRequest };
    };
    const action = (name: string) => (resource: string, { id, ...body }: { id: string }) => post(`${resource}/${encodeURIComponent(id)}/${name}`, body);
    return {
        ...base,
        claim: action('claim'),
        release: action('release'),
        approve: action('approve'),
        reject: action('reject'),
        claimNext: (resource, body) => post(`${resource}/claim-next`, body),
        sendBack: action('send-back'),
        getStats: async ({ from, to }) => {
            const { json } = await httpClient(`${apiUrl}/stats?${new URLSearchParams({ from, to })}`);
            return json as Stats;
        },
        drawQualitySample: async params => (await post('quality-samples', params)).data as unknown as QualitySample,
        giveQualityVerdict: async ({ id, ...body }) => (await post(`quality-reviews/${encodeURIComponent(id)}/verdict`, body)).data as unknown as QualityReview,
        reassign: action('reassign'),
        resetDemoData: async () => {
            await httpClient(`${apiUrl}/demo/reset`, { method: 'POST', body: '{}' });
        },
    };
}
