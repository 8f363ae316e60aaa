/**
 * Working days of Vietnamese public offices in Asia/Ho_Chi_Minh: Monday–Friday except days off,
 * plus Saturdays worked in exchange. A year is either ANNOUNCED (listed in `holidays.json` with
 * the documents that fixed it) or COMPUTED from the rule there; anything that depends on a
 * computed year is provisional (`isProvisional`, `due().provisional`), because the Prime Minister
 * fixes the Tết days and the day next to 2/9 each year (Labour Code 2019, Art. 112.3) and may
 * swap working days.
 */
import holidayJson from './holidays.json' with { type: 'json' };
import { computedDaysOff, parseCalendarData, type CalendarData, type DayEntry } from './calendar-data.ts';
import { addDays, endOfLocalDay, localDayOf, weekdayOf, type LocalDay } from './time.ts';

export { computedDaysOff, parseCalendarData, type CalendarData, type DayEntry, type HolidayRule } from './calendar-data.ts';

/** The calendar data shipped with the code, checked at load. */
export const CALENDAR_DATA: CalendarData = parseCalendarData(holidayJson);
/** The rule for years without an announcement, as configured in `holidays.json`. */
export const DEFAULT_RULE = CALENDAR_DATA.rule;

/** A due date and whether it depends on a computed (not yet announced) year. */
export type Due = { dueAt: string; provisional: boolean };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A local day as is, or the local day of an instant (`2026-03-06T23:59:59+07:00`, a Date). */
const toDay = (dayOrInstant: LocalDay | string | Date): LocalDay =>
  typeof dayOrInstant === 'string' && DAY.test(dayOrInstant) ? dayOrInstant : localDayOf(dayOrInstant);
const yearOf = (day: LocalDay) => Number(day.slice(0, 4));

export class WorkingCalendar {
  private readonly cache = new Map<number, { off: Map<LocalDay, DayEntry>; worked: Set<LocalDay> }>();

  constructor(private readonly data: CalendarData = CALENDAR_DATA) {}

  private year(year: number) {
    let entry = this.cache.get(year);
    if (!entry) {
      const listed = this.data.years[String(year)];
      const daysOff = listed ? listed.daysOff : computedDaysOff(year, this.data.rule);
      entry = {
        off: new Map(daysOff.map((e) => [e.day, e])),
        worked: new Set((listed?.workingDays ?? []).map((e) => e.day)),
      };
      this.cache.set(year, entry);
    }
    return entry;
  }

  /** True when the year's days off come from an announcement in the data. */
  isAnnounced(year: number): boolean {
    return Object.hasOwn(this.data.years, String(year));
  }

  /** True when the day (or the local day of an instant) lies in a year nobody announced yet. */
  isProvisional(dayOrInstant: LocalDay | string | Date): boolean {
    return !this.isAnnounced(yearOf(toDay(dayOrInstant)));
  }

  /** True when any year from `from` to `to` (days or instants) is computed, e.g. receipt → due date. */
  isProvisionalBetween(from: LocalDay | string | Date, to: LocalDay | string | Date): boolean {
    const [a, b] = [yearOf(toDay(from)), yearOf(toDay(to))].sort((x, y) => x - y) as [number, number];
    for (let year = a; year <= b; year++) if (!this.isAnnounced(year)) return true;
    return false;
  }

  /** The days off of a year with their names and sources (announced, or `source: 'rule'`). */
  daysOff(year: number): DayEntry[] {
    return [...this.year(year).off.values()];
  }

  isWorkingDay(day: LocalDay): boolean {
    const { off, worked } = this.year(yearOf(day));
    if (worked.has(day)) return true;
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6 && !off.has(day);
  }

  /** The N-th working day strictly after `day` (N ≥ 1); N = 0 gives `day` itself. */
  addWorkingDays(day: LocalDay, n: number): LocalDay {
    let current = day;
    for (let counted = 0; counted < n; ) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) counted++;
    }
    return current;
  }

  /** Working days d with from < d ≤ to: same day = 0, Saturday → Monday = 1. Negative when to < from. */
  workingDaysBetween(from: LocalDay, to: LocalDay): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }

  /** Deadline: 23:59:59 local on the N-th working day after the local day of `receivedAt`. */
  deadline(receivedAt: string | Date, workingDays: number): string {
    return endOfLocalDay(this.addWorkingDays(localDayOf(receivedAt), workingDays));
  }

  /** The deadline and whether it is provisional (counted through a computed year). */
  due(receivedAt: string | Date, workingDays: number): Due {
    const dueAt = this.deadline(receivedAt, workingDays);
    return { dueAt, provisional: this.isProvisionalBetween(receivedAt, dueAt) };
  }
}

export const calendar = new WorkingCalendar();

/** Answer deadline of a department, default 10 working days. */
export const DEFAULT_ANSWER_SLA_WORKING_DAYS = 10;
/** Decree 20/2008 Art. 9: a PAKN outside an agency's authority is forwarded within 5 working days. */
export const TRANSFER_WORKING_DAYS = 5;
