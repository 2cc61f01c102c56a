import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import { ACCESS_ACTIONS, LOOKED_ACTIONS, openedNotDecided } from '../domain/accessReview';
import type { AuditEntry, ReviewRequest } from '../domain/types';

const KINDS = ['verifications', 'cancellations'] as const;
const PAGE = { page: 1, perPage: 500 };
const NEWEST = { field: 'id', order: 'DESC' } as const;

/** Who saw the identity data of the requests a search finds (a customer's ID number, phone, e-mail or name, or a request id). */
export function useCustomerAccess(search: string) {
    const dataProvider = useDataProvider();
    return useQuery<AuditEntry[]>({
        queryKey: ['who-looked', 'customer', search],
        enabled: search.trim() !== '',
        queryFn: async () => {
            // The search runs on the full values on the server; the rows come back masked, only their ids are used.
            const found = await Promise.all(KINDS.map(kind => dataProvider.getList<ReviewRequest>(kind, { filter: { q: search }, pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' } })));
            const ids = found.flatMap(page => page.data.map(request => request.id));
            if (ids.length === 0) return [];
            return (await dataProvider.getList<AuditEntry>('audit', { filter: { requestId: ids, action: ACCESS_ACTIONS }, pagination: PAGE, sort: NEWEST })).data;
        },
    });
}

/** What one operator opened (views and reveals) that they did not decide, and what they exported. */
export function useOperatorAccess(operatorId: string) {
    const dataProvider = useDataProvider();
    return useQuery<AuditEntry[]>({
        queryKey: ['who-looked', 'operator', operatorId],
        enabled: operatorId !== '',
        queryFn: async () => {
            const { data: entries } = await dataProvider.getList<AuditEntry>('audit', { filter: { actor: operatorId, action: LOOKED_ACTIONS }, pagination: PAGE, sort: NEWEST });
            const requests = new Map<string, ReviewRequest>();
            for (const kind of KINDS) {
                const ids = [...new Set(entries.filter(entry => `${entry.requestKind}s` === kind).map(entry => entry.requestId))];
                if (ids.length > 0) for (const request of (await dataProvider.getMany<ReviewRequest>(kind, { ids })).data) requests.set(request.id, request);
            }
            return openedNotDecided(entries, requests, operatorId);
        },
    });
}
