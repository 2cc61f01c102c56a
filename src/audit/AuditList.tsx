import { AutocompleteInput, DataTable, DateTimeInput, FilterButton, List, ReferenceField, ReferenceInput, SelectInput, TextField, TextInput, TopToolbar, useLocale, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import type { AuditEntry } from '../domain/types';
import { ServerExportButton } from '../common/ServerExportButton';
import { ListErrorState } from '../common/errors/ErrorState';

const ACTIONS = ['claim', 'release', 'lapse', 'approve', 'reject', 'second_approve', 'send_back', 'reassign', 'quality_verdict', 'view', 'reveal', 'export'];
const actionChoices = ACTIONS.map(id => ({ id, name: `app.audit.action.${id}` }));
const kindChoices = [{ id: 'verification', name: 'app.audit.kind.verification' }, { id: 'cancellation', name: 'app.audit.kind.cancellation' }];
const outcomeChoices = [{ id: 'approved', name: 'app.status.approved' }, { id: 'rejected', name: 'app.status.rejected' }];

function useAuditFilters() {
    const locale = useLocale();
    return [
        <TextInput key="q" source="q" label="app.audit.request_id" alwaysOn />,
        <ReferenceInput key="actor" source="actor" reference="operators" alwaysOn>
            <SelectInput optionText="name" label="resources.audit.fields.actor" />
        </ReferenceInput>,
        <SelectInput key="action" source="action" choices={actionChoices} alwaysOn />,
        <SelectInput key="requestKind" source="requestKind" choices={kindChoices} />,
        <SelectInput key="toStatus" source="toStatus" choices={outcomeChoices} label="app.audit.outcome" />,
        <ReferenceInput key="reason" source="reason" reference="reasons" sort={{ field: 'order', order: 'ASC' }} perPage={50}>
            <AutocompleteInput label="app.audit.reason" optionText={(reason: { id: string; label: Record<string, string> }) => `${reason.id} · ${reason.label[locale === 'zh-CN' ? 'zh-CN' : 'en']}`} />
        </ReferenceInput>,
        <DateTimeInput key="at_gte" source="at_gte" label="app.audit.from" alwaysOn />,
        <DateTimeInput key="at_lte" source="at_lte" label="app.audit.to" alwaysOn />,
    ];
}

/** Every event the server wrote, newest first; supervisors only (the server refuses operators too). */
export function AuditList() {
    const translate = useTranslate();
    return (
        <List error={<ListErrorState />} filters={useAuditFilters()} empty={false} sort={{ field: 'id', order: 'DESC' }} perPage={50} exporter={false} storeKey={false} actions={<TopToolbar><FilterButton /><ServerExportButton resource="audit" /></TopToolbar>}>
            <DataTable<AuditEntry> bulkActionButtons={false} rowClick={false}>
                <DataTable.Col source="at"><DateTimeField source="at" /></DataTable.Col>
                <DataTable.Col source="actor" disableSort render={entry => (entry.actor === 'system' ? translate('app.audit.system') : <ReferenceField source="actor" reference="operators" link={false}><TextField source="name" /></ReferenceField>)} />
                <DataTable.Col source="action" render={entry => translate(`app.audit.action.${entry.action}`)} />
                <DataTable.Col source="requestId" render={entry => entry.requestId} />
                <DataTable.Col source="fromStatus" disableSort render={entry => (entry.fromStatus ? translate(`app.status.${entry.fromStatus}`) : '')} />
                <DataTable.Col source="toStatus" disableSort render={entry => (entry.toStatus ? translate(`app.status.${entry.toStatus}`) : '')} />
                <DataTable.Col source="reasons" disableSort render={entry => entry.reasons.join(', ')} />
                <DataTable.Col source="note" disableSort render={entry => entry.note ?? ''} />
            </DataTable>
        </List>
    );
}
