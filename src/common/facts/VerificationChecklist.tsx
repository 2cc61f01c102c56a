import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import HelpIcon from '@mui/icons-material/Help';
import { List, ListItem, ListItemIcon, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';
import { runVerificationChecks, type CheckResult } from '../../domain/verificationChecks';
import type { Verification } from '../../domain/types';
import { CUSTOMER_TEXT_SX } from '../CustomerText';

const ICON = {
    pass: <CheckCircleIcon color="success" fontSize="small" />,
    fail: <CancelIcon color="error" fontSize="small" />,
    unknown: <HelpIcon color="disabled" fontSize="small" />,
};

function useCheckDetail() {
    const translate = useTranslate();
    return (check: CheckResult) => {
        if (check.status === 'unknown' && ['name_match', 'number_match', 'card_validity'].includes(check.id)) return translate('app.checks.detail.unread');
        if (check.id === 'birth_date' && check.status === 'fail') return translate('app.checks.detail.birth_date_fail', check.params);
        if (check.id === 'card_validity' && check.params.notADate) return translate('app.checks.detail.card_validity_not_a_date', check.params);
        if (check.id === 'check_digit' || (check.status === 'unknown' && Object.keys(check.params).length === 0)) return '';
        const params = { ...check.params };
        if (check.id === 'sex') Object.assign(params, { recorded: translate(`app.fields.${params.recorded}`), encoded: translate(`app.fields.${params.encoded}`) });
        if (params.validUntil === 'long_term') params.validUntil = translate('app.fields.long_term');
        return translate(`app.checks.detail.${check.id}`, params);
    };
}

/** The automatic checks as a checklist with pass / fail / unknown and the reason: never a hidden score. */
export function VerificationChecklist({ record, today }: { record: Verification; today: string }) {
    const translate = useTranslate();
    const detail = useCheckDetail();
    const checks = runVerificationChecks(record, { today });
    return (
        <List dense disablePadding data-testid="checklist" sx={{ '& .MuiListItemText-root': CUSTOMER_TEXT_SX, '& .MuiListItemText-primary, & .MuiListItemText-secondary': { maxHeight: '6em', overflowY: 'auto' } }}>
            {checks.map(check => (
                <ListItem key={check.id} disableGutters data-check={check.id} data-status={check.status}>
                    <ListItemIcon sx={{ minWidth: 32 }} role="img" aria-label={translate(`app.checks.${check.status}`)}>{ICON[check.status]}</ListItemIcon>
                    <ListItemText primary={translate(`app.checks.${check.id}`)} secondary={detail(check) || undefined} />
                </ListItem>
            ))}
        </List>
    );
}
