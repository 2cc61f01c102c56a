// In demo mode the API is a service worker with an in-memory store, seeded in the page. It starts on the first API
// call, not before: the login form needs no API, and seeding on the main thread while the operator types their name
// would hold their keys (docs: README "Speed"). A signed-in first screen calls the API at once, so it starts at once.
// A real API is ready from the start.

let start: (() => Promise<unknown>) | null = null;
let ready: Promise<unknown> = Promise.resolve();

export const apiReady = {
    /** Resolves once the API can answer, starting it if it is not yet; never rejects (a backend that failed to start fails the call itself). */
    wait: () => {
        if (start) {
            ready = start();
            start = null;
        }
        return ready.then(() => undefined, () => undefined);
    },
    /** The backend to start on the first call. */
    startOnFirstCall: (starter: () => Promise<unknown>) => {
        start = starter;
    },
};
