/**
 * The performance view of a month (leads and the admin: the department; other officials: their own
 * row), printable as the monthly evaluation report: heading, tables, criteria and definitions.
 */
import { computed, signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { DEFINITIONS, DUTY_EVENT_LABELS, type DutyLogLine } from '#shared/performance-report';
import type { Performance as View, RatingSummary } from '#shared/performance';
import { localMonthOf } from '#shared/time';
import { formatDateTime, lang } from '../common/i18n.ts';
import { authHeader } from './auth.ts';
import { call, departmentId, errorText, me, viewingAll } from './model.ts';
import { t } from './performance-strings.ts';

type Loaded = View & { scope: string; department: { id: string; name: string }; criteria: { id: string; vi: string; en: string }[]; dutyLog: DutyLogLine[] };

const month = signal(localMonthOf(new Date()));
const state = signal<{ kind: 'loading' } | { kind: 'ok'; view: Loaded } | { kind: 'error'; text: string }>({ kind: 'loading' });
/** The admin (or an official of several departments) picks which department's report to see. */
const chosen = signal('');
const choices = computed(() => me.value?.departments ?? []);
const shownDepartment = computed(() => chosen.value || (viewingAll.value ? '' : departmentId.value) || choices.value[0]?.id || '');

const query = () => `month=${month.value}${shownDepartment.value ? `&departmentId=${encodeURIComponent(shownDepartment.value)}` : ''}`;

async function load() {
  state.value = { kind: 'loading' };
  const result = await call<Loaded>(`/api/inbox/performance?${query()}`);
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

function Controls() {
  return (
    <div class="performance-controls no-print">
      {choices.value.length > 1 && (
        <>
          <label for="perf-department">{t('department')}</label>{' '}
          <select id="perf-department" value={shownDepartment.value} onChange={(e) => (chosen.value = e.currentTarget.value)}>
            {choices.value.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </>
      )}{' '}
      <label>
        {t('month')} <input type="month" value={month.value} onChange={(e) => e.currentTarget.value && (month.value = e.currentTarget.value)} />
      </label>{' '}
      <button type="button" onClick={() => void downloadReport()}>{t('download')}</button>{' '}
      <button type="button" onClick={() => window.print()} disabled={state.value.kind !== 'ok'}>{t('print')}</button>
    </div>
  );
}

function Tables({ view }: { view: Loaded }) {
  return (
    <>
      {view.scope !== 'own' && (
        <table>
          <caption>{t('byCounter')}</caption>
          <thead><tr><th scope="col">{t('counter')}</th><RatingHeads /></tr></thead>
          <tbody>
            {view.counters.map((c) => <tr key={c.counterId}><th scope="row">{c.name}</th><RatingCells s={c} /></tr>)}
            {view.unattributed && <tr><th scope="row">{t('nobody')}</th><RatingCells s={view.unattributed} /></tr>}
          </tbody>
        </table>
      )}
      <table>
        <caption>{t('byOfficial')}</caption>
        <thead><tr><th scope="col">{t('official')}</th><RatingHeads /><th scope="col">{t('assigned')}</th><th scope="col">{t('open')}</th><th scope="col">{t('overdue')}</th><th scope="col">{t('onTime')}</th></tr></thead>
        <tbody>
          {view.officials.map((o) => (
            <tr key={o.officialId}>
              <th scope="row">{o.name}</th>
              <RatingCells s={o} />
              <td>{o.petitions.assigned}</td><td>{o.petitions.open}</td><td>{o.petitions.overdue}</td><td>{`${o.petitions.answeredOnTime}/${o.petitions.answered}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.officials.length === 0 && <p>{t('none')}</p>}
      <table>
        <caption>{t('byDay')}</caption>
        <thead><tr><th scope="col">{t('day')}</th><th scope="col">{t('ratings')}</th><th scope="col">{t('satisfaction')}</th></tr></thead>
        <tbody>{view.trend.map((d) => <tr key={d.day}><th scope="row">{d.day}</th><td>{d.ratings}</td><td>{d.satisfied}</td></tr>)}</tbody>
      </table>
    </>
  );
}

/** Who was on duty when, so a lead can check to whom a rating went (leads and the admin only). */
function DutyLog({ lines }: { lines: DutyLogLine[] }) {
  if (!lines.length) return null;
  return (
    <table>
      <caption>{t('dutyLog')}</caption>
      <thead><tr><th scope="col">{t('when')}</th><th scope="col">{t('counter')}</th><th scope="col">{t('event')}</th><th scope="col">{t('official')}</th></tr></thead>
      <tbody>
        {lines.map((l) => (
          <tr key={`${l.at}${l.counter}${l.type}${l.official}`}>
            <td>{formatDateTime(l.at)}</td><td>{l.counter}</td><td>{DUTY_EVENT_LABELS[l.type][lang.value]}</td><td>{l.official}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The criteria and what each figure means: on screen below the tables, and on the printed report. */
function Definitions({ view }: { view: Loaded }) {
  return (
    <section class="definitions" aria-labelledby="perf-definitions">
      <h3 id="perf-definitions">{t('definitions')}</h3>
      <dl>
        {DEFINITIONS.map((d) => (
          <div key={d.term.vi}><dt>{d.term[lang.value]}</dt><dd>{d.text[lang.value]}</dd></div>
        ))}
      </dl>
      <h3>{t('criteria')}</h3>
      <ul>{view.criteria.map((c) => <li key={c.id}>{c[lang.value]}</li>)}</ul>
    </section>
  );
}

export function PerformancePanel() {
  useEffect(() => void load(), [month.value, shownDepartment.value]);
  const s = state.value;
  return (
    <section class="performance printable" aria-labelledby="perf-title">
      <h2 id="perf-title">{t('tabPerformance')}</h2>
      <Controls />
      {s.kind === 'loading' && <p role="status">{t('loading')}</p>}
      {s.kind === 'error' && <p class="notice bad" role="alert">{t('failed', { message: s.text })}</p>}
      {s.kind === 'ok' && (
        <>
          <p class="report-heading">
            {t('reportTitle', { month: s.view.month, department: s.view.department.name })}
            <br />
            <span class="hint">{t('asOf', { when: formatDateTime(s.view.asOf) })}</span>
          </p>
          <p class="hint">{s.view.scope === 'own' ? t('ownScope') : ''} {t('minRatings', { n: s.view.minRatings })}</p>
          <Tables view={s.view} />
          <DutyLog lines={s.view.dutyLog} />
          <Definitions view={s.view} />
        </>
      )}
    </section>
  );
}
