import { Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import type { QueueHealth, RequestKind, Stats } from '../domain/types';
import { dateTimeFormat } from '../common/formatters';

const FIGURES: (keyof Omit<QueueHealth, 'oldestWaitingSince'>)[] = ['pending', 'inReview', 'awaitingSecondApproval', 'overdue', 'dueToday'];

function QueueCard({ kind, health }: { kind: RequestKind; health: QueueHealth }) {
    const translate = useTranslate();
    const locale = useLocale();
    return (
        <Card variant="outlined" data-testid={`queue-health-${kind}`}>
            <CardContent>
                <Typography variant="subtitle1" component="h2" gutterBottom>{translate(`app.audit.kind.${kind}`)}</Typography>
                <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
                    {FIGURES.map(figure => (
                        <Stack key={figure} data-figure={figure}>
                            <Typography variant="h5" component="p" color={figure === 'overdue' && health.overdue > 0 ? 'error' : undefined}>{health[figure]}</Typography>
                            <Typography variant="caption" color="text.secondary">{translate(`app.dashboard.${figure}`)}</Typography>
                        </Stack>
                    ))}
                    <Stack data-figure="oldestWaitingSince">
                        <Typography variant="h6" component="p">{health.oldestWaitingSince ? dateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(health.oldestWaitingSince)) : '—'}</Typography>
                        <Typography variant="caption" color="text.secondary">{translate('app.dashboard.oldestWaitingSince')}</Typography>
                    </Stack>
                </Stack>
            </CardContent>
        </Card>
    );
}

/** Queue health, per queue: every figure as a number. */
export function QueueHealthCards({ stats }: { stats: Stats }) {
    return (
        <Grid container spacing={2}>
            {(['verification', 'cancellation'] as const).map(kind => (
                <Grid key={kind} size={{ xs: 12, md: 6 }}><QueueCard kind={kind} health={stats.queues[kind]} /></Grid>
            ))}
        </Grid>
    );
}
