/**
 * Working days of Vietnamese public offices in Asia/Ho_Chi_Minh: Monday–Friday except public
 * holidays. Holidays come from `holidays.json` (the Government's announcement, edited by an
 * operator) or, for years not listed there, from the statutory rule computed here.
 */
import holidayData from './holidays.json' with { type: 'json' };
import { lunarToSolar } from './lunar.ts';
import { addDays, endOfLocalDay, formatLocalDay, localDayOf, weekdayOf, type LocalDay } from './time.ts';

export type YearCalendar = { daysOff: string[]; workingDays: string[] };
export type CalendarData = { years: Record<string, YearCalendar> };

const isWeekend = (day: LocalDay) => {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
};

/**
 * Statutory days off of a year (Labour Code 2019, Art. 112): 1/1; Tết (last day of the lunar year
 * and the first four days of the new one); Giỗ Tổ Hùng Vương (10/3 lunar); 30/4; 1/5; 2/9 and one
 * adjacent day. A holiday on a weekend is compensated on the next working day (Art. 112.3).
 */
export function statutoryDaysOff(year: number): LocalDay[] {
  const tet = lunarToSolar(1, 1, year);
  const tetDay = formatLocalDay(tet.year, tet.month, tet.day);
  const hung = lunarToSolar(10, 3, year);
  const nationalDay = formatLocalDay(year, 9, 2);
  // The adjacent day that joins a weekend when there is one: Monday → Tuesday 3/9, otherwise 1/9.
  const adjacent = weekdayOf(nationalDay) === 1 ? addDays(nationalDay, 1) : addDays(nationalDay, -1);
  const holidays = [
    formatLocalDay(year, 1, 1),
    ...[-1, 0, 1, 2, 3].map((offset) => addDays(tetDay, offset)),
    formatLocalDay(hung.year, hung.month, hung.day),
    formatLocalDay(year, 4, 30),
    formatLocalDay(year, 5, 1),
    adjacent,
    nationalDay,
  ].sort();
  const daysOff = new Set<LocalDay>();
  for (const holiday of holidays) {
    let day = holiday;
    if (isWeekend(day)) {
      day = addDays(day, 1);
      while (isWeekend(day) || daysOff.has(day) || holidays.includes(day)) day = addDays(day, 1);
    }
    daysOff.add(day);
  }
  return [...daysOff].sort();
}

export class WorkingCalendar {
  private readonly cache = new Map<number, { off: Set<LocalDay>; worked: Set<LocalDay> }>();

  constructor(private readonly data: CalendarData = holidayData as CalendarData) {}

  private year(year: number) {
    let entry = this.cache.get(year);
    if (!entry) {
      const listed = this.data.years[String(year)];
      entry = listed
        ? { off: new Set(listed.daysOff), worked: new Set(listed.workingDays) }
        : { off: new Set(statutoryDaysOff(year)), worked: new Set<LocalDay>() };
      this.cache.set(year, entry);
    }
    return entry;
  }

  isWorkingDay(day: LocalDay): boolean {
    const { off, worked } = this.year(Number(day.slice(0, 4)));
    if (worked.has(day)) return true;
    return !isWeekend(day) && !off.has(day);
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
}

export const calendar = new WorkingCalendar();

/** Answer deadline of a department, default 10 working days. */
export const DEFAULT_ANSWER_SLA_WORKING_DAYS = 10;
/** Decree 20/2008 Art. 9: a PAKN outside an agency's authority is forwarded within 5 working days. */
export const TRANSFER_WORKING_DAYS = 5;
