import { ReferenceField, TextField, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import type { ReviewRequest } from '../domain/types';

/** Who holds the request: "Me" for the signed-in operator, else the operator's name. */
export function AssigneeField(_props: { label?: string; sortBy?: string }) {
    const record = useRecordContext<ReviewRequest>();
    const { identity } = useGetIdentity();
    const translate = useTranslate();
    if (!record?.assignee) return null;
    if (record.assignee === identity?.id) return <strong>{translate('app.assignee.me')}</strong>;
    return (
        <ReferenceField source="assignee" reference="operators" link={false}>
            <TextField source="name" />
        </ReferenceField>
    );
}

export const assigneeChoices = [
    { id: 'me', name: 'app.assignee.me' },
    { id: 'unassigned', name: 'app.assignee.unassigned' },
];
