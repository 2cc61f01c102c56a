import { Alert, Card, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import type { Stats } from '../domain/types';

/** Operators whose access in the range is unusual (GET /stats `access`), each a link to what they opened in "who looked". */
export function UnusualAccessCard({ stats }: { stats: Stats }) {
    const translate = useTranslate();
    const flagged = stats.access.filter(row => row.unusual);
    const nameOf = (id: string) => stats.team.find(row => row.operatorId === id)?.name ?? id;
    return (
        <Card variant="outlined" data-testid="unusual-access"><CardContent>
            <Typography variant="subtitle1" component="h2" gutterBottom>{translate('app.dashboard.unusual_access')}</Typography>
            {flagged.length === 0
                ? <Typography color="text.secondary">{translate('app.dashboard.unusual_none')}</Typography>
                : (
                    <Alert severity="warning" icon={false} sx={{ p: 0, px: 2 }}>
                        <List dense disablePadding>
                            {flagged.map(row => (
                                <ListItem key={row.operatorId} disableGutters data-operator={row.operatorId}>
                                    <ListItemText
                                        primary={<Link to={`/who-looked?operator=${encodeURIComponent(row.operatorId)}`}>{nameOf(row.operatorId)}</Link>}
                                        secondary={[
                                            translate('app.dashboard.unusual_opened', { opened: row.opened, decisions: row.decisions }),
                                            row.revealsOutsideOwn > 0 ? translate('app.dashboard.unusual_reveals', { smart_count: row.revealsOutsideOwn }) : null,
                                        ].filter(Boolean).join(' · ')}
                                    />
                                </ListItem>
                            ))}
                        </List>
                    </Alert>
                )}
        </CardContent></Card>
    );
}
