import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import type { RequestKind, ReviewRequest } from '../domain/types';
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
        resetDemoData: async () => {
            await httpClient(`${apiUrl}/demo/reset`, { method: 'POST', body: '{}' });
        },
    };
}
