/**
 * An independent reference for the lunar calendar tests: the same calendar rules applied to events
 * found by the astronomy-engine package (a VSOP87/NOVAS-grade ephemeris, different from the Meeus
 * series in shared/lunar-astronomy.ts), by searching moments rather than sampling longitudes at
 * midnight. It shares no code with shared/lunar.ts.
 */
import * as Astronomy from 'astronomy-engine';

export type ReferenceMonth = { month: number; leap: boolean; year: number; start: string; length: number };
/** Minutes between an event and the nearest local midnight: below ~2, two ephemerides may disagree on its day. */
export type Margins = { minMarginMinutes: number };

const DAY_MS = 86_400_000;

/** Local date `YYYY-MM-DD` of an instant in a zone `tz` hours east of UTC. */
const localDate = (time: Astronomy.AstroTime, tz: number) => new Date(time.date.getTime() + tz * 3_600_000).toISOString().slice(0, 10);
const marginMinutes = (time: Astronomy.AstroTime, tz: number) => {
  const ms = (((time.date.getTime() + tz * 3_600_000) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.min(ms, DAY_MS - ms) / 60_000;
};
const dayDiff = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

/** Local dates of the new moons from just before `from` for `count` lunations. */
function newMoons(from: Date, count: number, tz: number, margins: number[]): string[] {
  const out: string[] = [];
  let time = Astronomy.SearchMoonPhase(0, Astronomy.MakeTime(new Date(from.getTime() - 31 * DAY_MS)), 40)!;
  for (let i = 0; i < count; i++) {
    out.push(localDate(time, tz));
    margins.push(marginMinutes(time, tz));
    time = Astronomy.SearchMoonPhase(0, time.AddDays(20), 15)!;
  }
  return out;
}

function solsticeDate(year: number, tz: number, margins: number[]): string {
  const time = Astronomy.SearchSunLongitude(270, Astronomy.MakeTime(new Date(Date.UTC(year, 11, 1))), 40)!;
  margins.push(marginMinutes(time, tz));
  return localDate(time, tz);
}

/** Months 11 of lunar year `year − 1` up to month 11 of `year` (exclusive), per the rules. */
export function referenceSpan(year: number, tz = 7): ReferenceMonth[] & Margins {
  const eventMargins: number[] = [];
  const solsticeA = solsticeDate(year - 1, tz, eventMargins);
  const solsticeB = solsticeDate(year, tz, eventMargins);
  const moonMargins: number[] = [];
  const moons = newMoons(new Date(`${solsticeA}T00:00:00Z`), 16, tz, moonMargins);
  const a = moons.findLastIndex((d) => d <= solsticeA);
  const b = moons.findLastIndex((d) => d <= solsticeB);
  eventMargins.push(...moonMargins.slice(a, b + 1));
  const starts = moons.slice(a, b + 1);
  const count = b - a;
  let leapIndex = -1;
  if (count === 13) {
    // Local dates of the 12 major solar terms after the first solstice (every 30° of longitude).
    const terms: string[] = [];
    let t = Astronomy.MakeTime(new Date(Date.parse(`${solsticeA}T00:00:00Z`) - 2 * DAY_MS));
    for (let i = 0; i < 14; i++) {
      const longitude = (270 + 30 * i) % 360;
      const found = Astronomy.SearchSunLongitude(longitude, t, 40)!;
      terms.push(localDate(found, tz));
      eventMargins.push(marginMinutes(found, tz));
      t = found.AddDays(25);
    }
    for (let i = 0; i < count && leapIndex < 0; i++) {
      if (!terms.some((d) => d >= starts[i]! && d < starts[i + 1]!)) leapIndex = i;
    }
  }
  // Month i after month 11 is number 11 + i, less one after the leap month (which repeats the
  // number before it); numbers 11 and 12 before the first month 1 belong to the previous year.
  const months: ReferenceMonth[] = starts.slice(0, count).map((start, i) => {
    const ordinal = leapIndex >= 0 && i >= leapIndex ? i - 1 : i;
    const month = ((10 + ordinal) % 12) + 1;
    return { month, leap: i === leapIndex, year: ordinal >= 2 ? year : year - 1, start, length: dayDiff(start, starts[i + 1]!) };
  });
  return Object.assign(months, { minMarginMinutes: Math.min(...eventMargins) });
}

/** The months of lunar year `year`, as lunarYearMonths() lists them. */
export function referenceYear(year: number, tz = 7): ReferenceMonth[] & Margins {
  const [a, b] = [referenceSpan(year, tz), referenceSpan(year + 1, tz)];
  return Object.assign([...a, ...b].filter((m) => m.year === year), { minMarginMinutes: Math.min(a.minMarginMinutes, b.minMarginMinutes) });
}
