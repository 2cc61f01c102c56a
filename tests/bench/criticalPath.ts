import type { CDPSession } from 'playwright-core';

// How many requests wait for one another between a key and the next request's document on screen: the longest chain
// of requests sent after the key, each sent after the one before it had answered, that ends at the document image (or
// at a request that answered before the new request's record was on screen). A request already under way at the key
// (a preload) is not a round trip the key costs. A chain of 1 is the physical limit of a decision: one round trip.
// Counted from the page's own resource timings, not from a difference of two noisy medians.

export interface TimedRequest {
    url: string;
    path: string;
    /** ms after the key; negative when it was sent before. */
    start: number;
    end: number;
    /** Answered from the browser's cache (no round trip): never a link of a chain. */
    cached?: boolean;
}

/** A request sent once the previous link had answered (1 ms of slack for the timers' rounding). */
const waitsFor = (later: TimedRequest, earlier: TimedRequest) => later.start >= earlier.end - 1;

/**
 * The serial requests on the critical path. `imageUrl` is the document the probe saw decoded; `recordMs` when the
 * new request's record was on screen (a request that answered after it was not awaited by the screen).
 */
export function serialRequests(requests: TimedRequest[], imageUrl: string, recordMs: number): { count: number; chain: string[]; endMs: number } {
    const network = requests.filter(r => !r.cached && r.start >= -1).sort((a, b) => a.end - b.end);
    const longest = new Map<TimedRequest, TimedRequest[]>();
    for (const request of network) {
        let best: TimedRequest[] = [];
        for (const earlier of network) {
            if (earlier === request || !waitsFor(request, earlier)) continue;
            const chain = longest.get(earlier)!;
            if (chain && chain.length > best.length) best = chain;
        }
        longest.set(request, [...best, request]);
    }
    const ends = network.filter(r => r.url === imageUrl || r.end <= recordMs);
    const chain = ends.map(r => longest.get(r)!).reduce<TimedRequest[]>((best, c) => (c.length > best.length ? c : best), []);
    return { count: chain.length, chain: chain.map(r => r.path), endMs: chain.length > 0 ? chain[chain.length - 1]!.end : 0 };
}

/**
 * Listens to the page's network through the DevTools protocol for the URLs answered from the browser's cache (a
 * cross-origin resource timing does not say so without Timing-Allow-Origin). `take()` returns them and starts over.
 */
export async function watchCacheHits(cdp: CDPSession) {
    const urlOf = new Map<string, string>();
    const underWay = new Set<string>();
    let hits = new Set<string>();
    cdp.on('Network.requestWillBeSent', event => {
        urlOf.set(event.requestId, event.request.url);
        underWay.add(event.requestId);
    });
    cdp.on('Network.loadingFinished', event => void underWay.delete(event.requestId));
    cdp.on('Network.loadingFailed', event => void underWay.delete(event.requestId));
    cdp.on('Network.requestServedFromCache', event => {
        const url = urlOf.get(event.requestId);
        if (url) hits.add(url);
    });
    cdp.on('Network.responseReceived', event => {
        if (event.response.fromDiskCache || event.response.fromPrefetchCache || event.response.fromServiceWorker) hits.add(event.response.url);
    });
    await cdp.send('Network.enable');
    return {
        /** True while the page waits for an answer (a preload, a list refresh ...). */
        get busy() {
            return underWay.size > 0;
        },
        take(): Set<string> {
            const taken = hits;
            hits = new Set();
            return taken;
        },
    };
}
