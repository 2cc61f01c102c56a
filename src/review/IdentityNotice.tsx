import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { Alert, Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocale, useTranslate } from 'react-admin';
import type { ReviewRequest } from '../domain/types';

/**
 * Says that this request's identity data is masked, and why (the API decides who sees it whole), or that it was deleted
 * under the retention rule (docs/api.md §6.14): then there is nothing to reveal.
 */
export function IdentityNotice({ record, children }: { record: Pick<ReviewRequest, 'identityMasked' | 'identityPurgedAt'>; children?: ReactNode }) {
    const translate = useTranslate();
    const locale = useLocale();
    if (record.identityPurgedAt) {
        const when = new Date(record.identityPurgedAt).toLocaleDateString(locale, { dateStyle: 'medium' });
        return <Alert severity="info" data-testid="identity-purged">{translate('app.identity.purged_notice', { when })}</Alert>;
    }
    if (!record.identityMasked) return null;
    return (
        <Alert severity="info" icon={<LockOutlinedIcon fontSize="inherit" />} data-testid="identity-masked" action={children}>
            {translate('app.identity.masked_notice')}
        </Alert>
    );
}

/** In place of the document viewer: the documents are not sent to this viewer. */
export function DocumentsWithheld({ height }: { height: number }) {
    const translate = useTranslate();
    return (
        <Box data-testid="documents-withheld" sx={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'action.hover', borderRadius: 1, p: 2, textAlign: 'center' }}>
            <Typography color="text.secondary">{translate('app.identity.documents_withheld')}</Typography>
        </Box>
    );
}
