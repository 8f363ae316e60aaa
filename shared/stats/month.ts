/**
 * One month's statistics from the records that matter to it: per department (ranked), per counter
 * (with the ratings heatmap), in total, and the published answers to petitions. Pure.
 */
import { misuseCodes } from '../misuse.ts';
import { localHourAndWeekday, localMonthOf, toLocalIso, type LocalMonth } from '../time.ts';
import { answeredIn, measure, relevantTo, type Measures, type MonthWindow } from './measures.ts';
import { rankDepartments } from './rank.ts';
import { endOfMonth, isSpam, type StatsRecord } from './record.ts';

/** Bump when a definition changes: published months are then recomputed (it is part of the hash). */
export const DEFINITIONS_VERSION = 2;
export const DEFAULT_MIN_ANSWERED_FOR_RANK = 10;

export type StatsCatalog = {
  departments: { id: string; name: string }[];
  counters: { id: string; name: string; departmentId: string }[];
  procedures: { code: string; name: string }[];
};

export type DepartmentStats = { id: string; name: string; rank: number | null } & Measures;
/** `ratingsByHour[weekday][hour]`: ratings received in M (weekday 0 = Sunday, local hour 0–23). */
export type CounterStats = { id: string; name: string; departmentId: string; ratingsByHour: number[][] } & Measures;
export type PublishedAnswer = {
  departmentId: string;
  procedureCode?: string;
  procedureName?: string;
  receivedAt: string;
  answeredAt: string;
  question: string;
  answer: string;
};
export type Excluded = { spam: number; misuse: number };

export type MonthStats = {
  month: LocalMonth;
  /** False while the month is running: the figures are then as of `asOf`. */
  closed: boolean;
  asOf: string;
  definitionsVersion: number;
  minAnsweredForRank: number;
  totals: Measures & { excluded: Excluded };
  departments: DepartmentStats[];
  counters: CounterStats[];
  answers: PublishedAnswer[];
};

export type MonthOptions = { catalog: StatsCatalog; now: Date | string; minAnsweredForRank?: number };

/** The window of month M seen at `now`: its end once closed, `now` while it runs. */
export function monthWindow(month: LocalMonth, now: Date | string): MonthWindow & { closed: boolean } {
  const end = endOfMonth(month);
  const closed = Date.parse(end) < new Date(now).getTime();
  return { month, asOf: closed ? end : toLocalIso(now), closed };
}

function heatmap(records: readonly StatsRecord[], month: LocalMonth): number[][] {
  const grid = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const r of records) {
    if (r.rating === undefined || localMonthOf(r.receivedAt) !== month) continue;
    const { hour, weekday } = localHourAndWeekday(r.receivedAt);
    grid[weekday]![hour]!++;
  }
  return grid;
}

const groupBy = (records: readonly StatsRecord[], key: (r: StatsRecord) => string) => {
  const groups = new Map<string, StatsRecord[]>();
  for (const r of records) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return groups;
};

/**
 * Petitions answered in M with their published question and answer, byte for byte as approved
 * (redacted before approval; recomputing here would let rule changes or an erasure alter them).
 */
function publishedAnswers(records: readonly StatsRecord[], month: LocalMonth, catalog: StatsCatalog): PublishedAnswer[] {
  const procedures = new Map(catalog.procedures.map((p) => [p.code, p.name]));
  return records
    .filter((r) => r.kind === 'pakn' && answeredIn(r, month) && r.answerText && r.question)
    .sort((a, b) => Date.parse(b.answeredAt!) - Date.parse(a.answeredAt!) || a.trackingCode.localeCompare(b.trackingCode))
    .map((r) => ({
      departmentId: r.departmentId,
      ...(r.procedureCode ? { procedureCode: r.procedureCode, procedureName: procedures.get(r.procedureCode) } : {}),
      receivedAt: r.receivedAt,
      answeredAt: r.answeredAt!,
      question: r.question!,
      answer: r.answerText!,
    }));
}

export function computeMonth(all: readonly StatsRecord[], month: LocalMonth, options: MonthOptions): MonthStats {
  const window = monthWindow(month, options.now);
  const minAnsweredForRank = options.minAnsweredForRank ?? DEFAULT_MIN_ANSWERED_FOR_RANK;
  const relevant = all.filter((r) => relevantTo(r, window));
  // The kiosk's misuse rule (bursts of taps from one device), over all departments at once.
  const misuse = misuseCodes(relevant.filter((r) => !isSpam(r)));
  const counted = relevant.filter((r) => !isSpam(r) && !misuse.has(r.trackingCode));
  const byDepartment = groupBy(counted, (r) => r.departmentId);
  const byCounter = groupBy(counted, (r) => r.counterId);
  const departments = rankDepartments(
    options.catalog.departments.map((d) => ({ id: d.id, name: d.name, ...measure(byDepartment.get(d.id) ?? [], window) })),
    minAnsweredForRank,
  ).map(({ id, name, rank, ...measures }) => ({ id, name, rank, ...measures }));
  const counters = options.catalog.counters.map((c) => {
    const records = byCounter.get(c.id) ?? [];
    return { id: c.id, name: c.name, departmentId: c.departmentId, ...measure(records, window), ratingsByHour: heatmap(records, month) };
  });
  return {
    month,
    closed: window.closed,
    asOf: window.asOf,
    definitionsVersion: DEFINITIONS_VERSION,
    minAnsweredForRank,
    totals: {
      ...measure(counted, window),
      excluded: { spam: relevant.filter(isSpam).length, misuse: misuse.size },
    },
    departments,
    counters,
    answers: publishedAnswers(counted, month, options.catalog),
  };
}
