import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import KeyboardIcon from '@mui/icons-material/Keyboard';
import PanToolIcon from '@mui/icons-material/PanTool';
import UndoIcon from '@mui/icons-material/Undo';
import { Button, FormControlLabel, IconButton, Stack, Switch, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ReviewRequest } from '../domain/types';
import { ReviewNextButton } from './ReviewNextButton';
import type { DecisionFlow } from './flow/useDecisionFlow';

type Flow = DecisionFlow;

/** The review screen's actions; each button names its key. */
export function DecisionBar({ resource, record, flow }: { resource: string; record: ReviewRequest; flow: Flow }) {
    const translate = useTranslate();
    const decidable = flow.heldByMe && !flow.busy;
    return (
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center', rowGap: 1 }}>
            {record.status === 'pending' && (
                <Button variant="outlined" startIcon={<PanToolIcon />} onClick={() => void flow.claim()} disabled={flow.busy} aria-keyshortcuts="c">
                    {translate('app.review.claim')} (c)
                </Button>
            )}
            <Button variant="contained" color="success" startIcon={<CheckIcon />} onClick={() => flow.open('approve')} disabled={!decidable || flow.approveBlocked} aria-keyshortcuts="a" data-testid="approve">
                {translate('app.review.approve')} (a)
            </Button>
            <Button variant="contained" color="error" startIcon={<CloseIcon />} onClick={() => flow.open('reject')} disabled={!decidable} aria-keyshortcuts="r" data-testid="reject">
                {translate('app.review.reject')} (r)
            </Button>
            <Button variant="text" startIcon={<UndoIcon />} onClick={flow.release} disabled={!decidable} aria-keyshortcuts="l" data-testid="release">
                {translate('app.review.release')} (l)
            </Button>
            <ReviewNextButton resource={resource} withShortcut={false} />
            <FormControlLabel
                control={<Switch size="small" checked={flow.autoAdvance} onChange={(_, checked) => flow.setAutoAdvance(checked)} />}
                label={translate('app.review.auto_advance')}
                slotProps={{ typography: { variant: 'body2' } }}
            />
            <Tooltip title={translate('app.review.keyboard_title')}>
                <IconButton onClick={flow.showHelp} aria-label={translate('app.review.keyboard_title')} aria-keyshortcuts="?"><KeyboardIcon /></IconButton>
            </Tooltip>
        </Stack>
    );
}
