import { ListItem, ListItemText, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { dateTimeFormat } from '../common/formatters';
import type { Notice } from '../domain/types';

const STATE_COLOR: Record<Notice['state'], string> = { queued: 'text.secondary', sending: 'info.main', sent: 'success.main', failed: 'error.main' };

/** One customer notice in the request's timeline: channel, state and time; why it failed, or when it is tried again. */
export function NoticeTimelineItem({ notice }: { notice: Notice }) {
    const translate = useTranslate();
    const locale = useLocale();
    const time = (at: string) => dateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(at));
    const detail = notice.state === 'failed'
        ? translate('app.notice.failed_reason', { attempts: notice.attempts, reason: notice.lastError ?? '' })
        : notice.state === 'queued' && notice.lastError !== null && notice.nextAttemptAt !== null
            ? translate('app.notice.retrying', { attempts: notice.attempts, reason: notice.lastError, at: time(notice.nextAttemptAt) })
            : null;
    return (
        <ListItem disableGutters data-testid="timeline-notice" data-state={notice.state}>
            <ListItemText
                primary={
                    <>
                        <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>{translate(`app.notice.channel.${notice.channel}`)}</Typography>
                        {' · '}
                        <Typography component="span" variant="body2" sx={{ color: STATE_COLOR[notice.state], fontWeight: notice.state === 'failed' ? 600 : undefined }}>
                            {translate(`app.notice.state.${notice.state}`)}
                        </Typography>
                        {' · '}
                        {time(notice.sentAt ?? notice.createdAt)}
                    </>
                }
                secondary={[translate('app.notice.to', { to: notice.to }), detail].filter(Boolean).join(' — ')}
                slotProps={{ secondary: { sx: notice.state === 'failed' ? { color: 'error.main' } : undefined } }}
            />
        </ListItem>
    );
}
