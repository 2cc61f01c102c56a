import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { slaStanding } from '../domain/sla';
import type { ReviewRequest } from '../domain/types';
import { serverClock } from '../providers/serverClock';

// The time left (or how late) against the 3-business-day service level, as a coloured tag.

const HOUR = 3_600_000;

export function useDurationLabel() {
    const translate = useTranslate();
    return (ms: number) => {
        const abs = Math.abs(ms);
        const days = Math.floor(abs / (24 * HOUR));
        const hours = Math.floor((abs % (24 * HOUR)) / HOUR);
        const minutes = Math.floor((abs % HOUR) / 60_000);
        return days > 0 ? translate('app.sla.days_hours', { days, hours }) : translate('app.sla.hours_minutes', { hours, minutes });
    };
}

const COLOR = { overdue: 'error', due_today: 'warning', on_time: 'success' } as const;

export function DueTag() {
    const record = useRecordContext<ReviewRequest>();
    const translate = useTranslate();
    const duration = useDurationLabel();
    if (!record) return null;
    if (record.decidedAt) return <Chip size="small" variant="outlined" label={translate('app.sla.decided')} />;
    const standing = slaStanding(new Date(record.dueAt), serverClock.now());
    return (
        <Chip
            size="small"
            color={COLOR[standing.state]}
            variant={standing.state === 'on_time' ? 'outlined' : 'filled'}
            label={translate(`app.sla.${standing.state}`, { duration: duration(standing.msLeft) })}
            data-sla={standing.state}
        />
    );
}
