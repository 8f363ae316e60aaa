/**
 * A department's own performance view of one local month (issue 13): per counter and per official,
 * ratings received and satisfaction with a 95% Wilson interval (none below a minimum count), the
 * criteria most often chosen with low ratings, ratings tied to dossiers; petitions assigned, open,
 * overdue and answered on time per official; the month's trend by day. Internal only: nothing here
 * is ever published (the /stats copy of a record has no official). Pure.
 */
import { criterionLabel, type Criterion } from './criteria.ts';
import { answeredIn, answeredOnTime, isOpenOverdue, receivedIn, type MonthWindow } from './stats/measures.ts';
import type { StatsRecord } from './stats/record.ts';
import { isOpenAt } from './stats/record.ts';
import { localDayOf } from './time.ts';

export type PerformanceRecord = StatsRecord & {
  reasons?: string[];
  dossierNumber?: string;
  officialId?: string;
  officialName?: string;
  assignee?: string;
};

/** Below this many ratings no rate is shown (one happy citizen is not 100%). */
export const DEFAULT_MIN_RATINGS = 10;
/** Satisfied: "Hài lòng" or "Rất hài lòng" (as in the alerts); low: the two lowest faces. */
const SATISFIED = 4;
const LOW = 2;
const Z95 = 1.959964;

/** Wilson score interval of a proportion k/n at 95%: honest for small n and for 0% or 100%. */
export function wilson(k: number, n: number): [number, number] | null {
  if (n === 0) return null;
  const p = k / n;
  const z2 = Z95 * Z95;
  const center = (p + z2 / (2 * n)) / (1 + z2 / n);
  const margin = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, center - margin), Math.min(1, center + margin)];
}

export type CriterionCount = { id: string; vi: string; en: string; count: number };
export type RatingSummary = {
  ratings: number;
  satisfied: number;
  /** Null below the minimum count. */
  satisfaction: number | null;
  interval: [number, number] | null;
  low: number;
  /** Criteria chosen with a low rating, most often first (three at most). */
  lowCriteria: CriterionCount[];
  /** Ratings that name a dossier, and the low ones to follow up. */
  withDossier: number;
  lowDossiers: { dossierNumber: string; rating: number; receivedAt: string }[];
};
export type PetitionSummary = { assigned: number; open: number; overdue: number; answered: number; answeredOnTime: number };
export type CounterRow = { counterId: string; name: string } & RatingSummary;
export type OfficialRow = { officialId: string; name: string } & RatingSummary & { petitions: PetitionSummary };
export type TrendPoint = { day: string; ratings: number; satisfied: number };
export type Performance = {
  month: string;
  departmentId: string;
  asOf: string;
  minRatings: number;
  counters: CounterRow[];
  officials: OfficialRow[];
  /** Ratings at the department's counters while nobody was on duty. */
  unattributed: RatingSummary | null;
  trend: TrendPoint[];
};

export function summarizeRatings(records: readonly PerformanceRecord[], criteria: readonly Criterion[], minRatings: number): RatingSummary {
  const rated = records.filter((r) => r.rating !== undefined);
  const satisfied = rated.filter((r) => r.rating! >= SATISFIED).length;
  const low = rated.filter((r) => r.rating! <= LOW);
  const chosen = new Map<string, number>();
  for (const r of low) for (const id of r.reasons ?? []) chosen.set(id, (chosen.get(id) ?? 0) + 1);
  const enough = rated.length >= minRatings;
  return {
    ratings: rated.length,
    satisfied,
    satisfaction: enough ? satisfied / rated.length : null,
    interval: enough ? wilson(satisfied, rated.length) : null,
    low: low.length,
    lowCriteria: [...chosen]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([id, count]) => ({ id, vi: criterionLabel(id, criteria, 'vi'), en: criterionLabel(id, criteria, 'en'), count })),
    withDossier: rated.filter((r) => r.dossierNumber).length,
    lowDossiers: low.filter((r) => r.dossierNumber).slice(0, 20).map((r) => ({ dossierNumber: r.dossierNumber!, rating: r.rating!, receivedAt: r.receivedAt })),
  };
}

