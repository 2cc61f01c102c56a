import { Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Stats } from '../domain/types';

// Loaded lazily: the chart library is only fetched when a supervisor opens the dashboard.
const COLORS = ['#1976d2', '#2e7d32', '#ed6c02', '#9c27b0', '#d32f2f', '#0288d1'];

export default function TeamCharts({ stats }: { stats: Stats }) {
    const translate = useTranslate();
    const days = stats.team[0]?.perDay.map(entry => entry.day) ?? [];
    const perDay = days.map((day, index) => ({ day, ...Object.fromEntries(stats.team.map(row => [row.name, row.perDay[index]?.decisions ?? 0])) }));
    return (
        <Stack spacing={1} data-testid="team-charts">
            <Typography variant="subtitle2" component="h3">{translate('app.dashboard.decisions_per_day')}</Typography>
            <ResponsiveContainer width="100%" height={260}>
                <BarChart data={perDay}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="day" />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <Legend />
                    {stats.team.map((row, index) => <Bar key={row.operatorId} dataKey={row.name} stackId="decisions" fill={COLORS[index % COLORS.length]} />)}
                </BarChart>
            </ResponsiveContainer>
        </Stack>
    );
}
