import { QueryClient } from '@tanstack/react-query';

// A 4xx answer will not change on retry (and a retried 401 would hide an expired session): retry only network and 5xx failures.
const isClientError = (error: unknown) => {
    const status = (error as { status?: number } | null)?.status;
    return typeof status === 'number' && status >= 400 && status < 500;
};

// An answer the console cannot read (app.errors.malformed_response, src/providers/responseShape.ts) comes with a 2xx
// status; reading it again would most likely give the same answer, so the error shows at once.
const isMalformed = (error: unknown) => (error as { message?: string } | null)?.message === 'app.errors.malformed_response';

export function createQueryClient() {
    return new QueryClient({
        defaultOptions: {
            queries: { retry: (failures, error) => !isClientError(error) && !isMalformed(error) && failures < 2, staleTime: 5_000 },
            mutations: { retry: false },
        },
    });
}
