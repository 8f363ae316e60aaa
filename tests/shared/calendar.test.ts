import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALENDAR_DATA, calendar, computedDaysOff, DEFAULT_RULE, parseCalendarData, WorkingCalendar, type HolidayRule } from '#shared/calendar';
import { addDays } from '#shared/time';

const withRule = (rule: Partial<HolidayRule>, years: typeof CALENDAR_DATA.years = {}) =>
  new WorkingCalendar({ ...CALENDAR_DATA, rule: { ...DEFAULT_RULE, ...rule }, years });
const noAnnouncements = withRule({});
const off = (cal: WorkingCalendar, ...days: string[]) => days.every((d) => !cal.isWorkingDay(d));
const days = (year: number, rule: HolidayRule = DEFAULT_RULE) => computedDaysOff(year, rule).map((e) => e.day);

describe('announced years (holidays.json)', () => {
  it('lists every year 2020–2026, each day with a known document', () => {
    for (let year = 2020; year <= 2026; year++) {
      expect(calendar.isAnnounced(year), String(year)).toBe(true);
      for (const entry of calendar.daysOff(year)) expect(CALENDAR_DATA.documents[entry.source], entry.day).toBeDefined();
    }
    expect(calendar.isAnnounced(2027)).toBe(false);
  });

  it('meets the deadlines of issue 12 across the 2026 swaps', () => {
    expect(calendar.addWorkingDays('2025-12-30', 5)).toBe('2026-01-08'); // Fri 2/1 off
    expect(calendar.addWorkingDays('2026-08-26', 5)).toBe('2026-09-07'); // Mon 31/8, Tue 1/9, Wed 2/9 off
    expect(calendar.deadline('2026-02-13T09:15:00+07:00', 10)).toBe('2026-03-06T23:59:59+07:00'); // Tết 16–20/2
  });

  it('knows 2026: Fri 2/1 off for Sat 10/1, Mon 31/8 off for Sat 22/8, Hùng Kings on Mon 27/4', () => {
    expect(off(calendar, '2026-01-01', '2026-01-02', '2026-04-27', '2026-04-30', '2026-05-01', '2026-08-31', '2026-09-01', '2026-09-02')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-08-22')).toBe(true);
    expect(calendar.workingDaysBetween('2026-01-09', '2026-01-12')).toBe(2);
  });

  it('knows 2024: Tết 8–14/2, Mon 29/4 off for Sat 4/5, Quốc khánh Mon 2/9 and Tue 3/9', () => {
    expect(off(calendar, '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2024-02-07') && calendar.isWorkingDay('2024-02-15')).toBe(true);
    expect(off(calendar, '2024-04-29', '2024-09-02', '2024-09-03')).toBe(true);
    expect(calendar.isWorkingDay('2024-05-04') && calendar.isWorkingDay('2024-09-04')).toBe(true);
    expect(calendar.addWorkingDays('2024-02-07', 1)).toBe('2024-02-15');
  });

  it('knows 2025: Tết 27–31/1, Fri 2/5 off for Sat 26/4, Quốc khánh Mon 1/9 and Tue 2/9', () => {
    expect(off(calendar, '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-03')).toBe(true);
    expect(off(calendar, '2025-05-02', '2025-09-01', '2025-09-02')).toBe(true);
    expect(calendar.isWorkingDay('2025-04-26') && calendar.isWorkingDay('2025-09-03')).toBe(true);
    expect(calendar.addWorkingDays('2025-08-29', 1)).toBe('2025-09-03');
  });

  it('matches the default rule in every announced year, apart from swaps and the Tết split chosen', () => {
    const swaps = new Set(['2024-04-29', '2025-05-02', '2026-01-02', '2026-08-31']);
    const oneAndFour = { ...DEFAULT_RULE, tet: { lastDaysOfOldYear: 1, firstDaysOfNewYear: 4 } };
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026]) {
      const announced = calendar.daysOff(year).map((e) => e.day).filter((d) => !swaps.has(d));
      expect(days(year, year === 2022 || year === 2026 ? oneAndFour : DEFAULT_RULE), String(year)).toEqual(announced);
    }
  });
});

