import { Dialog, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

// The documented keyboard map of the review screens (the `?` key opens it).
export const KEY_MAP: readonly [keys: string, description: string][] = [
    ['n', 'app.keys.review_next'],
    ['c', 'app.keys.claim'],
    ['a', 'app.keys.approve'],
    ['r', 'app.keys.reject'],
    ['l', 'app.keys.release'],
    [']', 'app.keys.next_document'],
    ['[', 'app.keys.previous_document'],
    ['+', 'app.keys.zoom_in'],
    ['-', 'app.keys.zoom_out'],
    ['0', 'app.keys.reset_view'],
    ['o', 'app.keys.rotate'],
    ['1 … 9', 'app.keys.pick_reason'],
    ['Enter  /  Ctrl+Enter', 'app.keys.confirm'],
    ['Esc', 'app.keys.cancel'],
    ['?', 'app.keys.help'],
];

export function KeyboardHelp({ onClose }: { onClose(): void }) {
    const translate = useTranslate();
    return (
        <Dialog open onClose={onClose} aria-labelledby="keyboard-title">
            <DialogTitle id="keyboard-title">{translate('app.review.keyboard_title')}</DialogTitle>
            <DialogContent>
                <Table size="small">
                    <TableBody>
                        {KEY_MAP.map(([keys, description]) => (
                            <TableRow key={description}>
                                <TableCell sx={{ whiteSpace: 'nowrap' }}><kbd>{keys}</kbd></TableCell>
                                <TableCell>{translate(description)}</TableCell>
                            </TableRow>
                        ))}
                    </TableBody>
                </Table>
                <Typography variant="caption" color="text.secondary">{translate('app.review.keyboard_hint')}</Typography>
            </DialogContent>
        </Dialog>
    );
}
