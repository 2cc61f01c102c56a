// Where the console finds its API. Without VITE_API_URL it runs in demo mode on the embedded mock backend.

const configuredUrl: string | undefined = import.meta.env.VITE_API_URL;

export const config = {
    apiUrl: (configuredUrl ?? '/api').replace(/\/$/, ''),
    demoMode: !configuredUrl,
    /** Other origins document images may come from (VITE_DOCUMENT_ORIGINS, comma-separated), e.g. the storage of pre-signed URLs. */
    documentOrigins: String(import.meta.env.VITE_DOCUMENT_ORIGINS ?? '').split(',').map(origin => origin.trim()).filter(Boolean),
    /** Simulated latency of the embedded mock backend, in ms. */
    demoLatencyMs: Number(import.meta.env.VITE_DEMO_LATENCY_MS ?? 80),
};
