import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { Stats } from '../domain/types';
import type { ReviewDataProvider } from '../providers/dataProvider';

export interface DayRange {
    from: string;
    to: string;
}

/**
 * The server computes the figures (GET /stats), so the dashboard stays fast with 100,000 requests. Without a range
 * the server picks its default (the last seven days on its own clock) and the answer says which range it is.
 */
export function useStats(range: DayRange | null) {
    const dataProvider = useDataProvider<ReviewDataProvider>();
    return useQuery<Stats>({ queryKey: ['stats', range?.from, range?.to], queryFn: () => dataProvider.getStats(range ?? undefined), refetchInterval: 60_000 });
}
