import { lapse } from '../../src/domain/transitions';
import type { Store, StoreWrites } from '../store/store';

// Claims nobody kept alive go back to the queue (docs/api.md §8), each lapse written once: the expired requests are locked,
// so that two server processes never lapse the same claim.

export async function lapseWithin(tx: StoreWrites, now: Date): Promise<void> {
    for (const record of await tx.lockExpiredClaims(now)) {
        const change = lapse(record, now);
        if (!change || change.type !== 'transition') continue;
        await tx.saveRequest(change.record);
        await tx.appendAudit(change.entry);
    }
}

export async function lapseExpiredClaims(store: Store, now: Date): Promise<void> {
    if (await store.hasExpiredClaims(now)) await store.transaction(tx => lapseWithin(tx, now));
}
