// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playJourney, type JourneyStep } from '../../scripts/customerApp';
import { apiClient, INTAKE_KEY, startTarget } from './apiClient';

// `npm run customer-app`'s journey (scripts/customerApp.ts), on both backends: real JPEG and PNG photos accepted, a retry
// answered with the same request, an SVG renamed .jpg, a 3 MB photo and a PDF refused by name, a cancellation, and the
// resubmission that follows an operator's rejection, linked and counted, in the operators' queue.

let target: Awaited<ReturnType<typeof startTarget>>;
let steps: JourneyStep[];

beforeAll(async () => {
    target = await startTarget();
    steps = await playJourney({ baseUrl: target.baseUrl, intakeKey: INTAKE_KEY, operator: { username: 'operator1', password: 'demo' }, photoSize: 'small', mobileNumber: '+6283812340001' });
}, 120_000);
afterAll(() => target.close());

describe('the customer app journey', () => {
    it('gets every answer the guides promise', () => {
        const [first, again, svg, big, pdf, cancellation, rejection, resubmission] = steps;
        expect(first).toMatchObject({ status: 201, attempt: 1, previousId: null });
        expect(again).toMatchObject({ status: 200, id: first!.id, replay: true });
        expect(svg).toMatchObject({ status: 400, code: 'bad_request', fields: { idFront: 'type_svg' } });
        expect(big).toMatchObject({ status: 413, code: 'payload_too_large', fields: { selfie: 'too_large' } });
        expect(pdf).toMatchObject({ status: 400, fields: { idBack: 'type_pdf' } });
        expect(cancellation).toMatchObject({ status: 201 });
        expect(rejection).toMatchObject({ status: 200, id: first!.id });
        expect(resubmission).toMatchObject({ status: 201, attempt: 2, previousId: first!.id });
        expect(steps).toHaveLength(8);
    });

    it('leaves the resubmission in the queue, pending, and the first attempt rejected', async () => {
        const api = apiClient(target.baseUrl);
        const supervisor = await api.login('supervisor1');
        const { body: rows } = await api.list('/verifications', { filter: { previousId: steps[0]!.id }, range: [0, 9] }, supervisor);
        expect(rows.map(row => [row.id, row.status, row.attempt])).toEqual([[steps[7]!.id, 'pending', 2]]);
        const { body: first } = await api.call('GET', `/verifications/${steps[0]!.id}`, { token: supervisor });
        expect(first).toMatchObject({ status: 'rejected', decision: { reasons: ['photo_unclear'] } });
    });
});
