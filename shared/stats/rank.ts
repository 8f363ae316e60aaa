/**
 * The department ranking: by answered on time ÷ (answered + open overdue at the end of the month),
 * higher first, then median response (shorter first). Dividing by answered alone would hide the
 * backlog: a department answering few, on time, while the rest go overdue would top the table.
 * Below the minimum count (answered + open overdue) a department is not ranked (rank null, listed
 * apart), so one quick answer cannot top the table, nor can not answering escape it. Exact ties
 * share a rank (1, 2, 2, 4).
 */
import type { Measures } from './measures.ts';

type Rankable = Pick<Measures, 'answered' | 'openOverdue' | 'rankingRate' | 'medianResponseWorkingDays'> & { id: string; name: string };

const compare = (a: Rankable, b: Rankable) =>
  (b.rankingRate ?? 0) - (a.rankingRate ?? 0) || (a.medianResponseWorkingDays ?? 0) - (b.medianResponseWorkingDays ?? 0);

/** Ranked departments first (by rank), then the unranked ones by name. */
export function rankDepartments<T extends Rankable>(departments: T[], minAnswered: number): (T & { rank: number | null })[] {
  const eligible = departments.filter((d) => d.answered + d.openOverdue >= Math.max(1, minAnswered)).sort((a, b) => compare(a, b) || a.id.localeCompare(b.id));
  const ranked = eligible.map((d, i) => ({ ...d, rank: i + 1 }));
  for (let i = 1; i < ranked.length; i++) if (compare(ranked[i - 1]!, ranked[i]!) === 0) ranked[i]!.rank = ranked[i - 1]!.rank;
  const apart = departments
    .filter((d) => !eligible.includes(d))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
    .map((d) => ({ ...d, rank: null }));
  return [...ranked, ...apart];
}
