import { BooleanInput, DataTable, List } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { QueueActions } from '../common/QueueActions';
import { AssigneeField } from '../common/AssigneeField';
import { DueTag } from '../common/DueTag';
import { QUEUE_DEFAULTS, useSharedQueueFilters } from '../common/queueFilters';
import { StatusChip } from '../common/StatusChip';
import type { Verification } from '../domain/types';
import { ListErrorState } from '../common/errors/ErrorState';
import { CustomerText } from '../common/CustomerText';
import { MaskedText } from '../common/MaskedText';
import { QUEUE_LIST_SX } from '../common/queueLayout';


const ownFilter = <BooleanInput key="hasFailedChecks" source="hasFailedChecks" label="app.queue.has_failed_checks" />;

export function VerificationList() {
    const filters = [...useSharedQueueFilters(), ownFilter];
    return (
        <List error={<ListErrorState />} sx={QUEUE_LIST_SX} exporter={false} {...QUEUE_DEFAULTS} filters={filters} empty={false} actions={<QueueActions resource="verifications" />}>
            <DataTable<Verification> bulkActionButtons={false} rowClick="show">
                <DataTable.Col source="id" />
                <DataTable.Col source="fullName" render={record => <CustomerText value={record.fullName} />} />
                <DataTable.Col source="mobileNumber" render={record => <MaskedText value={record.mobileNumber} masked={record.identityMasked} maxWidth={160} lines={1} />} />
                <DataTable.Col source="status"><StatusChip /></DataTable.Col>
                <DataTable.Col source="dueAt"><DueTag /></DataTable.Col>
                <DataTable.Col source="attempt" align="right" render={record => record.attempt} />
                <DataTable.Col source="assignee"><AssigneeField /></DataTable.Col>
                <DataTable.Col source="failedChecks" align="right" render={record => record.failedChecks} />
                <DataTable.Col source="submittedAt"><DateTimeField source="submittedAt" /></DataTable.Col>
            </DataTable>
        </List>
    );
}
