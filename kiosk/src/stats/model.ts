/**
 * State of the statistics page: the index, the chosen month's file, table sorting, the counter of
 * the heatmap and the answer search. Reads only the published static files under /stats/.
 */
import { computed, effect, signal } from '@preact/signals';
import type { DepartmentStats, PublishedAnswer } from '#shared/stats/month';
import type { PublishedMonth, StatsIndex } from '#shared/stats/publication';
import { matchesQuery } from '#shared/text';

export type Load<T> = { state: 'loading' } | { state: 'empty' } | { state: 'error' } | { state: 'ready'; data: T };

export const index = signal<Load<StatsIndex>>({ state: 'loading' });
export const month = signal<string | undefined>(undefined);
export const current = signal<Load<PublishedMonth>>({ state: 'loading' });

class NotPublished extends Error {}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (response.status === 404) throw new NotPublished(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

export async function loadIndex(): Promise<void> {
  index.value = { state: 'loading' };
  try {
    const data = await getJson<StatsIndex>('/stats/index.json');
    const wanted = new URLSearchParams(location.search).get('month');
    const first = data.months.find((m) => m.month === wanted)?.month ?? data.months[0]?.month;
    // The month first, then the index: the page draws once with both (one render less while loading).
    if (first) await selectMonth(first, false);
    index.value = data.months.length ? { state: 'ready', data } : { state: 'empty' };
  } catch (error) {
    index.value = { state: error instanceof NotPublished ? 'empty' : 'error' };
  }
}

export async function selectMonth(value: string, remember = true): Promise<void> {
  month.value = value;
  if (remember) history.replaceState(null, '', `?month=${encodeURIComponent(value)}`);
  current.value = { state: 'loading' };
  try {
    const data = await getJson<PublishedMonth>(`/stats/${encodeURIComponent(value)}.json`);
    if (month.value !== value) return; // another month was chosen meanwhile
    current.value = { state: 'ready', data };
    if (!data.counters.some((c) => c.id === counterId.value)) counterId.value = busiestCounter(data);
  } catch {
    if (month.value === value) current.value = { state: 'error' };
  }
}

/** Months of the index for the charts: up to 12, oldest first. */
export const trendMonths = computed(() => (index.value.state === 'ready' ? index.value.data.months.slice(0, 12).reverse() : []));

// Department table sorting.
export type SortKey =
  | 'rank' | 'name' | 'received' | 'answered' | 'onTimeRate' | 'rankingRate' | 'medianResponseWorkingDays' | 'satisfactionRate' | 'paknSatisfactionRate' | 'openAtEnd' | 'openOverdue';
export const sort = signal<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'rank', dir: 'asc' });

export function sortBy(key: SortKey): void {
  const same = sort.value.key === key;
  const natural = key === 'rank' || key === 'name' || key === 'medianResponseWorkingDays' || key === 'openOverdue' || key === 'openAtEnd' ? 'asc' : 'desc';
  sort.value = { key, dir: same ? (sort.value.dir === 'asc' ? 'desc' : 'asc') : natural };
}

/** Missing values (no rank, no answers) always last, whatever the direction. */
export function sortDepartments(departments: DepartmentStats[], by = sort.value): DepartmentStats[] {
  const value = (d: DepartmentStats) => (by.key === 'name' ? d.name : by.key === 'paknSatisfactionRate' ? d.pakn.satisfactionRate : d[by.key]);
  return [...departments].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(y as string, 'vi') : x - (y as number);
    return by.dir === 'asc' ? order : -order;
  });
}

// Heatmap counter.
export const counterId = signal<string | undefined>(undefined);
function busiestCounter(data: PublishedMonth): string | undefined {
  const total = (c: PublishedMonth['counters'][number]) => c.ratingsByHour.flat().reduce((a, b) => a + b, 0);
  return [...data.counters].sort((a, b) => total(b) - total(a))[0]?.id;
}

// Answers search.
export const answerQuery = signal('');
export const answerDepartment = signal('');
/** Answers are shown a page at a time: a busy month has hundreds. */
export const ANSWERS_PAGE = 10;
export const answersShown = signal(ANSWERS_PAGE);
// A new search starts from the first page again.
effect(() => {
  void answerQuery.value;
  void answerDepartment.value;
  answersShown.value = ANSWERS_PAGE;
});

export function filterAnswers(answers: PublishedAnswer[], names: Map<string, string>, query = answerQuery.value, department = answerDepartment.value): PublishedAnswer[] {
  return answers.filter((a) => {
    if (department && a.departmentId !== department) return false;
    return matchesQuery([a.question, a.answer, a.procedureCode, a.procedureName, names.get(a.departmentId)].filter(Boolean).join(' '), query);
  });
}
