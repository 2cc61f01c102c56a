import { Checkbox, Chip, FormControlLabel, FormGroup, FormLabel, Stack } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import type { Reason } from '../../domain/types';

/** The catalogue's reasons for one kind, numbered for the number keys, each marked retry or final. */
export function ReasonPicker({ reasons, selected, onToggle }: { reasons: Reason[]; selected: string[]; onToggle(id: string): void }) {
    const translate = useTranslate();
    const locale = useLocale();
    const labelLanguage = locale === 'zh-CN' ? 'zh-CN' : 'en';
    return (
        <FormGroup>
            <FormLabel component="legend" sx={{ mb: 0.5 }}>{translate('app.review.reasons')}</FormLabel>
            {reasons.map((reason, index) => (
                <FormControlLabel
                    key={reason.id}
                    control={<Checkbox size="small" checked={selected.includes(reason.id)} onChange={() => onToggle(reason.id)} slotProps={{ input: { 'aria-keyshortcuts': index < 9 ? String(index + 1) : undefined } }} />}
                    label={
                        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                            <span>{index < 9 ? `${index + 1}. ` : ''}{reason.label[labelLanguage]}</span>
                            {reason.retry === 'final' && <Chip size="small" color="error" variant="outlined" label={translate('app.review.final_short')} />}
                        </Stack>
                    }
                />
            ))}
        </FormGroup>
    );
}
