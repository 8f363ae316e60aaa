/**
 * The inbox's duty bar (start or end duty at a counter of one's own department) and the tabs that
 * switch between the inbox and the performance view.
 */
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { formatDateTime } from '../common/i18n.ts';
import { call, me } from './model.ts';
import { t } from './performance-strings.ts';

type Duty = { counterId: string | null; official: { id: string; name: string }; since: string | null };

export const inboxView = signal<'inbox' | 'performance'>('inbox');
const duty = signal<Duty | undefined>(undefined);
const dutyChoice = signal('');

const ownCounters = () => (me.value?.departments ?? []).filter((d) => d.own).flatMap((d) => d.counters);
const counterName = (id: string) => ownCounters().find((c) => c.id === id)?.name ?? id;

async function setDuty(counterId: string | null) {
  const result = await call<Duty>('/api/inbox/duty', { method: 'POST', body: JSON.stringify({ counterId }), headers: { 'content-type': 'application/json' } });
  if (result.ok) duty.value = result.data;
}

export function DutyBar() {
  useEffect(() => void call<Duty>('/api/inbox/duty').then((r) => r.ok && (duty.value = r.data)), []);
  const counters = ownCounters();
  if (!counters.length) return null;
  const d = duty.value;
  return (
    <section class="duty" aria-labelledby="duty-title">
      <h2 id="duty-title" class="sr-only">{t('duty')}</h2>
      <p role="status">{d?.counterId ? t('dutyAt', { counter: counterName(d.counterId), since: formatDateTime(d.since!), name: d.official.name }) : t('dutyNone')}</p>
      <label>
        {t('dutyCounter')}{' '}
        <select value={dutyChoice.value || d?.counterId || counters[0]!.id} onChange={(e) => (dutyChoice.value = e.currentTarget.value)}>
          {counters.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={() => void setDuty(dutyChoice.value || counters[0]!.id)}>{t('dutyStart')}</button>{' '}
      {d?.counterId && <button type="button" onClick={() => void setDuty(null)}>{t('dutyEnd')}</button>}
    </section>
  );
}

export function ViewTabs() {
  return (
    <nav class="view-tabs" aria-label={t('views')}>
      {(['inbox', 'performance'] as const).map((v) => (
        <button key={v} type="button" aria-pressed={inboxView.value === v} onClick={() => (inboxView.value = v)}>
          {t(v === 'inbox' ? 'tabInbox' : 'tabPerformance')}
        </button>
      ))}
    </nav>
  );
}
