// Where the console finds its API. Without VITE_API_URL it runs in demo mode on the embedded mock backend.

const configuredUrl: string | undefined = import.meta.env.VITE_API_URL;

export const config = {
    apiUrl: (configuredUrl ?? '/api').replace(/\/$/, ''),
    demoMode: !configuredUrl,
    /** Simulated latency of the embedded mock backend, in ms. */
    demoLatencyMs: Number(import.meta.env.VITE_DEMO_LATENCY_MS ?? 80),
};
