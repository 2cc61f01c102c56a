// An operator's unsent decision, kept per request in sessionStorage: it survives a failed request,
// a 401 and the sign-in that follows it, and is dropped once the decision is recorded.

export interface DecisionDraft {
    dialog: 'approve' | 'reject';
    reasons: string[];
    note: string;
    customerMessage: string;
    /** True once the operator edited the message by hand: then the reasons no longer rewrite it. */
    messageEdited: boolean;
}

export const EMPTY_DRAFT: Omit<DecisionDraft, 'dialog'> = { reasons: [], note: '', customerMessage: '', messageEdited: false };

const key = (requestId: string) => `review-draft:${requestId}`;

export const decisionDrafts = {
    load(requestId: string): DecisionDraft | null {
        try {
            const saved = sessionStorage.getItem(key(requestId));
            return saved ? (JSON.parse(saved) as DecisionDraft) : null;
        } catch {
            return null;
        }
    },
    save(requestId: string, draft: DecisionDraft) {
        sessionStorage.setItem(key(requestId), JSON.stringify(draft));
    },
    clear(requestId: string) {
        sessionStorage.removeItem(key(requestId));
    },
};
