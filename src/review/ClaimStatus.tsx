import { Alert } from '@mui/material';
import { useEffect, useRef } from 'react';
import { ReferenceField, TextField, useGetIdentity, useLocale, useTranslate } from 'react-admin';
import type { ReviewRequest } from '../domain/types';

const HEARTBEAT_MS = 60_000;
const ACTIVE_WINDOW_MS = 5 * 60_000;

/** Keeps my claim alive while I am working on the screen; an idle claim is left to lapse on the server. */
function useClaimHeartbeat(heldByMe: boolean, onHeartbeat: () => void) {
    const lastActivity = useRef(Date.now());
    // The latest callback, so that re-renders do not restart the interval (it would then never fire).
    const beat = useRef(onHeartbeat);
    beat.current = onHeartbeat;
    useEffect(() => {
        if (!heldByMe) return;
        const touch = () => { lastActivity.current = Date.now(); };
        const events = ['keydown', 'pointerdown', 'wheel'] as const;
        events.forEach(event => window.addEventListener(event, touch, { passive: true }));
        const timer = setInterval(() => {
            if (Date.now() - lastActivity.current < ACTIVE_WINDOW_MS) beat.current();
        }, HEARTBEAT_MS);
        return () => {
            clearInterval(timer);
            events.forEach(event => window.removeEventListener(event, touch));
        };
    }, [heldByMe]);
}

export function ClaimStatus({ record, heldByMe, onHeartbeat }: { record: ReviewRequest; heldByMe: boolean; onHeartbeat: () => void }) {
    const translate = useTranslate();
    const locale = useLocale();
    const { identity } = useGetIdentity();
    useClaimHeartbeat(heldByMe, onHeartbeat);
    const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' }) : '');

    if (record.decidedAt && record.decision) {
        const who = record.decidedBy === identity?.id ? translate('app.assignee.me') : <ReferenceField source="decidedBy" reference="operators" link={false}><TextField source="name" /></ReferenceField>;
        return (
            <Alert severity={record.decision.outcome === 'approved' ? 'success' : 'error'} data-testid="claim-status">
                {translate(`app.status.${record.status}`)} · {who} · {time(record.decidedAt)}
            </Alert>
        );
    }
    if (heldByMe) return <Alert severity="info" data-testid="claim-status">{translate('app.review.claimed_by_me', { time: time(record.claimExpiresAt) })}</Alert>;
    if (record.status === 'in_review') {
        return (
            <Alert severity="warning" data-testid="claim-status">
                <ReferenceField source="assignee" reference="operators" link={false} render={({ referenceRecord }) => translate('app.review.claimed_by_other', { holder: referenceRecord?.name ?? record.assignee })} />
            </Alert>
        );
    }
    return <Alert severity="info" variant="outlined" data-testid="claim-status">{translate('app.review.not_claimed')}</Alert>;
}
