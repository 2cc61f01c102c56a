// One transaction at a time: the memory store's writes never interleave, however many awaits a transaction makes.

export function createMutex() {
    let tail: Promise<unknown> = Promise.resolve();
    return {
        /** Runs `work` once every earlier one has finished (resolved or thrown). */
        run<T>(work: () => Promise<T>): Promise<T> {
            const result = tail.then(work, work);
            tail = result.catch(() => undefined);
            return result;
        },
    };
}
