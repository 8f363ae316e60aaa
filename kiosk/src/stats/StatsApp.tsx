/** The public statistics page: month picker and summary first; ranking table, charts, answers and open data as they come near (Deferred.tsx). */
import { SiteHeader } from '../common/SiteHeader.tsx';
import { BelowTheSummary } from './Deferred.tsx';
import { formatCount, formatDays, formatMonth, formatRate, formatTime } from './format.ts';
import { current, index, loadIndex, month, selectMonth } from './model.ts';
import { t } from './strings.ts';
import type { PublishedMonth } from '#shared/stats/publication';

function MonthPicker() {
  if (index.value.state !== 'ready') return null;
  return (
    <div class="field month-picker">
      <label for="month">{t('month')}</label>
      <select id="month" value={month.value} onChange={(e) => void selectMonth((e.target as HTMLSelectElement).value)}>
        {index.value.data.months.map((m) => (
          <option key={m.month} value={m.month}>
            {formatMonth(m.month)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Headline({ data }: { data: PublishedMonth }) {
  const { totals } = data;
  const figures: [string, string, string?][] = [
    [t('received'), formatCount(totals.received)],
    [t('answered'), formatCount(totals.answered)],
    [t('onTime'), formatRate(totals.onTimeRate), `${formatCount(totals.answeredOnTime)}/${formatCount(totals.answered)}`],
    [t('median'), formatDays(totals.medianResponseWorkingDays), totals.medianResponseWorkingDays === null ? undefined : t('workingDays')],
    [t('p90'), formatDays(totals.p90ResponseWorkingDays), totals.p90ResponseWorkingDays === null ? undefined : t('workingDays')],
    [t('satisfaction'), formatRate(totals.satisfactionRate)],
    [t('openOverdue'), formatCount(totals.openOverdue)],
  ];
  return (
    <section aria-labelledby="headline">
      <h2 id="headline">
        {t('headline')} — {formatMonth(data.month)}
      </h2>
      <p class="hint">{data.closed ? t('closedAt', { at: formatTime(data.generatedAt) }) : t('running', { at: formatTime(data.asOf) })}</p>
      <dl class="figures">
        {figures.map(([label, value, detail]) => (
          <div key={label} class="figure">
            <dt>{label}</dt>
            <dd>
              <span class="value">{value}</span>
              {detail && <span class="hint"> {detail}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <p class="hint">{t('excluded', { spam: formatCount(totals.excluded.spam), misuse: formatCount(totals.excluded.misuse) })}</p>
      <h3>{t('pakn')}</h3>
      <p>
        {t('paknOnTime')}: <strong>{formatRate(totals.pakn.onTimeRate)}</strong> · {t('paknSatisfaction')}: <strong>{formatRate(totals.pakn.satisfactionRate)}</strong>
      </p>
    </section>
  );
}

function Body() {
  const state = index.value.state;
  if (state === 'loading') return <p role="status">{t('loading')}</p>;
  if (state === 'empty') return <p class="notice">{t('noData')}</p>;
  if (state === 'error') return <Failure retry={() => void loadIndex()} />;
  const loaded = current.value;
  return (
    <>
      <MonthPicker />
      {loaded.state === 'loading' && <p role="status">{t('loading')}</p>}
      {loaded.state === 'error' && <Failure retry={() => month.value && void selectMonth(month.value)} />}
      {loaded.state === 'ready' && (
        <>
          <Headline data={loaded.data} />
          <BelowTheSummary data={loaded.data} />
        </>
      )}
    </>
  );
}

function Failure({ retry }: { retry: () => void }) {
  return (
    <div class="notice bad" role="alert">
      <p>{t('loadError')}</p>
      <button type="button" onClick={retry}>
        {t('retry')}
      </button>
    </div>
  );
}

export function StatsApp() {
  return (
    <>
      <a class="skip" href="#main">
        {t('skip')}
      </a>
      <SiteHeader />
      <main id="main" class="page stats">
        <h1>{t('title')}</h1>
        <p>{t('intro')}</p>
        <div aria-live="polite">
          <Body />
        </div>
      </main>
      <footer class="page hint">{t('footer')}</footer>
    </>
  );
}
