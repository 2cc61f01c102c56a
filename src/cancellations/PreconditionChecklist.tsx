import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { List, ListItem, ListItemIcon, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';
import { cancellationPreconditions, type PreconditionResult } from '../domain/cancellationPreconditions';
import type { AccountFacts } from '../domain/types';
import { useIdr } from './useIdr';

const DETAIL = { balance_cleared: 'balance_detail', devices_unbound: 'devices_detail', nothing_unpaid: 'unpaid_detail' } as const;

/** The preconditions from the shared module (the server checks the same ones before it approves). */
export function PreconditionChecklist({ account }: { account: AccountFacts }) {
    const translate = useTranslate();
    const idr = useIdr();
    const detail = (result: PreconditionResult) => {
        if (result.met && result.id !== 'balance_cleared') return undefined;
        const params = { ...result.params, balance: idr(Number(result.params.balance ?? 0)), amount: idr(Number(result.params.amount ?? 0)) };
        return translate(`app.cancellation.precondition.${DETAIL[result.id]}`, params);
    };
    return (
        <List dense disablePadding data-testid="preconditions">
            {cancellationPreconditions(account).map(result => (
                <ListItem key={result.id} disableGutters data-precondition={result.id} data-met={result.met}>
                    <ListItemIcon sx={{ minWidth: 32 }}>{result.met ? <CheckCircleIcon color="success" fontSize="small" /> : <CancelIcon color="error" fontSize="small" />}</ListItemIcon>
                    <ListItemText primary={translate(`app.cancellation.precondition.${result.id}`)} secondary={detail(result)} />
                </ListItem>
            ))}
        </List>
    );
}
