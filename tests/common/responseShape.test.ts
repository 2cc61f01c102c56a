// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ShapeProblem, totalFromContentRange } from '../../src/providers/responseShape';

// The list total comes from Content-Range, whatever the resource is called.

describe('the total of a list', () => {
    it.each([
        ['verifications 0-24/300', 300],
        ['quality-reviews 0-9/61', 61],
        ['quality-samples */0', 0],
        [' audit 5-5/6 ', 6],
    ])('is read from "%s"', (header, total) => {
        expect(totalFromContentRange(header)).toBe(total);
    });

    it.each([null, '', 'verifications', 'verifications 0-24', 'verifications 0-24/many', 'bytes=0-24/300'])('is a shape problem for %j', header => {
        expect(() => totalFromContentRange(header)).toThrow(ShapeProblem);
    });
});
