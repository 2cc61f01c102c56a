import { Alert, Card, CardContent, Grid, Skeleton, Stack, TextField, Typography } from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { Loading, Title, useTranslate } from 'react-admin';
import { QueueHealthCards } from './QueueHealthCards';
import { ReasonsTable } from './ReasonsTable';
import { TeamTable } from './TeamTable';
import { UnusualAccessCard } from './UnusualAccessCard';
import { useStats, type DayRange } from './useStats';

const TeamCharts = lazy(() => import('./TeamCharts'));

function RangePicker({ range, onChange }: { range: DayRange; onChange(range: DayRange): void }) {
    const translate = useTranslate();
    return (
        <Stack direction="row" spacing={2}>
            <TextField type="date" size="small" label={translate('app.audit.from')} value={range.from} onChange={e => e.target.value && onChange({ ...range, from: e.target.value })} slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: range.to, 'data-testid': 'range-from' } }} />
            <TextField type="date" size="small" label={translate('app.audit.to')} value={range.to} onChange={e => e.target.value && onChange({ ...range, to: e.target.value })} slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: range.from, 'data-testid': 'range-to' } }} />
        </Stack>
    );
}

/** Supervisors' home page (operators never load it: see Home.tsx). */
export function Dashboard() {
    const translate = useTranslate();
    // Null until the supervisor picks one: the server's default range, on the server's clock.
    const [range, setRange] = useState<DayRange | null>(null);
    const { data: stats, error, isPending } = useStats(range);
    const shownRange = range ?? stats?.range;
    return (
        <Stack spacing={2} sx={{ py: 2 }} data-testid="dashboard">
            <Title title="app.dashboard.title" />
            <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
                <Typography variant="h6" component="h1">{translate('app.dashboard.title')}</Typography>
                {shownRange && <RangePicker range={shownRange} onChange={setRange} />}
            </Stack>
            {error && <Alert severity="error">{translate((error as Error).message, { _: translate('app.errors.unexpected') })}</Alert>}
            {isPending && <Loading />}
            {stats && (
                <>
                    <QueueHealthCards stats={stats} />
                    <UnusualAccessCard stats={stats} />
                    {/* Side by side only from 1536 px: below that the team's eight columns need the whole width. */}
                    <Grid container spacing={2}>
                        <Grid size={{ xs: 12, xl: 7 }}>
                            <Card variant="outlined"><CardContent>
                                <Typography variant="subtitle1" component="h2" gutterBottom>{translate('app.dashboard.team')}</Typography>
                                <TeamTable team={stats.team} />
                                <Suspense fallback={<Skeleton variant="rectangular" height={260} />}><TeamCharts stats={stats} /></Suspense>
                            </CardContent></Card>
                        </Grid>
                        <Grid size={{ xs: 12, xl: 5 }}>
                            <Card variant="outlined"><CardContent>
                                <Typography variant="subtitle1" component="h2" gutterBottom>{translate('app.dashboard.reasons')}</Typography>
                                <ReasonsTable reasons={stats.reasons} />
                            </CardContent></Card>
                        </Grid>
                    </Grid>
                </>
            )}
        </Stack>
    );
}
