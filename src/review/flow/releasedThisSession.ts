// Requests this operator gave back in this tab: "review next" skips them, or it would hand the same one straight back.
const KEY = 'review-released';

export const releasedThisSession = {
    list(): string[] {
        try {
            return JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as string[];
        } catch {
            return [];
        }
    },
    add(id: string) {
        sessionStorage.setItem(KEY, JSON.stringify([...new Set([...this.list(), id])].slice(-200)));
    },
};
