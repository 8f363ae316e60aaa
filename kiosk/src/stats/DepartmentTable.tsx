/**
 * The department ranking as a sortable table (column headers are buttons; aria-sort tells the
 * order). Every column fits a 1440 px screen without sideways scrolling (headers wrap); on phones
 * the table scrolls.
 */
import type { DepartmentStats } from '#shared/stats/month';
import type { PublishedMonth } from '#shared/stats/publication';
import { formatCount, formatDays, formatRate } from './format.ts';
import { sort, sortBy, sortDepartments, type SortKey } from './model.ts';
import { t, type Key } from './strings.ts';

const COLUMNS: { key: SortKey; label: Key; cell: (d: DepartmentStats) => string }[] = [
  { key: 'rank', label: 'rank', cell: (d) => (d.rank === null ? '—' : String(d.rank)) },
  { key: 'name', label: 'department', cell: (d) => d.name },
  { key: 'received', label: 'received', cell: (d) => formatCount(d.received) },
  { key: 'answered', label: 'answered', cell: (d) => formatCount(d.answered) },
  { key: 'onTimeRate', label: 'onTime', cell: (d) => formatRate(d.onTimeRate) },
  { key: 'rankingRate', label: 'rankingRate', cell: (d) => formatRate(d.rankingRate) },
  { key: 'medianResponseWorkingDays', label: 'medianShort', cell: (d) => formatDays(d.medianResponseWorkingDays) },
  { key: 'satisfactionRate', label: 'satisfaction', cell: (d) => formatRate(d.satisfactionRate) },
  { key: 'paknSatisfactionRate', label: 'paknSatisfaction', cell: (d) => formatRate(d.pakn.satisfactionRate) },
  { key: 'openAtEnd', label: 'backlog', cell: (d) => formatCount(d.openAtEnd) },
  { key: 'openOverdue', label: 'openOverdue', cell: (d) => formatCount(d.openOverdue) },
];

export function DepartmentTable({ data }: { data: PublishedMonth }) {
  // Departments below the minimum are listed apart, under their own heading, whatever the sort.
  const ranked = sortDepartments(data.departments.filter((d) => d.rank !== null));
  const apart = sortDepartments(data.departments.filter((d) => d.rank === null));
  return (
    <>
      <p class="hint">{t('rankRule', { n: data.minAnsweredForRank })}</p>
      <div class="scroll">
        <table class="departments">
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const active = sort.value.key === c.key;
                return (
                  <th key={c.key} scope="col" aria-sort={active ? (sort.value.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                    <button type="button" class="sort" onClick={() => sortBy(c.key)} aria-label={t('sortBy', { col: t(c.label) })}>
                      {t(c.label)}
                      <span aria-hidden="true">{active ? (sort.value.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          {ranked.length > 0 && <tbody>{ranked.map(Row)}</tbody>}
          {apart.length > 0 && (
            <tbody class="unranked">
              <tr>
                <th scope="rowgroup" colSpan={COLUMNS.length} class="group">
                  {t('unrankedGroup', { n: data.minAnsweredForRank })}
                </th>
              </tr>
              {apart.map(Row)}
            </tbody>
          )}
        </table>
      </div>
    </>
  );
}

function Row(d: DepartmentStats) {
  return (
    <tr key={d.id} data-department={d.id}>
      {COLUMNS.map((c) =>
        c.key === 'name' ? (
          <th key={c.key} scope="row">
            {d.name}
          </th>
        ) : (
          <td key={c.key} data-col={c.key}>
            {c.cell(d)}
          </td>
        ),
      )}
    </tr>
  );
}
