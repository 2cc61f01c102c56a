import { useCallback, useEffect, useState } from 'react';
import { useGetIdentity, useNotify, useStore } from 'react-admin';
import { carriesDecision, carriesFirstApproval } from '../../domain/replay';
import type { ReviewRequest } from '../../domain/types';
import type { Decided, NextClaim } from '../../providers/dataProvider';
import { typeAhead } from '../keyboard/typeAhead';
import { useShortcuts, type ShortcutMap } from '../keyboard/useShortcuts';
import { decisionDrafts, EMPTY_DRAFT, type DecisionDraft } from './decisionDraft';
import type { Failure } from './failure';
import { useClaimAhead } from './preloadDocuments';
import { releasedThisSession } from './releasedThisSession';
import { useClaimHeartbeat } from './useClaimHeartbeat';
import { useOwnReviewActions } from './useReviewActions';
import { useReviewNext } from './useReviewNext';

export interface DecisionFlowOptions {
    resource: string;
    record: ReviewRequest;
    customerName: string;
    /** Kind-specific shortcuts (documents, ...), active whenever no dialog is open. */
    extraShortcuts?: ShortcutMap;
    /** Kind-specific gate of the approve dialog (e.g. typed digits before a number is released). */
    approveGuard?: { confirmable: boolean; reset(): void };
    /** True while a kind-specific rule (cancellation preconditions) forbids approving: no button, no key. */
    approveBlocked?: boolean;
}

/** True when `record` carries exactly the decision `draft` describes, made by `userId` (the server's replay rule). */
function isRecorded(record: ReviewRequest, userId: string, draft: DecisionDraft): boolean {
    const note = draft.note || null;
    if (draft.dialog === 'approve') {
        if (record.kind === 'cancellation' && record.status === 'awaiting_second_approval') return carriesFirstApproval(record, userId, note);
        return carriesDecision(record, userId, { outcome: 'approved', reasons: [], note });
    }
    return draft.dialog === 'reject' && carriesDecision(record, userId, { outcome: 'rejected', reasons: [...new Set(draft.reasons)], note, customerMessage: draft.customerMessage || undefined });
}

/**
 * Claim, release, approve, reject and review next for the request on screen: its state, drafts, shortcuts and
 * heartbeat. State and callbacks only; DecisionDialogs renders the dialogs. Its `actions` are the screen's one set
 * (one `busy` for every button), shared through ReviewScreen.
 */
