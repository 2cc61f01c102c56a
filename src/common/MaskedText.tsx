import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { CustomerText } from './CustomerText';

/** A list cell of identity data: the value as the API sent it, with a lock that says it is masked when it is. */
export function MaskedText({ value, masked, maxWidth, lines }: { value: string; masked: boolean | undefined; maxWidth?: number; lines?: 1 | 2 }) {
    const translate = useTranslate();
    return (
        <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
            <CustomerText value={value} maxWidth={maxWidth} lines={lines} />
            {masked && <LockOutlinedIcon fontSize="inherit" color="action" titleAccess={translate('app.identity.masked')} data-masked />}
        </Box>
    );
}
