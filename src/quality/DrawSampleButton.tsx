import CasinoIcon from '@mui/icons-material/Casino';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetIdentity, useGetList, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { addDays, dayOf } from '../domain/dayRange';
import type { Operator } from '../domain/types';
import type { ReviewDataProvider } from '../providers/dataProvider';
import { serverClock } from '../providers/serverClock';

/** The last two weeks on the server's clock, when the dialog opens (sample ranges are UTC days, docs/api.md 1). */
const lastTwoWeeks = () => {
    const today = dayOf(serverClock.now());
    return { from: addDays(today, -13), to: today };
};

/** Draws a random share of one operator's decisions in a date range for blind re-review. */
export function DrawSampleButton() {
    const translate = useTranslate();
    const notify = useNotify();
    const navigate = useNavigate();
    const dataProvider = useDataProvider<ReviewDataProvider>();
    const { identity } = useGetIdentity();
    const { data: everyone = [] } = useGetList<Operator>('operators', { pagination: { page: 1, perPage: 100 } });
    // Four eyes: nobody samples their own decisions (the server refuses it too).
    const operators = everyone.filter(op => op.id !== identity?.id);
    const [open, setOpen] = useState(false);
    const [form, setForm] = useState({ operatorId: '', ...lastTwoWeeks(), percent: '5' });
    const percent = Number(form.percent);
    const valid = !!form.operatorId && form.from <= form.to && percent > 0 && percent <= 100;

    const draw = async () => {
        try {
            const sample = await dataProvider.drawQualitySample({ operatorId: form.operatorId, from: form.from, to: form.to, rate: percent / 100 });
            setOpen(false);
            notify('app.quality.drawn', { type: 'success', messageArgs: { smart_count: sample.reviewIds.length } });
            navigate(`/quality-reviews?filter=${encodeURIComponent(JSON.stringify({ sampleId: sample.id }))}`);
        } catch (error) {
            notify((error as Error).message, { type: 'error' });
        }
    };

    return (
        <>
            <Button size="small" startIcon={<CasinoIcon />} onClick={() => { setForm(current => ({ ...current, ...lastTwoWeeks() })); setOpen(true); }} data-testid="draw-sample">{translate('app.quality.draw')}</Button>
            {open && (
                <Dialog open onClose={() => setOpen(false)} fullWidth maxWidth="xs" aria-labelledby="draw-title">
                    <DialogTitle id="draw-title">{translate('app.quality.draw')}</DialogTitle>
                    <DialogContent>
                        <Stack spacing={2} sx={{ pt: 1 }}>
                            <TextField select label={translate('app.dashboard.operator')} value={form.operatorId} onChange={e => setForm({ ...form, operatorId: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'sample-operator' } }}>
                                {operators.map(op => <MenuItem key={op.id} value={op.id}>{op.name}</MenuItem>)}
                            </TextField>
                            <TextField type="date" label={translate('app.audit.from')} value={form.from} onChange={e => setForm({ ...form, from: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
                            <TextField type="date" label={translate('app.audit.to')} value={form.to} onChange={e => setForm({ ...form, to: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
                            <TextField type="number" label={translate('app.quality.percent')} value={form.percent} onChange={e => setForm({ ...form, percent: e.target.value })} slotProps={{ htmlInput: { min: 1, max: 100, 'data-testid': 'sample-percent' } }} />
                        </Stack>
                    </DialogContent>
                    <DialogActions>
                        <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
                        <Button variant="contained" disabled={!valid} onClick={() => void draw()} data-testid="confirm-draw">{translate('app.quality.draw')}</Button>
                    </DialogActions>
                </Dialog>
            )}
        </>
    );
}
