/** The 12-month charts (from index.json) and the chosen counter's heatmap (from the month file). */
import type { PublishedMonth } from '#shared/stats/publication';
import { Heatmap, LineChart } from './svg-charts.tsx';
import { formatDays, formatRate, shortMonth } from './format.ts';
import { counterId, trendMonths } from './model.ts';
import { t } from './strings.ts';

export function Charts({ data }: { data: PublishedMonth }) {
  const months = trendMonths.value;
  const labels = months.map((m) => shortMonth(m.month));
  const perDepartment = (pick: 'medianResponseWorkingDays' | 'onTimeRate') =>
    data.departments.map((d) => ({ name: d.name, values: months.map((m) => m.departments[d.id]?.[pick] ?? null) }));
  const counter = data.counters.find((c) => c.id === counterId.value);
  return (
    <>
      <LineChart title={t('responseChart')} labels={labels} series={perDepartment('medianResponseWorkingDays')} format={formatDays} />
      <LineChart
        title={t('onTimeChart')}
        labels={labels}
        // The total last, so each department keeps its colour from the chart above.
        series={[...perDepartment('onTimeRate'), { name: t('all'), values: months.map((m) => m.totals.onTimeRate) }]}
        format={formatRate}
        max={1}
      />
      <LineChart title={t('satisfactionChart')} labels={labels} series={[{ name: t('all'), values: months.map((m) => m.totals.satisfactionRate) }]} format={formatRate} max={1} />
      <div class="field">
        <label for="counter">{t('counter')}</label>
        <select id="counter" value={counterId.value} onChange={(e) => (counterId.value = (e.target as HTMLSelectElement).value)}>
          {data.counters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {counter && <Heatmap title={`${t('heatmap')} — ${counter.name}`} grid={counter.ratingsByHour} />}
    </>
  );
}
