// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addDays, checkRange, dayOf, daysOf, MAX_RANGE_DAYS, parseDay, rangeBounds } from '../../src/domain/dayRange';

describe('calendar days (UTC)', () => {
    it('reads only real days written YYYY-MM-DD', () => {
        expect(parseDay('2026-11-23')).toBe(Date.UTC(2026, 10, 23));
        expect(parseDay('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
        for (const bad of ['2026-02-30', '2026-13-01', '2026-2-3', '2026-11-23T00:00:00Z', '23/11/2026', '', 20261123, null, undefined]) {
            expect(parseDay(bad), String(bad)).toBeNull();
        }
    });

    it('names the UTC day of an instant and steps over month ends', () => {
        expect(dayOf('2026-11-23T23:59:59.999Z')).toBe('2026-11-23');
        expect(dayOf(new Date('2026-11-23T17:30:00.000+07:00'))).toBe('2026-11-23');
        expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
        expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    });

    it('lists every day of a range, both ends included, and bounds it midnight to midnight', () => {
        expect(daysOf({ from: '2026-11-29', to: '2026-12-02' })).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
        expect(daysOf({ from: '2026-11-23', to: '2026-11-23' })).toEqual(['2026-11-23']);
        expect(rangeBounds({ from: '2026-11-23', to: '2026-11-24' })).toEqual({ startMs: Date.UTC(2026, 10, 23), endMs: Date.UTC(2026, 10, 25) });
    });
});

describe('checking a range', () => {
    const now = new Date('2026-11-23T03:00:00.000Z');

    it('defaults to the last 7 days up to today', () => {
        expect(checkRange(undefined, undefined, { now })).toEqual({ ok: true, range: { from: '2026-11-17', to: '2026-11-23' } });
        expect(checkRange('', '', { now })).toEqual({ ok: true, range: { from: '2026-11-17', to: '2026-11-23' } });
        expect(checkRange('2026-11-01', undefined, { now })).toEqual({ ok: true, range: { from: '2026-11-01', to: '2026-11-23' } });
        expect(checkRange(undefined, '2026-11-10', { now })).toEqual({ ok: true, range: { from: '2026-11-04', to: '2026-11-10' } });
    });

    it('needs both ends when there are no defaults', () => {
        expect(checkRange(undefined, '2026-11-10')).toMatchObject({ ok: false, fields: { from: 'required' } });
        expect(checkRange('2026-11-10', null)).toMatchObject({ ok: false, fields: { to: 'required' } });
        expect(checkRange('2026-11-10', '2026-11-10')).toEqual({ ok: true, range: { from: '2026-11-10', to: '2026-11-10' } });
    });

    it('refuses bad days, a start after the end, and more than a year', () => {
        expect(checkRange('2026-02-30', '2026-03-01', { now })).toMatchObject({ ok: false, fields: { from: 'invalid' } });
        expect(checkRange('2026-02-01', 'tomorrow', { now })).toMatchObject({ ok: false, fields: { to: 'invalid' } });
        expect(checkRange('2026-11-24', '2026-11-23', { now })).toMatchObject({ ok: false, fields: { from: 'after_to' } });
        expect(checkRange('2026-11-24', undefined, { now })).toMatchObject({ ok: false, fields: { from: 'after_to' } });
        expect(checkRange('2025-01-01', addDays('2025-01-01', MAX_RANGE_DAYS - 1))).toMatchObject({ ok: true });
        expect(checkRange('2025-01-01', addDays('2025-01-01', MAX_RANGE_DAYS))).toMatchObject({ ok: false, fields: { to: 'too_large' } });
    });
});
