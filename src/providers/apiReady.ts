// In demo mode the API is a service worker that starts while the console renders its first screen (the login form
// needs no API): every call waits for it. A real API is ready from the start.

let ready: Promise<unknown> = Promise.resolve();

export const apiReady = {
    /** Resolves once the API can answer; never rejects (a backend that failed to start fails the call itself). */
    wait: () => ready.then(() => undefined, () => undefined),
    set: (starting: Promise<unknown>) => {
        ready = starting;
    },
};
