import { Chip } from '@mui/material';
import { DataTable, ExportButton, FilterButton, List, ReferenceField, ReferenceInput, SelectInput, TextField, TextInput, TopToolbar, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import type { QualityReview } from '../domain/types';
import { DrawSampleButton } from './DrawSampleButton';
import { ListErrorState } from '../common/errors/ErrorState';

const verdictChoices = [
    { id: 'pending', name: 'app.quality.verdict_pending' },
    { id: 'agree', name: 'app.quality.verdict_agree' },
    { id: 'disagree', name: 'app.quality.verdict_disagree' },
];

const filters = [
    <TextInput key="sampleId" source="sampleId" label="app.quality.sample" alwaysOn />,
    <ReferenceInput key="operatorId" source="operatorId" reference="operators" alwaysOn><SelectInput optionText="name" label="app.dashboard.operator" /></ReferenceInput>,
    <SelectInput key="verdict" source="verdict" choices={verdictChoices} label="app.quality.verdict" alwaysOn />,
];

function VerdictChip({ review }: { review: QualityReview }) {
    const translate = useTranslate();
    const state = review.verdict ?? 'pending';
    return <Chip size="small" color={state === 'disagree' ? 'error' : state === 'agree' ? 'success' : 'default'} label={translate(`app.quality.verdict_${state}`)} />;
}

/** Sampled decisions awaiting (or given) a supervisor's blind verdict. */
export function QualityReviewList() {
    return (
        <List error={<ListErrorState />} filters={filters} sort={{ field: 'id', order: 'DESC' }} empty={false} actions={<TopToolbar><DrawSampleButton /><FilterButton /><ExportButton /></TopToolbar>}>
            <DataTable<QualityReview> bulkActionButtons={false} rowClick="show">
                <DataTable.Col source="requestId" />
                <DataTable.Col source="requestKind" disableSort />
                <DataTable.Col source="operatorId" disableSort><ReferenceField source="operatorId" reference="operators" link={false}><TextField source="name" /></ReferenceField></DataTable.Col>
                <DataTable.Col source="decidedAt"><DateTimeField source="decidedAt" /></DataTable.Col>
                <DataTable.Col source="verdict" disableSort render={review => <VerdictChip review={review as QualityReview} />} />
                <DataTable.Col source="sampleId" disableSort />
            </DataTable>
        </List>
    );
}
