import { lazy, Suspense, type ReactNode } from 'react';
import { KeyboardHelp } from '../keyboard/KeyboardHelp';
import type { DecisionFlow } from './useDecisionFlow';

// The dialogs load on first use; the keys typed while they load are held for them (keyboard/typeAhead.ts).
const ApproveDialog = lazy(() => import('../dialogs/ApproveDialog').then(module => ({ default: module.ApproveDialog })));
const RejectDialog = lazy(() => import('../dialogs/RejectDialog').then(module => ({ default: module.RejectDialog })));

/** The decision flow's open dialog, if any; `approveContent` is the kind's part of the approve dialog. */
export function DecisionDialogs({ flow, approveContent }: { flow: DecisionFlow; approveContent?: ReactNode }) {
    const { draft, record } = flow;
    return (
        <Suspense fallback={null}>
            {draft?.dialog === 'approve' && (
                <ApproveDialog
                    requestId={record.id}
                    note={draft.note}
                    onNoteChange={note => flow.setDraft({ ...draft, note })}
                    onConfirm={flow.approve}
                    onClose={flow.close}
                    canDecide={flow.heldByMe}
                    confirmable={flow.approveConfirmable}
                >
                    {approveContent}
                </ApproveDialog>
            )}
            {draft?.dialog === 'reject' && (
                <RejectDialog
                    requestId={record.id}
                    kind={record.kind}
                    customerName={flow.customerName}
                    customerLanguage={record.customerLanguage}
                    draft={draft}
                    onDraftChange={change => flow.setDraft({ ...draft, ...change })}
                    onConfirm={flow.reject}
                    onClose={flow.close}
                    canDecide={flow.heldByMe}
                />
            )}
            {flow.helpOpen && <KeyboardHelp onClose={flow.closeHelp} />}
        </Suspense>
    );
}
