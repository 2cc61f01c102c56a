import type { CDPSession } from 'playwright-core';

// The page's JavaScript heap after forced garbage collection, read through the DevTools protocol.

export interface HeapSample {
    /** Live JS heap after GC, bytes. */
    usedBytes: number;
    totalBytes: number;
    domNodes: number;
    jsEventListeners: number;
    documents: number;
}

export async function heapAfterGc(cdp: CDPSession): Promise<HeapSample> {
    // Twice: the first pass can leave objects that only become unreachable once finalizers ran.
    await cdp.send('HeapProfiler.collectGarbage');
    await new Promise(done => setTimeout(done, 200));
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    return { usedBytes: heap.usedSize, totalBytes: heap.totalSize, domNodes: dom.nodes, jsEventListeners: dom.jsEventListeners, documents: dom.documents };
}
