import { DEFAULT_RETENTION, purgeIdentity, retentionCutoffs } from '../../src/domain/retention';
import type { ReviewRequest } from '../../src/domain/types';
import type { AppDeps } from './deps';

// The retention job (docs/api.md §6.14): deletes the documents and full identity data of decided requests past their
// retention, a batch per transaction, each purge an audit entry `purge` by `system`. The review server runs it on an
// interval and as `npm run server -- purge`; tests call it with a moved clock.

const BATCH = 100;

/** The stored uploads (intake, `files/<key>`) a request's documents point at. */
const uploadKeysOf = (record: ReviewRequest): string[] =>
    (record.kind === 'verification' ? [record.documents.idFront, record.documents.idBack, record.documents.selfie] : [record.idScan])
        .filter((path): path is string => typeof path === 'string' && path.startsWith('files/'))
        .map(path => path.slice('files/'.length));

export async function purgeExpiredIdentity(deps: Pick<AppDeps, 'store' | 'now' | 'config' | 'documents' | 'documentStorage'>): Promise<number> {
    const settings = deps.config.retention ?? DEFAULT_RETENTION;
    let purged = 0;
    for (;;) {
        const now = deps.now();
        const { decidedBefore, disputeBefore } = retentionCutoffs(now, settings);
        const due = await deps.store.transaction(tx => tx.lockPurgeDue(decidedBefore, disputeBefore, BATCH));
        // Documents first, outside the transaction (their storage is not the database): if what follows fails, the record is
        // still due and the next run finishes it; deleting documents twice is harmless.
        for (const record of due) {
            await deps.documents.purgeDocuments(record.id);
            for (const key of uploadKeysOf(record)) await deps.documentStorage?.delete(key);
        }
        purged += await deps.store.transaction(async tx => {
            let count = 0;
            for (const { kind, id } of due) {
                const record = await tx.lockRequest(kind, id);
                // Another server's job may have purged it meanwhile.
                if (!record || record.identityPurgedAt) continue;
                await tx.saveRequest(purgeIdentity(record, now));
                await tx.appendAudit({
                    at: now.toISOString(), actor: 'system', action: 'purge', requestKind: kind, requestId: id,
                    fromStatus: record.status, toStatus: record.status, reasons: [],
                    note: `retention: documents and identity data deleted (kept ${settings.days} days after the decision, ${settings.disputeDays} for a rejection under dispute)`,
                });
                count += 1;
            }
            return count;
        });
        if (due.length < BATCH) return purged;
    }
}
