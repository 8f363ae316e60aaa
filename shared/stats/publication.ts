/**
 * `stats/index.json`: the months available and a small trend per month (so the page draws 12
 * months of charts from one file), and which months a run publishes. Pure.
 */
import { addMonths, localMonthOf, type LocalMonth } from '../time.ts';
import type { MonthStats } from './month.ts';

type Trend = { answered: number; onTimeRate: number | null; medianResponseWorkingDays: number | null; satisfactionRate: number | null };

export type IndexEntry = {
  month: LocalMonth;
  closed: boolean;
  generatedAt: string;
  sourceHash: string;
  totals: Trend & { received: number; openOverdue: number };
  departments: Record<string, Trend>;
};

export type StatsIndex = { updatedAt: string; months: IndexEntry[] };

export type PublishedMonth = MonthStats & { generatedAt: string; sourceHash: string };

const trend = (m: Trend): Trend => ({
  answered: m.answered,
  onTimeRate: m.onTimeRate,
  medianResponseWorkingDays: m.medianResponseWorkingDays,
  satisfactionRate: m.satisfactionRate,
});

export function indexEntry(stats: PublishedMonth): IndexEntry {
  return {
    month: stats.month,
    closed: stats.closed,
    generatedAt: stats.generatedAt,
    sourceHash: stats.sourceHash,
    totals: { ...trend(stats.totals), received: stats.totals.received, openOverdue: stats.totals.openOverdue },
    departments: Object.fromEntries(stats.departments.map((d) => [d.id, trend(d)])),
  };
}

/** The index with `entries` replacing their months; newest month first. */
export function mergeIndex(index: StatsIndex | undefined, entries: IndexEntry[], updatedAt: string): StatsIndex {
  const months = new Map((index?.months ?? []).map((e) => [e.month, e]));
  for (const entry of entries) months.set(entry.month, entry);
  return { updatedAt, months: [...months.values()].sort((a, b) => b.month.localeCompare(a.month)) };
}

/** At most this many closed months are caught up in one run. */
export const MAX_CATCH_UP_MONTHS = 24;

/**
 * Months to publish, oldest first: `running` = this month; `closed` = the previous month, and every
 * month since the last one published as closed when runs were missed (so open records are carried
 * forward month by month); `default` = both.
 */
export function monthsToPublish(index: StatsIndex | undefined, now: Date | string, scope: 'running' | 'closed' | 'default'): LocalMonth[] {
  const current = localMonthOf(now);
  const previous = addMonths(current, -1);
  const lastClosed = index?.months.filter((e) => e.closed).map((e) => e.month).sort().at(-1);
  const since = lastClosed && lastClosed < previous ? addMonths(lastClosed, 1) : previous;
  const earliest = addMonths(previous, 1 - MAX_CATCH_UP_MONTHS);
  const closed: LocalMonth[] = [];
  for (let m = since < earliest ? earliest : since; m <= previous; m = addMonths(m, 1)) closed.push(m);
  if (scope === 'running') return [current];
  return scope === 'closed' ? closed : [...closed, current];
}
