/** First start of a tablet (or a counter that no longer exists): staff pick the counter once. */
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, type ApiError } from '../common/api.ts';
import { chooseCounter } from './settings.ts';
import { t } from './strings.ts';

type CounterSummary = { id: string; name: string; department: { name: string } };
const counters = signal<CounterSummary[] | ApiError | undefined>(undefined);

export function ChooseCounter() {
  useEffect(() => {
    void api<CounterSummary[]>('/api/counters').then((r) => (counters.value = r.ok ? r.data : r.error));
  }, []);
  const list = counters.value;
  return (
    <main class="page" id="main">
      <h1>{t('chooseTitle')}</h1>
      <p class="hint">{t('chooseHint')}</p>
      {list === undefined && <p>{t('loading')}</p>}
      {list && !Array.isArray(list) && (
        <p class="notice bad" role="alert">
          {t('noNetworkSetup')}{' '}
          <button type="button" onClick={() => location.reload()}>
            {t('retry')}
          </button>
        </p>
      )}
      {Array.isArray(list) && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            chooseCounter(new FormData(e.currentTarget).get('counter') as string);
          }}
        >
          <div class="field">
            <label for="counter">{t('chooseLabel')}</label>
            <select id="counter" name="counter" required>
              {list.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} — {c.department.name}
                </option>
              ))}
            </select>
          </div>
          <button class="primary">{t('chooseSave')}</button>
        </form>
      )}
    </main>
  );
}
