// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../mocks/node';
import { apiAs } from '../support/session';

// Quality verdicts follow the four-eyes rule even when a sample holds one's own decision (say, drawn by another supervisor).

const BASE = 'http://localhost/api';
const { server, db } = createMockServer({ seed: 3, size: 200, now: () => new Date('2026-11-20T03:00:00Z') });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('a quality verdict on one\'s own decision', () => {
    it('is refused with 403 four_eyes_same_person, and nothing is written', async () => {
        const decided = db.state.verifications.find(v => v.decidedBy !== null)!;
        db.state.qualityReviews.push({
            id: 'QR-900001', sampleId: 'QS-900001', requestKind: 'verification', requestId: decided.id, operatorId: 'u-supervisor1', decidedAt: decided.decidedAt!,
            verdict: null, note: null, reviewedBy: null, reviewedAt: null, outcome: null, reasons: null,
        });
        const answer = await (await apiAs(BASE, 'supervisor1'))('POST', '/quality-reviews/QR-900001/verdict', { verdict: 'agree' });
        expect(answer.status).toBe(403);
        expect(await answer.json()).toMatchObject({ error: { code: 'four_eyes_same_person' } });
        expect(db.state.qualityReviews.at(-1)!.verdict).toBeNull();
        expect(db.state.audit.filter(entry => entry.action === 'quality_verdict')).toHaveLength(0);
    });
});
