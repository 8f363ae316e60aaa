/**
 * The procedure picker: a search box (name or code, with or without diacritics: the API's own
 * `matchesQuery`, as `/api/procedures?q=`) over the counter's procedures sorted by name.
 */
import { signal } from '@preact/signals';
import type { Flow } from './model.ts';
import { pickable, type Procedure } from './pickable.ts';
import { t } from './step-strings.ts';

/** What was typed in the search box, for one round of the flow (the next person starts empty). */
const search = signal({ round: -1, text: '' });

export function ProcedurePicker({ flow, procedures }: { flow: Flow; procedures: Procedure[] }) {
  const round = flow.round.value;
  const query = search.value.round === round ? search.value.text : '';
  const setQuery = (text: string) => (search.value = { round, text });
  const shown = pickable(procedures, query, flow.procedureCode.value);
  return (
    <div class="field procedure-picker">
      <label for="procedure-search">{t('procedureSearch')}</label>
      <input id="procedure-search" type="search" autoComplete="off" value={query} onInput={(e) => setQuery(e.currentTarget.value)} aria-describedby="procedure-count" />
      <p id="procedure-count" class="hint" aria-live="polite">
        {t('procedureCount', { n: shown.length, total: procedures.length })}
      </p>
      <label for="procedure">{t('procedure')}</label>
      <select id="procedure" value={flow.procedureCode.value} onChange={(e) => (flow.procedureCode.value = e.currentTarget.value)}>
        <option value="">{t('procedureNone')}</option>
        {shown.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name} ({p.code})
          </option>
        ))}
      </select>
    </div>
  );
}
