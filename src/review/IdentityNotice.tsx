import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { Alert, Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import type { ReviewRequest } from '../domain/types';

/** Says that this request's identity data is masked, and why (the API decides who sees it whole). */
export function IdentityNotice({ record, children }: { record: Pick<ReviewRequest, 'identityMasked'>; children?: ReactNode }) {
    const translate = useTranslate();
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
