import { QueryClient } from '@tanstack/react-query';

// A 4xx answer will not change on retry (and a retried 401 would hide an expired session): retry only network and 5xx failures.
const isClientError = (error: unknown) => {
    const status = (error as { status?: number } | null)?.status;
    return typeof status === 'number' && status >= 400 && status < 500;
};

export function createQueryClient() {
    return new QueryClient({
        defaultOptions: {
            queries: { retry: (failures, error) => !isClientError(error) && failures < 2, staleTime: 5_000 },
            mutations: { retry: false },
        },
    });
}