/**
 * An official's petitions of the month: received in it, or older ones still open in it or answered
 * in it (carried over); open and overdue at the window's instant; answered within the month.
 */
function summarizePetitions(records: readonly PerformanceRecord[], window: MonthWindow): PetitionSummary {
  const petitions = records.filter((r) => r.kind === 'pakn' || r.dueAt !== null);
  const answered = petitions.filter((r) => answeredIn(r, window.month) && Date.parse(r.answeredAt!) <= Date.parse(window.asOf));
  return {
    assigned: petitions.length,
    open: petitions.filter((r) => isOpenAt(r, window.asOf)).length,
    overdue: petitions.filter((r) => isOpenOverdue(r, window.asOf)).length,
    answered: answered.length,
    answeredOnTime: answered.filter(answeredOnTime).length,
  };
}

const groupBy = <K>(records: readonly PerformanceRecord[], key: (r: PerformanceRecord) => K | undefined) => {
  const groups = new Map<K, PerformanceRecord[]>();
  for (const r of records) {
    const k = key(r);
    if (k !== undefined) groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return groups;
};

export type PerformanceOptions = {
  departmentId: string;
  window: MonthWindow;
  criteria: readonly Criterion[];
  /** The department's counters (id → name): only ratings given at them are the department's to judge. */
  counters: ReadonlyMap<string, string>;
  minRatings?: number;
  /** An official who is not a lead: only their own row (matched by id, or as the assignee by id or login name). */
  onlyOfficial?: { id: string; username: string };
};

/**
 * The performance view of a department's month, from its month's records: those received in it
 * (ratings, counters and trend count only these) and older petitions carried into it.
 */
export function computePerformance(all: readonly PerformanceRecord[], options: PerformanceOptions): Performance {
  const minRatings = options.minRatings ?? DEFAULT_MIN_RATINGS;
  const me = options.onlyOfficial;
  const mine = (r: PerformanceRecord) => r.officialId === me!.id || r.assignee === me!.id || r.assignee === me!.username;
  const records = (me ? all.filter(mine) : all).filter((r) => r.status !== 'spam');
  const atCounters = records.filter((r) => options.counters.has(r.counterId) && receivedIn(r, options.window.month));
  const ratings = (rs: readonly PerformanceRecord[]) => summarizeRatings(rs, options.criteria, minRatings);

  // Ratings go to the official on duty; petitions to their assignee (an id, or a login name as typed).
  const people = new Map<string, string>();
  for (const r of atCounters) if (r.officialId) people.set(r.officialId, r.officialName ?? r.officialId);
  const personOf = (assignee: string) => (me && assignee === me.username ? me.id : assignee);
  for (const r of records) if (r.assignee && !people.has(personOf(r.assignee))) people.set(personOf(r.assignee), r.assignee);
  const rated = groupBy(atCounters, (r) => r.officialId);
  const assigned = groupBy(records, (r) => (r.assignee ? personOf(r.assignee) : undefined));
  const officials = [...people]
    .map(([officialId, name]) => ({ officialId, name, ...ratings(rated.get(officialId) ?? []), petitions: summarizePetitions(assigned.get(officialId) ?? [], options.window) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));

  const byCounter = groupBy(atCounters, (r) => r.counterId);
  const counters = me ? [] : [...options.counters].map(([counterId, name]) => ({ counterId, name, ...ratings(byCounter.get(counterId) ?? []) }));
  const nobody = atCounters.filter((r) => r.rating !== undefined && !r.officialId);

  const days = groupBy(atCounters.filter((r) => r.rating !== undefined), (r) => localDayOf(r.receivedAt));
  const trend = [...days]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, rs]) => ({ day, ratings: rs.length, satisfied: rs.filter((r) => r.rating! >= SATISFIED).length }));

  return {
    month: options.window.month,
    departmentId: options.departmentId,
    asOf: options.window.asOf,
    minRatings,
    counters,
    officials,
    unattributed: me ? null : ratings(nobody),
    trend,
  };
}
