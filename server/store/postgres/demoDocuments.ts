import { generatedDocuments } from '../../../mocks/documentSource';
import type { DocumentTraits } from '../../../mocks/seed/seed';
import type { ReviewRequest } from '../../../src/domain/types';
import type { DocumentSource } from '../../http/deps';
import type { Queryable } from './executor';
import { SQL } from './sql';

// Document images of the demo data: drawn from each seeded request's traits, as the mock does. Requests without traits
// (a real deployment's) have no images here: document storage is a deployment's own (docs/api.md §6.6).

export function demoDocuments(db: Queryable): DocumentSource {
    return generatedDocuments(async requestId => {
        const [traits] = await db.query<{ traits: DocumentTraits }>(SQL.documentTraits, [requestId]);
        const [request] = traits ? await db.query<{ record: ReviewRequest }>(SQL.requestById, [requestId]) : [];
        return traits && request ? { request: request.record, traits: traits.traits } : null;
    }, async requestId => {
        await db.query(SQL.purgeDocumentTraits, [requestId]);
    });
}
