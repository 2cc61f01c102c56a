import type * as z from 'zod/mini';
import { operatorFilter, reasonFilter } from '../../contract/listQuery';
import type { ListedOperator, Reason } from '../types';
import { oneOrMany } from './page';
import type { ListSpec } from './parse';

// GET /reasons and GET /operators (docs/api.md §6.3, §6.4): small, read-only, filtered by exact values ("" included).

export const REASON_LIST = {
    sortable: ['id', 'order', 'kind', 'retry'], defaultSort: { field: 'order', order: 'ASC' }, filter: reasonFilter, emptyIsAbsent: false,
} satisfies ListSpec;
export const OPERATOR_LIST = {
    sortable: ['id', 'name', 'role'], defaultSort: { field: 'name', order: 'ASC' }, filter: operatorFilter, emptyIsAbsent: false,
} satisfies ListSpec;

export const reasonPredicate = (filter: z.infer<typeof reasonFilter>) => (reason: Reason) =>
    (filter.id === undefined || oneOrMany(filter.id).includes(reason.id))
    && (filter.kind === undefined || reason.kind === filter.kind)
    && (filter.retry === undefined || reason.retry === filter.retry);

export const operatorPredicate = (filter: z.infer<typeof operatorFilter>) => (operator: ListedOperator) =>
    (filter.id === undefined || oneOrMany(filter.id).includes(operator.id)) && (filter.role === undefined || operator.role === filter.role)
    && (filter.disabled === undefined || operator.disabled === filter.disabled);
