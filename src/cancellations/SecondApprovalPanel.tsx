import { Alert, Button, Stack } from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetIdentity, useGetOne, useLocale, useNotify, useTranslate } from 'react-admin';
import { ApproveDialog } from '../review/dialogs/ApproveDialog';
import { useReviewActions } from '../review/flow/useReviewActions';
import { secondApprovalDrafts, type SecondApprovalDraft } from '../review/flow/decisionDraft';
import { typeAhead } from '../review/keyboard/typeAhead';
import { useShortcuts } from '../review/keyboard/useShortcuts';
import { secondApprovalRefusal } from '../domain/fourEyes';
import type { Cancellation, Operator } from '../domain/types';
import { SendBackDialog } from './SendBackDialog';
import { NumberReleaseConfirmation } from './NumberReleaseConfirmation';
import { useNumberReleaseGuard } from './useNumberReleaseGuard';
import { dateTimeFormat } from '../common/formatters';

/** A supervisor who is not the first approver gives the second approval (typing the digits) or sends it back. */
export function SecondApprovalPanel({ record }: { record: Cancellation }) {
    const translate = useTranslate();
    const locale = useLocale();
    const notify = useNotify();
    const { identity } = useGetIdentity();
    const actions = useReviewActions('cancellations');
    const guard = useNumberReleaseGuard(record, { firstOfTwo: false });
    // Kept in sessionStorage: the note survives a failed request, closing the dialog, and the sign-in after a 401.
    const [draft, setDraftState] = useState<SecondApprovalDraft>(() => secondApprovalDrafts.load(record.id) ?? { dialog: null, note: '' });
    const setDraft = (next: SecondApprovalDraft) => {
        setDraftState(next);
        secondApprovalDrafts.save(record.id, next);
    };
    const { dialog, note } = draft;
    const setDialog = (which: SecondApprovalDraft['dialog']) => setDraft({ ...draft, dialog: which });
    const setNote = (text: string) => setDraft({ ...draft, note: text });
    const { data: firstApprover } = useGetOne<Operator>('operators', { id: record.firstApproval?.by ?? '' }, { enabled: !!record.firstApproval });
    const refusal = identity ? secondApprovalRefusal(record, { id: String(identity.id), role: identity.role as Operator['role'] }) : 'not_supervisor';
    const open = (which: 'approve' | 'send_back') => {
        if (refusal || dialog) return;
        typeAhead.hold();
        guard.reset();
        setDialog(which);
    };
    useShortcuts({ a: () => open('approve'), b: () => open('send_back') }, !dialog);
    // Keys are held only on the way to an open dialog.
    useEffect(() => {
        if (!dialog) typeAhead.release();
    }, [dialog]);
    const done = (messageKey: string) => {
        setDraftState({ dialog: null, note: '' });
        secondApprovalDrafts.clear(record.id);
        notify(messageKey, { type: 'success', messageArgs: { id: record.id } });
    };

    return (
        <Stack spacing={1} data-testid="second-approval">
            <Alert severity="warning">
                {translate('app.cancellation.awaiting')}{' '}
                {record.firstApproval && translate('app.cancellation.first_approval', { who: firstApprover?.name ?? record.firstApproval.by, when: dateTimeFormat(locale).format(new Date(record.firstApproval.at)) })}
                {record.firstApproval?.note && ` — ${record.firstApproval.note}`}
            </Alert>
            {refusal === 'same_person' && <Alert severity="info">{translate('app.cancellation.same_person')}</Alert>}
            {refusal === 'not_supervisor' && <Alert severity="info">{translate('app.cancellation.supervisor_only')}</Alert>}
            <Stack direction="row" spacing={1}>
                <Button variant="contained" color="success" disabled={!!refusal} onClick={() => open('approve')} aria-keyshortcuts="a" data-testid="second-approve">{translate('app.cancellation.second_approve')} (a)</Button>
                <Button variant="outlined" disabled={!!refusal} onClick={() => open('send_back')} aria-keyshortcuts="b" data-testid="send-back">{translate('app.cancellation.send_back')} (b)</Button>
            </Stack>
            {dialog === 'approve' && (
                <ApproveDialog
                    requestId={record.id} note={note} onNoteChange={setNote} canDecide={!refusal} confirmable={guard.confirmable}
                    onConfirm={async () => { await actions.approve(record, note); done('app.review.approved'); }}
                    onClose={() => setDialog(null)}
                >
                    <NumberReleaseConfirmation record={record} guard={guard} />
                </ApproveDialog>
            )}
            {dialog === 'send_back' && <SendBackDialog record={record} note={note} onNoteChange={setNote} onClose={() => setDialog(null)} onConfirm={async () => { await actions.sendBack(record, note); done('app.cancellation.sent_back'); }} />}
        </Stack>
    );
}
