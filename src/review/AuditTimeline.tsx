import { List as MuiList, ListItem, ListItemText, Typography } from '@mui/material';
import { ReferenceField, TextField, useGetList, useLocale, useTranslate } from 'react-admin';
import type { AuditEntry, Notice } from '../domain/types';
import { dateTimeFormat } from '../common/formatters';
import { NoticeTimelineItem } from './NoticeTimelineItem';

type Item = { at: string; entry: AuditEntry; notice?: undefined } | { at: string; notice: Notice; entry?: undefined };

/**
 * The request's own history, oldest first: who claimed, released, decided, with reasons and notes, and the notices the
 * decision sent the customer (docs/api.md §6.12), each after the decision that wrote it.
 */
export function AuditTimeline({ requestId }: { requestId: string }) {
    const translate = useTranslate();
    const locale = useLocale();
    const { data = [], isPending } = useGetList<AuditEntry>('audit', { filter: { requestId }, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 100 } });
    const { data: notices = [] } = useGetList<Notice>('notices', { filter: { requestId }, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 20 } });
    if (isPending) return null;
    // A stable merge by time: a notice written with a decision comes after that decision's entry.
    const items: Item[] = [...data.map(entry => ({ at: entry.at, entry })), ...notices.map(notice => ({ at: notice.createdAt, notice }))]
        .map((item, index) => ({ item, index }))
        .sort((a, b) => Date.parse(a.item.at) - Date.parse(b.item.at) || a.index - b.index)
        .map(({ item }) => item);
    return (
        <MuiList dense data-testid="timeline">
            {items.map(item => (item.notice ? <NoticeTimelineItem key={item.notice.id} notice={item.notice} /> : (
                <ListItem key={item.entry.id} disableGutters>
                    <ListItemText
                        primary={
                            <>
                                <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>{translate(`app.audit.action.${item.entry.action}`)}</Typography>
                                {' · '}
                                {item.entry.actor === 'system' ? translate('app.audit.system') : <ReferenceField record={item.entry} source="actor" reference="operators" link={false}><TextField source="name" /></ReferenceField>}
                                {' · '}
                                {dateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(item.entry.at))}
                            </>
                        }
                        secondary={[item.entry.reasons.join(', '), item.entry.note].filter(Boolean).join(' — ') || undefined}
                    />
                </ListItem>
            )))}
        </MuiList>
    );
}
