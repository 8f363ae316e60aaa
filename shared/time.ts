/** Local time in Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving, so a fixed offset is exact. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET_MS = 7 * 60 * 60 * 1000;

/** A local calendar day, `YYYY-MM-DD`. */
export type LocalDay = string;
/** A local month, `YYYY-MM`. */
export type LocalMonth = string;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 with the +07:00 offset, e.g. `2026-02-13T09:30:00+07:00` (sortable as text). */
export function toLocalIso(instant: Date | number | string): string {
  const shifted = new Date(new Date(instant).getTime() + OFFSET_MS);
  if (Number.isNaN(shifted.getTime())) throw new RangeError(`invalid time: ${String(instant)}`);
  return `${shifted.toISOString().slice(0, 19)}+07:00`;
}

export function localDayOf(instant: Date | number | string): LocalDay {
  return toLocalIso(instant).slice(0, 10);
}

export function localMonthOf(instant: Date | number | string): LocalMonth {
  return toLocalIso(instant).slice(0, 7);
}

/** Local hour (0–23) and weekday (0 = Sunday) of an instant. */
export function localHourAndWeekday(instant: Date | number | string): { hour: number; weekday: number } {
  const shifted = new Date(new Date(instant).getTime() + OFFSET_MS);
  return { hour: shifted.getUTCHours(), weekday: shifted.getUTCDay() };
}

/** 23:59:59 local on the given day. */
export function endOfLocalDay(day: LocalDay): string {
  return `${day}T23:59:59+07:00`;
}

export function startOfLocalDay(day: LocalDay): string {
  return `${day}T00:00:00+07:00`;
}

export function parseLocalDay(day: LocalDay): { year: number; month: number; day: number } {
  const [year, month, date] = day.split('-').map(Number);
  return { year: year!, month: month!, day: date! };
}

export function formatLocalDay(year: number, month: number, day: number): LocalDay {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Calendar arithmetic on local days (UTC date math is exact for whole days). */
export function addDays(day: LocalDay, days: number): LocalDay {
  const { year, month, day: date } = parseLocalDay(day);
  const d = new Date(Date.UTC(year, month - 1, date + days));
  return formatLocalDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: LocalDay): number {
  const { year, month, day: date } = parseLocalDay(day);
  return new Date(Date.UTC(year, month - 1, date)).getUTCDay();
}

export function lastDayOfMonth(month: LocalMonth): LocalDay {
  const [year, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(year!, m!, 0));
  return formatLocalDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addMonths(month: LocalMonth, months: number): LocalMonth {
  const [year, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(year!, m! - 1 + months, 1));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}`;
}
