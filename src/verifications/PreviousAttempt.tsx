import { Alert, Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetList, useGetOne, useLocale, useTranslate } from 'react-admin';
import { CUSTOMER_TEXT_SX, CustomerTextBlock } from '../common/CustomerText';
import { isLoadableDocumentUrl } from '../common/documentUrl';
import type { Reason, Verification } from '../domain/types';

const COMPARED: [field: string, read: (v: Verification) => string | null][] = [
    ['fullName', v => v.fullName],
    ['idNumber', v => v.idNumber],
    ['cardName', v => v.card.name],
    ['cardValidity', v => (v.card.validUntil === null ? null : String(v.card.validUntil))],
    ['sex', v => v.sex],
    ['contactPhone', v => v.contactPhone],
    ['email', v => v.email],
    ['address', v => v.address],
];
const DOCUMENTS = [['idFront', 'id_front'], ['idBack', 'id_back'], ['selfie', 'selfie']] as const;

function Thumbnail({ url, alt }: { url: string | null; alt: string }) {
    // A labelled placeholder (the URL is masked or unsafe): an image role, or the label is not allowed on a bare div.
    if (!isLoadableDocumentUrl(url)) return <Box role="img" sx={{ width: 96, height: 60, bgcolor: 'action.hover', borderRadius: 1 }} aria-label={alt} />;
    return <Box component="img" src={url} alt={alt} referrerPolicy="no-referrer" sx={{ width: 96, height: 60, objectFit: 'contain', bgcolor: 'grey.100', borderRadius: 1 }} />;
}

/** For a resubmission: the previous attempt's rejection, and what changed since, side by side. */
export function PreviousAttempt({ record }: { record: Verification }) {
    const translate = useTranslate();
    const locale = useLocale();
    // The attempt before is shown whole to whoever holds this one (docs/api.md §6.10): fetched again when that changes.
    const { data: previous } = useGetOne<Verification>('verifications', { id: record.previousId ?? '', meta: { wholeFor: record.identityMasked ? null : record.assignee } }, { enabled: !!record.previousId });
    const { data: reasons = [] } = useGetList<Reason>('reasons', { filter: { kind: 'verification' }, pagination: { page: 1, perPage: 50 } });
    if (!record.previousId || !previous) return null;
    const label = (id: string) => reasons.find(r => r.id === id)?.label[locale === 'zh-CN' ? 'zh-CN' : 'en'] ?? id;
    const changed = COMPARED.filter(([, read]) => read(previous) !== read(record));

    return (
        <Stack spacing={1} data-testid="previous-attempt">
            <Typography variant="subtitle2">{translate('app.review.previous_attempt', { id: previous.id })}</Typography>
            {previous.decision?.outcome === 'rejected' && (
                <Alert severity="warning">
                    {translate('app.review.previous_decision', { when: new Date(previous.decidedAt!).toLocaleDateString(locale) })}{' '}
                    {previous.decision.reasons.map(label).join('；')}
                </Alert>
            )}
            {changed.length === 0 ? (
                <Typography variant="body2" color="text.secondary">{translate('app.review.no_changes')}</Typography>
            ) : (
                <Table size="small" sx={{ tableLayout: 'fixed' }} aria-label={translate('app.review.changes')}>
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('app.review.field')}</TableCell>
                            <TableCell>{translate('app.review.before')}</TableCell>
                            <TableCell>{translate('app.review.now')}</TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {changed.map(([field, read]) => (
                            <TableRow key={field} data-changed={field}>
                                <TableCell>{translate(`app.fields.${field}`)}</TableCell>
                                <TableCell sx={{ ...CUSTOMER_TEXT_SX, textDecoration: 'line-through', color: 'text.secondary' }}><CustomerTextBlock value={read(previous) ?? '—'} maxHeight="6em" /></TableCell>
                                <TableCell sx={{ ...CUSTOMER_TEXT_SX, fontWeight: 600 }}><CustomerTextBlock value={read(record) ?? '—'} maxHeight="6em" /></TableCell>
                            </TableRow>
                        ))}
                    </TableBody>
                </Table>
            )}
            <Stack direction="row" spacing={2}>
                {DOCUMENTS.map(([key, labelKey]) => (
                    <Stack key={key} spacing={0.5} sx={{ alignItems: 'center' }}>
                        <Typography variant="caption">{translate(`app.documents.${labelKey}`)}</Typography>
                        <Stack direction="row" spacing={0.5}>
                            <Thumbnail url={previous.documents[key]} alt={`${translate('app.review.before')} ${translate(`app.documents.${labelKey}`)}`} />
                            <Thumbnail url={record.documents[key]} alt={`${translate('app.review.now')} ${translate(`app.documents.${labelKey}`)}`} />
                        </Stack>
                    </Stack>
                ))}
            </Stack>
        </Stack>
    );
}
