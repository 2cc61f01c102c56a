import { Stack, Typography } from '@mui/material';
import { CustomerText } from '../common/CustomerText';
import { DueTag } from '../common/DueTag';
import { StatusChip } from '../common/StatusChip';

/** The review screen's title: what is reviewed and for whom, with the request's status and due tag when it has them. */
export function ReviewHeader({ title, customerName, withStatus = true }: { title: string; customerName?: string; withStatus?: boolean }) {
    return (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h6" component="h1" sx={{ display: 'flex', minWidth: 0, maxWidth: '100%' }}>
                {customerName === undefined ? title : (
                    <>
                        <span style={{ whiteSpace: 'pre' }}>{`${title} · `}</span>
                        <CustomerText value={customerName} maxWidth="60vw" />
                    </>
                )}
            </Typography>
            {withStatus && <StatusChip />}
            {withStatus && <DueTag />}
        </Stack>
    );
}
