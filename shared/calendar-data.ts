/**
 * The working-day calendar as data (`holidays.json`): announced years with their documents, and
 * the rule that computes a year nobody has announced yet. Checked when loaded, because a typo in
 * a date would silently move every deadline.
 */
import * as z from 'zod/mini';
import { lunarToSolar } from './lunar.ts';
import { addDays, formatLocalDay, parseLocalDay, weekdayOf, type LocalDay } from './time.ts';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const monthDay = z.string().check(z.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be MM-DD'));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'));
const entry = z.object({ day, name: z.string(), source: z.string() });
const side = z.enum(['before', 'after']);

const schema = z.object({
  documents: z.record(
    z.string(),
    z.object({ title: z.string(), date: z.nullable(day), confidence: z.enum(['high', 'medium', 'low']), note: z.optional(z.string()) }),
  ),
  rule: z.object({
    solarHolidays: z.array(z.object({ date: monthDay, name: z.string(), fromYear: z.optional(z.number()) })),
    lunarHolidays: z.array(z.object({ date: monthDay, name: z.string(), fromYear: z.optional(z.number()) })),
    tet: z.object({ lastDaysOfOldYear: z.number().check(z.int(), z.minimum(0)), firstDaysOfNewYear: z.number().check(z.int(), z.minimum(1)) }),
    nationalDayNeighbour: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, side])) as Record<(typeof WEEKDAYS)[number], typeof side>),
    compensateWeekendHolidays: z.boolean(),
  }),
  years: z.record(z.string().check(z.regex(/^\d{4}$/)), z.object({ note: z.optional(z.string()), daysOff: z.array(entry), workingDays: z.array(entry) })),
});

export type CalendarData = z.infer<typeof schema>;
export type HolidayRule = CalendarData['rule'];
export type DayEntry = z.infer<typeof entry>;

const isWeekend = (d: LocalDay) => weekdayOf(d) === 0 || weekdayOf(d) === 6;
/** True for an existing date: 2025-02-30 would come back from the date arithmetic as 2025-03-02. */
const isRealDay = (d: LocalDay) => parseLocalDay(d).month >= 1 && addDays(d, 0) === d;

/** Parses and checks the calendar data; throws an Error naming every problem found. */
export function parseCalendarData(raw: unknown): CalendarData {
  const parsed = z.safeParse(schema, raw);
  if (!parsed.success) throw new Error(`holidays.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const data = parsed.data;
  const problems: string[] = [];
  for (const [year, listed] of Object.entries(data.years)) {
    const check = (kind: 'daysOff' | 'workingDays', e: DayEntry) => {
      if (!isRealDay(e.day) || !e.day.startsWith(`${year}-`)) problems.push(`${year}.${kind}: ${e.day} is not a day of ${year}`);
      else if (kind === 'daysOff' && isWeekend(e.day)) problems.push(`${year}.daysOff: ${e.day} is a weekend day already`);
      else if (kind === 'workingDays' && !isWeekend(e.day)) problems.push(`${year}.workingDays: ${e.day} is not a Saturday or Sunday`);
      if (!data.documents[e.source]) problems.push(`${year}.${kind}: ${e.day} names an unknown source "${e.source}"`);
    };
    listed.daysOff.forEach((e) => check('daysOff', e));
    listed.workingDays.forEach((e) => check('workingDays', e));
  }
  if (problems.length) throw new Error(`holidays.json: ${problems.join('; ')}`);
  return data;
}

/** A public holiday before weekend compensation. */
type Holiday = { day: LocalDay; name: string };

/** The holidays of a Gregorian year by the rule, before weekend compensation. */
function ruleHolidays(year: number, rule: HolidayRule): Holiday[] {
  const applies = (h: { fromYear?: number | undefined }) => h.fromYear === undefined || year >= h.fromYear;
  const solar = (md: string) => `${year}-${md}`;
  const lunar = (md: string) => {
    const [month, date] = md.split('-').map(Number) as [number, number];
    const d = lunarToSolar(date, month, year);
    return formatLocalDay(d.year, d.month, d.day);
  };
  const holidays: Holiday[] = [
    ...rule.solarHolidays.filter(applies).map((h) => ({ day: solar(h.date), name: h.name })),
    ...rule.lunarHolidays.filter(applies).map((h) => ({ day: lunar(h.date), name: h.name })),
  ];
  const tet = lunar('01-01');
  for (let offset = -rule.tet.lastDaysOfOldYear; offset < rule.tet.firstDaysOfNewYear; offset++) {
    holidays.push({ day: addDays(tet, offset), name: 'Tết Nguyên đán' });
  }
  const nationalDay = solar('09-02');
  const neighbourSide = rule.nationalDayNeighbour[WEEKDAYS[weekdayOf(nationalDay)]!];
  holidays.push({ day: addDays(nationalDay, neighbourSide === 'before' ? -1 : 1), name: 'Quốc khánh (ngày liền kề)' });
  return holidays.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/**
 * Days off of a year nobody announced, by the rule. A holiday on a Saturday or Sunday is
 * compensated on the next working day (Labour Code 2019, Art. 111.3) when the rule says so.
 */
export function computedDaysOff(year: number, rule: HolidayRule): DayEntry[] {
  const holidays = ruleHolidays(year, rule);
  const taken = new Set(holidays.map((h) => h.day));
  const daysOff: DayEntry[] = [];
  for (const holiday of holidays) {
    if (!isWeekend(holiday.day)) {
      daysOff.push({ ...holiday, source: 'rule' });
      continue;
    }
    if (!rule.compensateWeekendHolidays) continue;
    let next = addDays(holiday.day, 1);
    while (isWeekend(next) || taken.has(next)) next = addDays(next, 1);
    taken.add(next);
    daysOff.push({ day: next, name: `${holiday.name} (nghỉ bù)`, source: 'rule' });
  }
  return daysOff.sort((a, b) => (a.day < b.day ? -1 : 1));
}
