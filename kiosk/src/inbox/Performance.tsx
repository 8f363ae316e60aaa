/**
 * The inbox's duty bar (start or end duty at a counter of one's own department) and the performance
 * view of a month (leads and the admin: the department; other officials: their own row).
 */
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Performance as View, RatingSummary } from '#shared/performance';
import { localMonthOf } from '#shared/time';
import { formatDateTime, lang } from '../common/i18n.ts';
import { authHeader } from './auth.ts';
import { call, departmentId, errorText, me, viewingAll } from './model.ts';
import { t } from './performance-strings.ts';

type Duty = { counterId: string | null; official: { id: string; name: string }; since: string | null };

export const inboxView = signal<'inbox' | 'performance'>('inbox');
const duty = signal<Duty | undefined>(undefined);
const dutyChoice = signal('');
const month = signal(localMonthOf(new Date()));
const state = signal<{ kind: 'loading' } | { kind: 'ok'; view: View & { scope: string } } | { kind: 'error'; text: string }>({ kind: 'loading' });

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

const query = () => `month=${month.value}${departmentId.value && !viewingAll.value ? `&departmentId=${encodeURIComponent(departmentId.value)}` : ''}`;

async function load() {
  state.value = { kind: 'loading' };
  const result = await call<View & { scope: string }>(`/api/inbox/performance?${query()}`);
  state.value = result.ok ? { kind: 'ok', view: result.data } : { kind: 'error', text: errorText(result.error) };
}

async function downloadReport() {
  const response = await fetch(`/api/inbox/performance.xlsx?${query()}`, { headers: authHeader() }).catch(() => undefined);
  if (!response?.ok) return;
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'danh-gia.xlsx';
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(await response.blob()), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
function RatingCells({ s }: { s: RatingSummary }) {
  return (
    <>
      <td>{s.ratings}</td>
      <td>{s.satisfaction === null ? <span class="hint">{t('tooFew')}</span> : `${pct(s.satisfaction)} (${pct(s.interval![0])}–${pct(s.interval![1])})`}</td>
      <td>{s.low}</td>
      <td>{s.lowCriteria.map((c) => `${c[lang.value]} (${c.count})`).join(', ')}</td>
      <td>{s.withDossier}</td>
    </>
  );
}
const RatingHeads = () => (
  <>
    <th scope="col">{t('ratings')}</th>
    <th scope="col">{t('satisfaction')}</th>
    <th scope="col">{t('low')}</th>
    <th scope="col">{t('lowCriteria')}</th>
    <th scope="col">{t('withDossier')}</th>
  </>
);

export function PerformancePanel() {
  useEffect(() => void load(), [month.value, departmentId.value]);
  const s = state.value;
  return (
    <section class="performance" aria-labelledby="perf-title">
      <h2 id="perf-title">{t('tabPerformance')}</h2>
      <label>
        {t('month')} <input type="month" value={month.value} onChange={(e) => e.currentTarget.value && (month.value = e.currentTarget.value)} />
      </label>{' '}
      <button type="button" onClick={() => void downloadReport()}>{t('download')}</button>
      {s.kind === 'loading' && <p role="status">{t('loading')}</p>}
      {s.kind === 'error' && <p class="notice bad" role="alert">{t('failed', { message: s.text })}</p>}
      {s.kind === 'ok' && (
        <>
          <p class="hint">{s.view.scope === 'own' ? t('ownScope') : ''} {t('minRatings', { n: s.view.minRatings })}</p>
          {s.view.scope !== 'own' && (
            <table>
              <caption>{t('byCounter')}</caption>
              <thead><tr><th scope="col">{t('counter')}</th><RatingHeads /></tr></thead>
              <tbody>
                {s.view.counters.map((c) => <tr key={c.counterId}><th scope="row">{c.name}</th><RatingCells s={c} /></tr>)}
                {s.view.unattributed && <tr><th scope="row">{t('nobody')}</th><RatingCells s={s.view.unattributed} /></tr>}
              </tbody>
            </table>
          )}
          <table>
            <caption>{t('byOfficial')}</caption>
            <thead><tr><th scope="col">{t('official')}</th><RatingHeads /><th scope="col">{t('assigned')}</th><th scope="col">{t('open')}</th><th scope="col">{t('overdue')}</th><th scope="col">{t('onTime')}</th></tr></thead>
            <tbody>
              {s.view.officials.map((o) => (
                <tr key={o.officialId}>
                  <th scope="row">{o.name}</th>
                  <RatingCells s={o} />
                  <td>{o.petitions.assigned}</td><td>{o.petitions.open}</td><td>{o.petitions.overdue}</td><td>{`${o.petitions.answeredOnTime}/${o.petitions.answered}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.view.officials.length === 0 && <p>{t('none')}</p>}
          <table>
            <caption>{t('byDay')}</caption>
            <thead><tr><th scope="col">{t('day')}</th><th scope="col">{t('ratings')}</th><th scope="col">{t('satisfaction')}</th></tr></thead>
            <tbody>{s.view.trend.map((d) => <tr key={d.day}><th scope="row">{d.day}</th><td>{d.ratings}</td><td>{d.satisfied}</td></tr>)}</tbody>
          </table>
        </>
      )}
    </section>
  );
}
