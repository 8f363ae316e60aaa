import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendar, statutoryDaysOff, WorkingCalendar } from '#shared/calendar';
import { lunarToSolar } from '#shared/lunar';
import { addDays, formatLocalDay } from '#shared/time';

const noAnnouncements = new WorkingCalendar({ years: {} });

describe('lunar calendar (UTC+7)', () => {
  it.each([
    [1985, '1985-01-21'], // Vietnam and China differ this year (China: 20 Feb)
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('places Tết %i on %s', (year, expected) => {
    const { year: y, month, day } = lunarToSolar(1, 1, year);
    expect(formatLocalDay(y, month, day)).toBe(expected);
  });

  it('places Giỗ Tổ Hùng Vương 2026 on 26 April', () => {
    const { year, month, day } = lunarToSolar(10, 3, 2026);
    expect(formatLocalDay(year, month, day)).toBe('2026-04-26');
  });
});

describe('statutory days off', () => {
  it('computes Tết 2026 as Monday 16 to Friday 20 February without any announcement', () => {
    const days = statutoryDaysOff(2026);
    expect(days).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']));
  });

  it('compensates a holiday on a weekend with the next working day', () => {
    // Giỗ Tổ 2026 falls on Sunday 26 April.
    expect(statutoryDaysOff(2026)).toContain('2026-04-27');
    expect(noAnnouncements.isWorkingDay('2026-04-27')).toBe(false);
  });

  it('lets the yearly announcement override the computed days (swapped Saturday worked)', () => {
    const custom = new WorkingCalendar({ years: { '2030': { daysOff: ['2030-01-02'], workingDays: ['2030-01-05'] } } });
    expect(custom.isWorkingDay('2030-01-01')).toBe(true);
    expect(custom.isWorkingDay('2030-01-02')).toBe(false);
    expect(custom.isWorkingDay('2030-01-05')).toBe(true);
  });
});

describe('deadlines', () => {
  it('dates a petition of Friday 13 Feb 2026 with 10 working days to Friday 6 March 2026 (Tết skipped)', () => {
    expect(calendar.deadline('2026-02-13T09:15:00+07:00', 10)).toBe('2026-03-06T23:59:59+07:00');
    expect(noAnnouncements.deadline('2026-02-13T09:15:00+07:00', 10)).toBe('2026-03-06T23:59:59+07:00');
  });

  it('counts from the local day: 23:30 UTC on the 12th is already the 13th in Vietnam', () => {
    expect(calendar.deadline('2026-02-12T23:30:00Z', 10)).toBe('2026-03-06T23:59:59+07:00');
  });

  it('counts working days between local days: same day 0, Saturday to Monday 1', () => {
    expect(calendar.workingDaysBetween('2026-10-14', '2026-10-14')).toBe(0);
    expect(calendar.workingDaysBetween('2026-10-17', '2026-10-19')).toBe(1);
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
  });

  const day = fc.integer({ min: 0, max: 365 * 6 }).map((n) => addDays('2024-01-01', n));

  it('lands every deadline on a working day, N working days later', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), (start, n) => {
        const end = calendar.addWorkingDays(start, n);
        expect(calendar.isWorkingDay(end)).toBe(true);
        expect(calendar.workingDaysBetween(start, end)).toBe(n);
        expect(calendar.deadline(`${start}T10:00:00+07:00`, n)).toBe(`${end}T23:59:59+07:00`);
      }),
    );
  });

  it('never moves a deadline earlier when the SLA grows', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), (start, n) => {
        expect(calendar.addWorkingDays(start, n + 1) > calendar.addWorkingDays(start, n)).toBe(true);
      }),
    );
  });
});
