// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dueAt, slaStanding, type SlaCalendar } from '../../src/domain/sla';

// Times are written in Jakarta time (UTC+7), the default calendar.
const wib = (local: string) => new Date(`${local}+07:00`);
const calendar = (holidays: string[] = []): SlaCalendar => ({ businessDays: 3, holidays: new Set(holidays), utcOffsetMinutes: 420 });

describe('due date: 3 business days after submission', () => {
    it('a Monday request is due Thursday at the same time', () => {
        expect(dueAt(wib('2026-11-16T10:30:00'), calendar())).toEqual(wib('2026-11-19T10:30:00'));
    });

    it('a Thursday request skips the weekend and is due Tuesday', () => {
        expect(dueAt(wib('2026-11-19T16:00:00'), calendar())).toEqual(wib('2026-11-24T16:00:00'));
    });

    it('a Friday request is due Wednesday', () => {
        expect(dueAt(wib('2026-11-20T09:00:00'), calendar())).toEqual(wib('2026-11-25T09:00:00'));
    });

    it('a Saturday request starts its clock on Monday morning and is due Thursday 00:00', () => {
        expect(dueAt(wib('2026-11-21T14:00:00'), calendar())).toEqual(wib('2026-11-26T00:00:00'));
    });

    it('a holiday does not count as a business day', () => {
        expect(dueAt(wib('2026-11-16T10:00:00'), calendar(['2026-11-18']))).toEqual(wib('2026-11-20T10:00:00'));
    });

    it('counts on the local calendar: late Friday evening in Jakarta is still Friday', () => {
        // 23:30 WIB Friday is 16:30 UTC Friday; the next business days are Mon, Tue, Wed.
        expect(dueAt(wib('2026-11-20T23:30:00'), calendar())).toEqual(wib('2026-11-25T23:30:00'));
    });
});

describe('standing against the due time', () => {
    const due = wib('2026-11-19T10:30:00');

    it('is overdue after the due time, with how late', () => {
        expect(slaStanding(due, wib('2026-11-19T12:30:00'))).toEqual({ state: 'overdue', msLeft: -2 * 3_600_000 });
    });

    it('is due today on the due day before the due time', () => {
        expect(slaStanding(due, wib('2026-11-19T08:00:00')).state).toBe('due_today');
    });

    it('is on time before the due day', () => {
        expect(slaStanding(due, wib('2026-11-18T23:00:00')).state).toBe('on_time');
    });
});
