import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { Stats } from '../domain/types';
import type { ReviewDataProvider } from '../providers/dataProvider';

export interface DayRange {
    from: string;
    to: string;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The last seven days, today included. */
export function lastWeek(now = new Date()): DayRange {
    return { from: isoDay(new Date(now.getTime() - 6 * 86_400_000)), to: isoDay(now) };
}

/** The server computes the figures (GET /stats), so the dashboard stays fast with 100,000 requests. */
export function useStats(range: DayRange) {
    const dataProvider = useDataProvider<ReviewDataProvider>();
    return useQuery<Stats>({ queryKey: ['stats', range.from, range.to], queryFn: () => dataProvider.getStats(range), refetchInterval: 60_000 });
}
