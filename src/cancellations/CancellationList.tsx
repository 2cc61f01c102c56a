import { BooleanInput, DataTable, List } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { AssigneeField } from '../common/AssigneeField';
import { QueueActions } from '../common/QueueActions';
import { DueTag } from '../common/DueTag';
import { QUEUE_DEFAULTS, useSharedQueueFilters } from '../common/queueFilters';
import { StatusChip } from '../common/StatusChip';
import type { Cancellation } from '../domain/types';
import { RefundField } from './RefundField';
import { useIdr } from './useIdr';
import { ListErrorState } from '../common/errors/ErrorState';
import { CustomerText } from '../common/CustomerText';
import { MaskedText } from '../common/MaskedText';
import { QUEUE_LIST_SX } from '../common/queueLayout';

const ownFilters = [
    <BooleanInput key="readyToApprove" source="readyToApprove" label="app.queue.ready_to_approve" />,
    <BooleanInput key="releasePending" source="releasePending" label="app.queue.release_pending" />,
];

export function CancellationList() {
    const idr = useIdr();
    const filters = [...useSharedQueueFilters(), ...ownFilters];
    return (
        <List error={<ListErrorState />} sx={QUEUE_LIST_SX} exporter={false} {...QUEUE_DEFAULTS} filters={filters} empty={false} actions={<QueueActions resource="cancellations" />}>
            <DataTable<Cancellation> bulkActionButtons={false} rowClick="show">
                <DataTable.Col source="id" />
                <DataTable.Col source="holderName" render={record => <CustomerText value={record.holderName} maxWidth={200} />} />
                <DataTable.Col source="mobileNumber" render={record => <MaskedText value={record.mobileNumber} masked={record.identityMasked} maxWidth={160} lines={1} />} />
                <DataTable.Col source="status"><StatusChip /></DataTable.Col>
                <DataTable.Col source="dueAt"><DueTag /></DataTable.Col>
                <DataTable.Col source="account.balance" align="right" disableSort render={record => idr(record.account.balance)} />
                <DataTable.Col source="refund" disableSort><RefundField /></DataTable.Col>
                <DataTable.Col source="account.boundDevices" align="right" disableSort render={record => record.account.boundDevices.length} />
                <DataTable.Col source="account.openItems" align="right" disableSort render={record => record.account.openItems.length} />
                <DataTable.Col source="assignee"><AssigneeField /></DataTable.Col>
                <DataTable.Col source="submittedAt"><DateTimeField source="submittedAt" /></DataTable.Col>
            </DataTable>
        </List>
    );
}
