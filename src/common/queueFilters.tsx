import { BooleanInput, SearchInput, SelectInput, useCanAccess, useTranslate } from 'react-admin';
import { assigneeChoices } from './AssigneeField';
import { statusChoices } from './StatusChip';

// The filters both queues share; each queue adds its own. Filter state lives in the URL.

export function useSharedQueueFilters() {
    const translate = useTranslate();
    // Customer notices the sender gave up on (docs/api.md §6.12): a supervisor's follow-up.
    const { canAccess: supervisor } = useCanAccess({ resource: 'audit', action: 'list' });
    return [
        <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.queue.search')} sx={{ minWidth: 320 }} />,
        <BooleanInput key="open" source="open" label="app.queue.open_only" alwaysOn />,
        <SelectInput key="status" source="status" choices={statusChoices} />,
        <SelectInput key="assignee" source="assignee" choices={assigneeChoices} emptyText="app.assignee.anyone" alwaysOn />,
        <BooleanInput key="overdue" source="overdue" label="app.queue.overdue" />,
        <BooleanInput key="resubmission" source="resubmission" label="app.queue.resubmission" />,
        ...(supervisor ? [<BooleanInput key="noticeFailed" source="noticeFailed" label="app.queue.notice_failed" />] : []),
    ];
}

/** The queue opens on open requests: mine first, then oldest due first (the server's "queue" order). */
export const QUEUE_DEFAULTS = {
    filterDefaultValues: { open: true },
    sort: { field: 'queue', order: 'ASC' as const },
    perPage: 25,
    // The layout has checked the session before any page renders (SignedInOnly), and every role may open both queues
    // (canRoleAccess): the List's own checkAuth and canAccess would only hold the list request back by two renders.
    // A 401 still signs the operator out (checkError), and the server checks every request.
    disableAuthentication: true,
};
