/**
 * Vietnamese lunar calendar (âm lịch), computed astronomically for UTC+7 as Vietnamese calendars
 * have been since 1968 (the rules published by Hồ Ngọc Đức; this is our own implementation):
 * - a month starts on the local day of a new moon;
 * - month 11 is the month that contains the December solstice;
 * - when 13 months lie between two months 11, the first of them without a major solar term
 *   (the Sun entering a multiple of 30° of longitude) is a leap month (tháng nhuận), numbered like
 *   the month before it.
 * The time zone matters: China computes at UTC+8, so Tết differs in some years (1985: 21 January
 * in Vietnam, 20 February in China; 2007: 17 vs 18 February). `timeZoneHours` is an option only so
 * that difference can be shown and tested. Supported years: 1800–2399 (tested 1900–2199).
 */
import { dateOfJulianDayNumber, julianDayNumber, lunationNear, newMoonJd, sunLongitude } from './lunar-astronomy.ts';

export type SolarDate = { year: number; month: number; day: number };
export type LunarDate = { day: number; month: number; year: number; leap: boolean };
export type LunarOptions = { timeZoneHours?: number };
/** A month of a lunar year: its number, whether it is the leap month, its first day and length. */
export type LunarMonth = { month: number; leap: boolean; year: number; start: SolarDate; length: number };

export const VIETNAM_TIME_ZONE_HOURS = 7;
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2399;

type MonthRow = { month: number; leap: boolean; year: number; startDay: number; length: number };

/** Local day (Julian day number) holding the instant `jd` (UT) in a zone `tz` hours east of UTC. */
const localDayOf = (jd: number, tz: number) => Math.floor(jd + 0.5 + tz / 24);
const newMoonDay = (k: number, tz: number) => localDayOf(newMoonJd(k), tz);
/** Sun's longitude at the local midnight that begins day `jdn`. */
const longitudeAtDayStart = (jdn: number, tz: number) => sunLongitude(jdn - 0.5 - tz / 24);
/** Signed distance in degrees from the solstice longitude 270°, in (−180, 180]. */
const fromSolstice = (longitude: number) => ((longitude - 270 + 540) % 360) - 180;

/** Lunation k whose month contains the December solstice of Gregorian `year` (lunar month 11). */
function month11Lunation(year: number, tz: number): number {
  let k = lunationNear(julianDayNumber(year, 12, 21));
  while (fromSolstice(longitudeAtDayStart(newMoonDay(k, tz), tz)) >= 0) k--;
  while (fromSolstice(longitudeAtDayStart(newMoonDay(k + 1, tz), tz)) < 0) k++;
  return k;
}

const spans = new Map<string, MonthRow[]>();

/**
 * The months from month 11 of lunar year `year − 1` up to (not including) month 11 of `year`:
 * 11 and 12 of the previous year, 1–10 of `year`, and a leap month when there are 13.
 */
function span(year: number, tz: number): MonthRow[] {
  const key = `${tz}:${year}`;
  const cached = spans.get(key);
  if (cached) return cached;
  const first = month11Lunation(year - 1, tz);
  const count = month11Lunation(year, tz) - first;
  const starts = Array.from({ length: count + 1 }, (_, i) => newMoonDay(first + i, tz));
  const sector = (day: number) => Math.floor(longitudeAtDayStart(day, tz) / 30);
  let leapIndex = -1;
  if (count === 13) {
    // The first month whose start and the next month's start lie in the same 30° sector of
    // longitude had no major solar term. Month 11 (index 0) holds the solstice, so start at 1.
    for (let i = 1; i < count && leapIndex < 0; i++) if (sector(starts[i]!) === sector(starts[i + 1]!)) leapIndex = i;
  }
  const rows: MonthRow[] = [];
  let month = 11;
  let monthYear = year - 1;
  for (let i = 0; i < count; i++) {
    const leap = i === leapIndex;
    if (i > 0 && !leap) {
      month = (month % 12) + 1;
      if (month === 1) monthYear = year;
    }
    rows.push({ month, leap, year: monthYear, startDay: starts[i]!, length: starts[i + 1]! - starts[i]! });
  }
  spans.set(key, rows);
  return rows;
}

