import { composeNotices } from '../../src/domain/notices';
import type { Change } from '../../src/domain/transitions';
import type { ReviewRequest } from '../../src/domain/types';
import type { StoreWrites } from '../store/store';

/**
 * Writes what a rule decided (src/domain/transitions.ts): the record, and its audit entry for a state change. A final
 * decision (approved, rejected) also queues the customer's notices, in the same transaction; a replay writes nothing.
 */
export async function apply(tx: StoreWrites, change: Change): Promise<ReviewRequest> {
    if (change.type === 'replay') return change.record;
    await tx.saveRequest(change.record);
    if (change.type === 'transition') {
        await tx.appendAudit(change.entry);
        const { toStatus, fromStatus, at } = change.entry;
        if (toStatus !== fromStatus && (toStatus === 'approved' || toStatus === 'rejected')) await tx.appendNotices(composeNotices(change.record, at));
    }
    return change.record;
}