export function useDecisionFlow({ resource, record, customerName, extraShortcuts = {}, approveGuard, approveBlocked = false }: DecisionFlowOptions) {
    const { identity } = useGetIdentity();
    const notify = useNotify();
    const actions = useOwnReviewActions(resource);
    const { reviewNext, openClaimed } = useReviewNext(resource, actions);
    const [autoAdvance, setAutoAdvance] = useStore('review.autoAdvance', true);
    // The open dialog's draft; a closed dialog's text stays in storage only.
    const [draft, setDraftState] = useState<DecisionDraft | null>(() => (decisionDrafts.load(record.id)?.dialog ? decisionDrafts.load(record.id) : null));
    const [helpOpen, setHelpOpen] = useState(false);
    const heldByMe = record.status === 'in_review' && !!identity && record.assignee === identity.id;
    const me = identity ? String(identity.id) : undefined;

    useEffect(() => {
        if (decisionDrafts.load(record.id)?.dialog) notify('app.review.draft_restored', { type: 'info' });
    }, [record.id, notify]);
    // Keys are held only on the way to an open dialog: never once it closed, or the screen went.
    const dialogOpen = !!draft;
    useEffect(() => {
        if (!dialogOpen) typeAhead.release();
    }, [dialogOpen]);
    useEffect(() => () => void typeAhead.release(), []);

    const setDraft = useCallback((next: DecisionDraft | null) => {
        setDraftState(next);
        if (next) decisionDrafts.save(record.id, next);
        else decisionDrafts.clear(record.id);
    }, [record.id]);

    const open = (dialog: DecisionDraft['dialog']) => {
        if (!heldByMe || (dialog === 'approve' && approveBlocked) || draft) return;
        typeAhead.hold();
        approveGuard?.reset();
        setDraft({ ...EMPTY_DRAFT, ...(draft ?? decisionDrafts.load(record.id) ?? {}), dialog });
    };

    /** Closing keeps what was typed: reopening the dialog (after a conflict, say) brings it back. */
    const close = () => {
        if (draft) decisionDrafts.save(record.id, { ...draft, dialog: null });
        setDraftState(null);
    };

    const afterDecision = async (messageKey: string) => {
        setDraft(null);
        notify(messageKey, { type: 'success', messageArgs: { id: record.id } });
        // The decided request's timeline is fetched again only when it stays on screen, not when the next one opens.
        if (!(autoAdvance && (await reviewNext()))) actions.refreshTimeline(record.id);
    };

    /**
     * Sends a decision. With auto-advance on, the same request claims the next one (decide-and-claim-next: one round
     * trip), skipping those I released in this tab as review next does, and its answer opens it.
     */
    const decide = async (send: (next?: NextClaim) => Promise<Decided>, messageKey: string) => {
        const answer = await send(autoAdvance ? { exclude: releasedThisSession.list() } : undefined);
        setDraft(null);
        notify(messageKey, { type: 'success', messageArgs: { id: record.id } });
        if (!(autoAdvance && answer.next !== undefined && openClaimed(answer.next))) actions.refreshTimeline(record.id);
    };
    const claimAhead = useClaimAhead(resource, record, heldByMe && autoAdvance);

    // The heartbeat re-claims silently: a lapse or a conflict shows through the refreshed record, not a toast a minute.
    // It keeps the request claimed ahead alive too, so that it is still mine when this decision is made.
    useClaimHeartbeat(heldByMe, () => {
        void actions.claim(record.id).catch(() => undefined);
        claimAhead.keepAlive();
    });
    const claim = () => actions.claim(record.id).then(() => notify('app.review.claimed', { type: 'info', messageArgs: { id: record.id } }), actions.notifyFailure);
    const release = () => {
        if (!heldByMe) return;
        actions.release(record.id).then(() => {
            releasedThisSession.add(record.id);
            notify('app.review.released', { type: 'info', messageArgs: { id: record.id } });
        }, (failure: Failure) => actions.notifyFailure(failure));
    };

    // Exactly this decision is already on the record (its answer was lost, then the session ended, say): nothing left
    // to send. Other text on the record (the operator edited the note since) keeps the dialog open with the draft.
    const recorded = !!draft && !!me && isRecorded(record, me, draft);
    useEffect(() => {
        if (recorded) void afterDecision('app.review.decision_recorded');
        // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the record shows the decision
    }, [recorded]);

    useShortcuts({
        ...extraShortcuts,
        a: () => open('approve'),
        r: () => open('reject'),
        l: release,
        c: () => { if (record.status === 'pending') void claim(); },
        '?': () => setHelpOpen(true),
        n: () => void reviewNext(),
    }, !draft && !helpOpen);

    return {
        record, customerName, actions, heldByMe, approveBlocked, busy: actions.busy, autoAdvance, setAutoAdvance,
        draft, setDraft, open, close, claim, release,
        approveConfirmable: approveGuard?.confirmable ?? true,
        approve: () => decide(next => actions.approve(record, draft?.note ?? '', next), 'app.review.approved'),
        reject: () => decide(next => actions.reject(record, draft ?? EMPTY_DRAFT, next), 'app.review.rejected'),
        helpOpen, showHelp: () => setHelpOpen(true), closeHelp: () => setHelpOpen(false),
    };
}

export type DecisionFlow = ReturnType<typeof useDecisionFlow>;
