// An operator's unsent decision, kept per request in sessionStorage: it survives a failed request,
// a 401 and the sign-in that follows it, a conflict and closing the dialog, and is dropped once the decision is recorded.

export interface DecisionDraft {
    /** The dialog the draft belongs to; null once the dialog was closed (the text is kept for the next time it opens). */
    dialog: 'approve' | 'reject' | null;
    reasons: string[];
    note: string;
    customerMessage: string;
    /** True once the operator edited the message by hand: then the reasons no longer rewrite it. */
    messageEdited: boolean;
}

export const EMPTY_DRAFT: Omit<DecisionDraft, 'dialog'> = { reasons: [], note: '', customerMessage: '', messageEdited: false };

/** Drafts of one kind, per request, under `prefix` in sessionStorage. */
export function draftStore<T>(prefix: string) {
    const key = (requestId: string) => `${prefix}:${requestId}`;
    return {
        load(requestId: string): T | null {
            try {
                const saved = sessionStorage.getItem(key(requestId));
                return saved ? (JSON.parse(saved) as T) : null;
            } catch {
                return null;
            }
        },
        save(requestId: string, draft: T) {
            sessionStorage.setItem(key(requestId), JSON.stringify(draft));
        },
        clear(requestId: string) {
            sessionStorage.removeItem(key(requestId));
        },
    };
}

export const decisionDrafts = draftStore<DecisionDraft>('review-draft');

/** A supervisor's second approval or send-back of a four-eyes cancellation: which dialog, and the note. */
export interface SecondApprovalDraft {
    dialog: 'approve' | 'send_back' | null;
    note: string;
}

export const secondApprovalDrafts = draftStore<SecondApprovalDraft>('second-approval-draft');
