import { Alert, Button, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Loading, Title, useGetList, useTranslate } from 'react-admin';
import type { Operator } from '../domain/types';
import { AccessTable } from './AccessTable';
import { useCustomerAccess, useOperatorAccess } from './useAccessEntries';

function CustomerAccess() {
    const translate = useTranslate();
    const [text, setText] = useState('');
    const [search, setSearch] = useState('');
    const { data, isFetching, error } = useCustomerAccess(search);
    return (
        <Stack spacing={2} component="form" onSubmit={event => { event.preventDefault(); setSearch(text.trim()); }}>
            <Typography variant="subtitle1" component="h2">{translate('app.access.by_customer')}</Typography>
            <Stack direction="row" spacing={1}>
                <TextField size="small" label={translate('app.access.customer')} value={text} onChange={e => setText(e.target.value)} sx={{ minWidth: 320 }} slotProps={{ htmlInput: { 'data-testid': 'access-customer' } }} />
                <Button type="submit" variant="outlined" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>{translate('app.access.look')}</Button>
            </Stack>
            {error && <Alert severity="error">{translate('app.errors.unexpected')}</Alert>}
            {isFetching ? <Loading /> : data && <AccessTable entries={data} label={translate('app.access.by_customer')} />}
        </Stack>
    );
}

function OperatorAccess() {
    const translate = useTranslate();
    // The dashboard's unusual-access flags link here with ?operator=<id>.
    const [params] = useSearchParams();
    const [operatorId, setOperatorId] = useState(params.get('operator') ?? '');
    const { data: operators = [] } = useGetList<Operator>('operators', { pagination: { page: 1, perPage: 100 } });
    const { data, isFetching, error } = useOperatorAccess(operatorId);
    return (
        <Stack spacing={2}>
            <Typography variant="subtitle1" component="h2">{translate('app.access.by_operator')}</Typography>
            <TextField select size="small" label={translate('app.access.operator')} value={operators.some(op => op.id === operatorId) ? operatorId : ''} onChange={e => setOperatorId(e.target.value)} sx={{ maxWidth: 320 }} slotProps={{ htmlInput: { 'data-testid': 'access-operator' } }}>
                {operators.map(op => <MenuItem key={op.id} value={op.id}>{op.name}</MenuItem>)}
            </TextField>
            {error && <Alert severity="error">{translate('app.errors.unexpected')}</Alert>}
            {isFetching ? <Loading /> : data && <AccessTable entries={data} label={translate('app.access.by_operator')} />}
        </Stack>
    );
}

/** Supervisors: who saw a customer's identity data, when and why; what an operator opened that they did not decide. */
export function WhoLooked() {
    const translate = useTranslate();
    return (
        <Stack spacing={2} sx={{ py: 2 }} data-testid="who-looked">
            <Title title="app.access.title" />
            <Typography variant="h6" component="h1">{translate('app.access.title')}</Typography>
            <Card variant="outlined"><CardContent><CustomerAccess /></CardContent></Card>
            <Card variant="outlined"><CardContent><OperatorAccess /></CardContent></Card>
        </Stack>
    );
}

export default WhoLooked;
