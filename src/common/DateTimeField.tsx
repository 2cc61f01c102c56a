import { Typography } from '@mui/material';
import { useLocale, useRecordContext } from 'react-admin';
import { dateTimeFormat } from './formatters';

/** A record's date and time in the console's language (react-admin's DateField builds a formatter per cell). */
export function DateTimeField({ source }: { source: string }) {
    const record = useRecordContext();
    const locale = useLocale();
    const value = record?.[source] as string | null | undefined;
    if (!value) return null;
    return <Typography component="span" variant="body2">{dateTimeFormat(locale).format(new Date(value))}</Typography>;
}