describe('computed years (no announcement yet)', () => {
  it('computes 2027 by the default rule: Tết two days before and three after, weekend days compensated', () => {
    // Tết 2027 is Saturday 6 February: Thu 4, Fri 5, (Sat 6, Sun 7 → Tue 9, Wed 10), Mon 8.
    expect(days(2027).filter((d) => d.startsWith('2027-02'))).toEqual(['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10']);
    expect(calendar.isWorkingDay('2027-02-11')).toBe(true);
  });

  it('switches the Tết split by configuration (one day before and four after)', () => {
    const oneAndFour = withRule({ tet: { lastDaysOfOldYear: 1, firstDaysOfNewYear: 4 } });
    expect(off(oneAndFour, '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11')).toBe(true);
    expect(oneAndFour.isWorkingDay('2027-02-04')).toBe(true);
  });

  it('takes the configured neighbour of 2/9: Thursday 2/9/2027 → Friday 3/9 by default, Wednesday if configured', () => {
    expect(off(calendar, '2027-09-02', '2027-09-03')).toBe(true);
    expect(calendar.isWorkingDay('2027-09-01')).toBe(true);
    const before = withRule({ nationalDayNeighbour: { ...DEFAULT_RULE.nationalDayNeighbour, thu: 'before' } });
    expect(off(before, '2027-09-01', '2027-09-02')).toBe(true);
    expect(before.isWorkingDay('2027-09-03')).toBe(true);
  });

  it('compensates a weekend holiday on the next working day (Art. 111.3), unless configured off', () => {
    // 2028: 30/4 is a Sunday, 1/5 a Monday → the Sunday moves to Tuesday 2/5.
    expect(off(calendar, '2028-05-01', '2028-05-02')).toBe(true);
    expect(withRule({ compensateWeekendHolidays: false }).isWorkingDay('2028-05-02')).toBe(true);
  });

  it('adds a new holiday from a year on with one line of rule (24/11 Ngày Văn hóa Việt Nam)', () => {
    const culture = withRule({ solarHolidays: [...DEFAULT_RULE.solarHolidays, { date: '11-24', name: 'Ngày Văn hóa Việt Nam', fromYear: 2028 }] });
    expect(culture.isWorkingDay('2027-11-24')).toBe(true);
    expect(culture.isWorkingDay('2028-11-24')).toBe(false);
  });

  it('lets an announcement replace the computed year', () => {
    const custom = new WorkingCalendar({
      ...CALENDAR_DATA,
      years: { '2030': { daysOff: [{ day: '2030-01-02', name: 'x', source: 'BLLĐ-2019' }], workingDays: [{ day: '2030-01-05', name: 'y', source: 'BLLĐ-2019' }] } },
    });
    expect(custom.isWorkingDay('2030-01-01')).toBe(true);
    expect(custom.isWorkingDay('2030-01-02')).toBe(false);
    expect(custom.isWorkingDay('2030-01-05')).toBe(true);
    expect(noAnnouncements.isWorkingDay('2030-01-01')).toBe(false);
  });
});

describe('provisional due dates', () => {
  it('marks a day or instant in a computed year as provisional', () => {
    expect(calendar.isProvisional('2026-12-31')).toBe(false);
    expect(calendar.isProvisional('2027-01-04')).toBe(true);
    expect(calendar.isProvisional('2026-12-31T18:00:00Z')).toBe(true); // already 1/1/2027 in Vietnam
    expect(calendar.isProvisional(new Date('2026-06-01T00:00:00Z'))).toBe(false);
  });

  it('flags a deadline counted into a computed year, not one inside announced years', () => {
    expect(calendar.due('2026-12-28T09:00:00+07:00', 10)).toEqual({ dueAt: '2027-01-12T23:59:59+07:00', provisional: true });
    expect(calendar.due('2026-03-02T09:00:00+07:00', 10)).toEqual({ dueAt: '2026-03-16T23:59:59+07:00', provisional: false });
    expect(calendar.isProvisionalBetween('2025-12-30', '2026-01-08')).toBe(false);
    expect(noAnnouncements.due('2026-03-02T09:00:00+07:00', 10).provisional).toBe(true);
  });
});

describe('checking holidays.json when loaded', () => {
  const withYear = (daysOff: string[], workingDays: string[] = [], source = 'BLLĐ-2019') => ({
    ...CALENDAR_DATA,
    years: { '2030': { daysOff: daysOff.map((day) => ({ day, name: 'x', source })), workingDays: workingDays.map((day) => ({ day, name: 'y', source })) } },
  });

  it('accepts the shipped file and rejects typos that would move deadlines', () => {
    expect(() => parseCalendarData(CALENDAR_DATA)).not.toThrow();
    expect(() => parseCalendarData(withYear(['2030-02-30']))).toThrow('2030-02-30 is not a day of 2030');
    expect(() => parseCalendarData(withYear(['2031-01-02']))).toThrow('not a day of 2030');
    expect(() => parseCalendarData(withYear(['2030-01-05']))).toThrow('is a weekend day already');
    expect(() => parseCalendarData(withYear([], ['2030-01-07']))).toThrow('is not a Saturday or Sunday');
    expect(() => parseCalendarData(withYear(['2030-01-02'], [], 'TB-9999'))).toThrow('unknown source "TB-9999"');
    expect(() => parseCalendarData({ ...CALENDAR_DATA, rule: { ...DEFAULT_RULE, tet: { lastDaysOfOldYear: 2 } } })).toThrow('holidays.json');
  });
});

describe('counting working days', () => {
  it('counts from the local day: 23:30 UTC on the 12th is already the 13th in Vietnam', () => {
    expect(calendar.deadline('2026-02-12T23:30:00Z', 10)).toBe('2026-03-06T23:59:59+07:00');
  });

  it('counts working days between local days: same day 0, Saturday to Monday 1', () => {
    expect(calendar.workingDaysBetween('2026-10-14', '2026-10-14')).toBe(0);
    expect(calendar.workingDaysBetween('2026-10-17', '2026-10-19')).toBe(1);
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
  });

  const day = fc.integer({ min: 0, max: 365 * 8 }).map((n) => addDays('2020-01-01', n));

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
