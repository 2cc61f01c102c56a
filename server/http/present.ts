import { requiresSecondApproval } from '../../src/domain/fourEyes';
import { maskIdentity, needsToKnow } from '../../src/domain/identityMasking';
import type { Operator, ReviewRequest } from '../../src/domain/types';

// A request as the API shows it (docs/api.md §6.1, §6.2, §6.6).

export interface View {
    /** Where this API's own paths are served: "<origin><base>/". */
    apiRoot: string;
    fourEyesThresholdIdr: number;
    /** A stored upload's path (`files/<key>`) as a signed URL query for this viewer (documentLinks.ts); none: no URL. */
    signDocument?: (path: string) => string;
}

/**
 * Stored document paths become absolute URLs on this server, and a cancellation's `requiresSecondApproval` follows this
 * server's four-eyes threshold.
 */
export function present(record: ReviewRequest, view: View): ReviewRequest {
    // A stored address (scheme or `//`) is passed on as it is, unsafe ones too: the console, not the server, refuses them
    // (tests/robustness/hostile*).
    const absolute = (path: string | null) => {
        if (path === null) return null;
        if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(path)) return path;
        // An upload is served only by a signed URL, made for the viewer this record is shown to.
        if (path.startsWith('files/')) return view.signDocument ? `${view.apiRoot}${view.signDocument(path)}` : null;
        return `${view.apiRoot}${path}`;
    };
    if (record.kind === 'verification') {
        const { idFront, idBack, selfie } = record.documents;
        return { ...record, documents: { idFront: absolute(idFront), idBack: absolute(idBack), selfie: absolute(selfie) } };
    }
    return {
        ...record,
        idScan: absolute(record.idScan),
        requiresSecondApproval: requiresSecondApproval(record.account, view.fourEyesThresholdIdr),
        firstApproval: record.firstApproval ?? null,
    };
}

/**
 * A list row as the viewer may see it: an operator never reads another person's internal note in a list. `decision.note`
 * is kept for its author (`decidedBy`), `firstApproval.note` for its author; supervisors see every note.
 */
export function redactForList(record: ReviewRequest, viewer: Operator): ReviewRequest {
    if (viewer.role === 'supervisor') return record;
    const decision = record.decision && record.decision.note !== null && record.decidedBy !== viewer.id ? { ...record.decision, note: null } : record.decision;
    if (record.kind === 'verification') return decision === record.decision ? record : { ...record, decision };
    const firstApproval = record.firstApproval && record.firstApproval.note !== null && record.firstApproval.by !== viewer.id ? { ...record.firstApproval, note: null } : record.firstApproval;
    return decision === record.decision && firstApproval === record.firstApproval ? record : { ...record, decision, firstApproval };
}

/**
 * A request as `viewer` may see it (src/domain/identityMasking.ts): whole for supervisors, the claim's holder, or with
 * `granted` (a reveal that holds); masked, without document URLs, for anyone else and for an unknown viewer.
 */
export function presentTo(record: ReviewRequest, view: View, viewer: Operator | undefined, granted = false): ReviewRequest {
    const shown = present(record, view);
    return viewer && (granted || needsToKnow(record, viewer)) ? shown : maskIdentity(shown);
}

/** A list row (lists, search results, the console's CSV export): always masked, for supervisors too. */
export const presentRow = (record: ReviewRequest, view: View, viewer: Operator) => maskIdentity(redactForList(present(record, view), viewer));
