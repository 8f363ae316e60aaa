/** The queue tabs above the list: all, assigned to me, awaiting my approval, due soon, each with its count. */
import { INBOX_VIEWS } from '#shared/inbox';
import { td } from './daily-strings.ts';
import { filters, setFilters, viewCounts } from './model.ts';

export function Views() {
  const current = filters.value.view ?? '';
  return (
    <nav class="views" aria-label={td('views')}>
      {['', ...INBOX_VIEWS].map((view) => (
        <button type="button" key={view} class="view-tab" aria-pressed={current === view} onClick={() => setFilters({ view })}>
          {td(view ? (`view_${view}` as 'view_mine') : 'view_all')}
          {view && <span class="count"> ({viewCounts.value[view] ?? 0})</span>}
        </button>
      ))}
    </nav>
  );
}
