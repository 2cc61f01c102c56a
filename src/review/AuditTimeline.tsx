import { List as MuiList, ListItem, ListItemText, Typography } from '@mui/material';
import { ReferenceField, TextField, useGetList, useLocale, useTranslate } from 'react-admin';
import type { AuditEntry } from '../domain/types';
import { dateTimeFormat } from '../common/formatters';

/** The request's own audit trail, oldest first: who claimed, released, decided, with reasons and notes. */
export function AuditTimeline({ requestId }: { requestId: string }) {
    const translate = useTranslate();
    const locale = useLocale();
    const { data = [], isPending } = useGetList<AuditEntry>('audit', { filter: { requestId }, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 100 } });
    if (isPending) return null;
    return (
        <MuiList dense data-testid="timeline">
            {data.map(entry => (
                <ListItem key={entry.id} disableGutters>
                    <ListItemText
                        primary={
                            <>
                                <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>{translate(`app.audit.action.${entry.action}`)}</Typography>
                                {' · '}
                                {entry.actor === 'system' ? translate('app.audit.system') : <ReferenceField record={entry} source="actor" reference="operators" link={false}><TextField source="name" /></ReferenceField>}
                                {' · '}
                                {dateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(entry.at))}
                            </>
                        }
                        secondary={[entry.reasons.join(', '), entry.note].filter(Boolean).join(' — ') || undefined}
                    />
                </ListItem>
            ))}
        </MuiList>
    );
}
