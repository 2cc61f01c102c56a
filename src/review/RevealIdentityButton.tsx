import { Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetIdentity, useTranslate } from 'react-admin';
import { mayReveal } from '../domain/identityMasking';
import type { ReviewRequest, Role } from '../domain/types';
import type { ReviewDataProvider } from '../providers/dataProvider';
import { PurposeDialog } from './dialogs/PurposeDialog';
import { useReviewActions } from './flow/useReviewActions';

/** "Show identity data": asks the server with a purpose (it grants it for a while, and audits it); offered to whom it may grant it. */
export function RevealIdentityButton({ resource, record }: { resource: string; record: ReviewRequest }) {
    const translate = useTranslate();
    const { identity } = useGetIdentity();
    const dataProvider = useDataProvider<ReviewDataProvider>();
    const actions = useReviewActions(resource);
    const [open, setOpen] = useState(false);
    if (!identity || !mayReveal(record, { id: String(identity.id), role: identity.role as Role })) return null;

    return (
        <>
            <Button size="small" color="inherit" onClick={() => setOpen(true)} data-testid="reveal-identity">{translate('app.identity.reveal')}</Button>
            {open && (
                <PurposeDialog
                    ids={{ title: 'reveal-title', purpose: 'reveal-purpose', confirm: 'confirm-reveal' }}
                    title={translate('app.identity.reveal_title', { id: record.id })}
                    explained={translate('app.identity.reveal_explained')}
                    purposeLabel={translate('app.identity.purpose')}
                    confirmLabel={translate('app.identity.reveal')}
                    maxWidth="xs"
                    onConfirm={async purpose => void (await actions.claimedBy(() => dataProvider.reveal(resource, { id: record.id, purpose })))}
                    onClose={() => setOpen(false)}
                />
            )}
        </>
    );
}
