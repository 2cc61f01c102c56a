import { BooleanInput, DataTable, DateField, List, NumberField, useLocale } from 'react-admin';
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
import { safeCsvExporter } from '../common/csvExport';

const exporter = safeCsvExporter('verifications');

const ownFilter = <BooleanInput key="hasFailedChecks" source="hasFailedChecks" label="app.queue.has_failed_checks" />;

export function VerificationList() {
    const locale = useLocale();
    const filters = [...useSharedQueueFilters(), ownFilter];
    return (
        <List error={<ListErrorState />} sx={QUEUE_LIST_SX} exporter={exporter} {...QUEUE_DEFAULTS} filters={filters} empty={false} actions={<QueueActions resource="verifications" />}>
            <DataTable<Verification> bulkActionButtons={false} rowClick="show">
                <DataTable.Col source="id" />
                <DataTable.Col source="fullName" render={record => <CustomerText value={record.fullName} />} />
                <DataTable.Col source="mobileNumber" render={record => <MaskedText value={record.mobileNumber} masked={record.identityMasked} maxWidth={160} lines={1} />} />
                <DataTable.Col source="status"><StatusChip /></DataTable.Col>
                <DataTable.Col source="dueAt"><DueTag /></DataTable.Col>
                <DataTable.NumberCol source="attempt" />
                <DataTable.Col source="assignee"><AssigneeField /></DataTable.Col>
                <DataTable.Col source="failedChecks" align="right"><NumberField source="failedChecks" /></DataTable.Col>
                <DataTable.Col source="submittedAt"><DateField source="submittedAt" showTime locales={locale} /></DataTable.Col>
            </DataTable>
        </List>
    );
}