function checkYear(year: number) {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year ${year} is outside the supported range ${MIN_YEAR}–${MAX_YEAR}`);
  }
}

function toSolarDate(date: SolarDate | string): SolarDate {
  const parts = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)?.slice(1).map(Number) : [date.year, date.month, date.day];
  if (!parts || parts.some((n) => !Number.isInteger(n))) throw new RangeError(`not a date: ${JSON.stringify(date)}`);
  const [year, month, day] = parts as [number, number, number];
  checkYear(year);
  const back = dateOfJulianDayNumber(julianDayNumber(year, month, day));
  if (back.year !== year || back.month !== month || back.day !== day) throw new RangeError(`no such date: ${year}-${month}-${day}`);
  return back;
}

const solarOf = (jdn: number): SolarDate => dateOfJulianDayNumber(jdn);
const zone = (options?: LunarOptions) => options?.timeZoneHours ?? VIETNAM_TIME_ZONE_HOURS;

/** Lunar date of a solar date (`YYYY-MM-DD` or `{ year, month, day }`), e.g. 2026-02-17 → 1/1/2026. */
export function solarToLunar(date: SolarDate | string, options?: LunarOptions): LunarDate {
  const tz = zone(options);
  const solar = toSolarDate(date);
  const jdn = julianDayNumber(solar.year, solar.month, solar.day);
  const month11 = newMoonDay(month11Lunation(solar.year, tz), tz);
  const rows = span(jdn >= month11 ? solar.year + 1 : solar.year, tz);
  const row = rows.findLast((r) => r.startDay <= jdn)!;
  return { day: jdn - row.startDay + 1, month: row.month, year: row.year, leap: row.leap };
}

/** The months of lunar year `year` in order (12 or 13, the leap month after its namesake). */
export function lunarYearMonths(year: number, options?: LunarOptions): LunarMonth[] {
  checkYear(year);
  const tz = zone(options);
  return [...span(year, tz), ...span(year + 1, tz)]
    .filter((row) => row.year === year)
    .map((row) => ({ month: row.month, leap: row.leap, year: row.year, start: solarOf(row.startDay), length: row.length }));
}

/** The leap month of lunar year `year` (e.g. 2025 → 6), or null in a common year. */
export function leapMonthOf(year: number, options?: LunarOptions): number | null {
  return lunarYearMonths(year, options).find((m) => m.leap)?.month ?? null;
}

/**
 * Solar date of a lunar date, e.g. Tết 2026 = lunarToSolar(1, 1, 2026) → 17 February 2026.
 * Throws a RangeError for a date that does not exist: day 30 of a 29-day month, or a leap month
 * the year does not have.
 */
export function lunarToSolar(day: number, month: number, year: number, leap = false, options?: LunarOptions): SolarDate {
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`lunar month ${month} does not exist (1–12)`);
  if (!Number.isInteger(day) || day < 1 || day > 30) throw new RangeError(`lunar day ${day} does not exist (1–30)`);
  const months = lunarYearMonths(year, options);
  const target = months.find((m) => m.month === month && m.leap === leap);
  if (!target) {
    const actual = months.find((m) => m.leap)?.month;
    throw new RangeError(
      `lunar year ${year} has no leap month ${month} (${actual ? `its leap month is ${actual}` : 'it has no leap month'})`,
    );
  }
  if (day > target.length) {
    throw new RangeError(`lunar month ${month}${leap ? ' (leap)' : ''} of ${year} has ${target.length} days: day ${day} does not exist`);
  }
  const { start } = target;
  return solarOf(julianDayNumber(start.year, start.month, start.day) + day - 1);
}
