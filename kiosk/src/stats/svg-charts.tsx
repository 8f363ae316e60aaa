/**
 * Small charts in plain SVG (no chart library: a few hundred bytes each). The SVG is decoration for
 * sighted readers (aria-hidden); every chart has the same numbers as a table right under it.
 *
 * Each SVG is drawn at the width it is shown at (one unit = one CSS pixel), never scaled: its labels
 * keep their 12 px on a 360 px phone, and narrow screens get fewer month and hour labels instead.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { useLocalSignal } from './local-signal.ts';
import { t } from './strings.ts';

export const PALETTE = ['#0b4f9c', '#b00020', '#106b21', '#8a4b00', '#6a1b9a', '#00695c', '#37474f', '#c2185b', '#1565c0'];

/** Line charts: at most this wide (wider, a year of lines gets hard to follow), always this high. */
const MAX_W = 760;
const H = 220;
const PAD = { left: 40, right: 20, top: 12, bottom: 28 };
/** Room one month label ("10/26", 12 px) needs on the axis. */
const LABEL_ROOM = 44;

/** The width the chart is shown at, measured once mounted and on every resize (0 until then: the box keeps its height meanwhile). */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const width = useLocalSignal(0);
  useEffect(() => {
    const element = ref.current!;
    const measure = () => void (width.value = Math.floor(element.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width.value] as const;
}

export type Series = { name: string; values: (number | null)[] };

function Figure({ title, children, table }: { title: string; children: ComponentChildren; table: ComponentChildren }) {
  const id = useId();
  return (
    <figure class="chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      {children}
      <details>
        <summary>{t('showTable')}</summary>
        <div class="scroll">{table}</div>
      </details>
    </figure>
  );
}

function DataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: { name: string; cells: string[] }[] }) {
  return (
    <table>
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          <td />
          {columns.map((c) => (
            <th scope="col" key={c}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">{row.name}</th>
            {row.cells.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Lines over months; `max` fixes the scale (1 for rates). Gaps where a value is missing. */
export function LineChart(props: { title: string; labels: string[]; series: Series[]; format: (v: number | null) => string; max?: number }) {
  const { labels, series, format } = props;
  const [plot, width] = useWidth();
  const W = Math.min(width, MAX_W);
  const max = props.max ?? Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const x = (i: number) => PAD.left + (labels.length <= 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (labels.length - 1));
  const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  // Every `step`-th month labelled, counted back from the newest, so labels never overlap.
  const step = labels.length <= 1 ? 1 : Math.max(1, Math.ceil(LABEL_ROOM / ((W - PAD.left - PAD.right) / (labels.length - 1))));
  const segments = (values: (number | null)[]) =>
    values
      .map((v, i) => (v === null ? '|' : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .join(' ')
      .split('|')
      .map((part) => part.trim())
      .filter(Boolean);
  return (
    <Figure
      title={props.title}
      table={<DataTable caption={props.title} columns={labels} rows={series.map((s) => ({ name: s.name, cells: s.values.map(format) }))} />}
    >
      <div class="plot" ref={plot} style={{ height: `${H}px` }}>
        {W > 0 && (
          <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
            {[0, 0.5, 1].map((f) => (
              <g key={f}>
                <line class="grid" x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} />
                <text class="axis" x={PAD.left - 6} y={y(max * f) + 4} text-anchor="end">{format(max * f)}</text>
              </g>
            ))}
            {labels.map((label, i) =>
              (labels.length - 1 - i) % step === 0 ? (
                <text key={label} class="axis" x={x(i)} y={H - 8} text-anchor="middle">{label}</text>
              ) : null,
            )}
            {series.map((s, n) => (
              <g key={s.name} stroke={PALETTE[n % PALETTE.length]} fill={PALETTE[n % PALETTE.length]}>
                {segments(s.values).map((points) => (
                  <polyline key={points} points={points} fill="none" stroke-width="2.5" />
                ))}
                {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r="3.5" />))}
              </g>
            ))}
          </svg>
        )}
      </div>
      {series.length > 1 && (
        <ul class="legend" aria-hidden="true">
          {series.map((s, n) => (
            <li key={s.name}>
              <span class="swatch" style={{ background: PALETTE[n % PALETTE.length] }} />
              {s.name}
            </li>
          ))}
        </ul>
      )}
    </Figure>
  );
}

/** Ratings by weekday (rows, Monday first) and local hour (columns), darker = more. */
export function Heatmap(props: { title: string; grid: number[][] }) {
  const days = t('weekdays').split(',');
  const order = [1, 2, 3, 4, 5, 6, 0];
  const used = props.grid.flatMap((row) => row.flatMap((n, hour) => (n > 0 ? [hour] : [])));
  const from = Math.min(7, ...used);
  const to = Math.max(17, ...used);
  const hours = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const max = Math.max(1, ...props.grid.flat());
  const [plot, width] = useWidth();
  // Columns shrink to fit the screen (a whole day still fits a 360 px phone), every other hour
  // labelled when narrow; rows stay high enough for their 12 px weekday labels.
  const cell = Math.max(12, Math.min(26, Math.floor((width - 40) / hours.length)));
  const row = 26;
  const every = cell >= 20 ? 1 : 2;
  const size = { width: 40 + hours.length * cell, height: 24 + 7 * row };
  return (
    <Figure
      title={props.title}
      table={
        <DataTable
          caption={props.title}
          columns={hours.map((h) => `${h}h`)}
          rows={order.map((d) => ({ name: days[d]!, cells: hours.map((h) => String(props.grid[d]?.[h] ?? 0)) }))}
        />
      }
    >
      <div class="plot" ref={plot} style={{ height: `${size.height}px` }}>
        {width > 0 && (
          <svg {...size} viewBox={`0 0 ${size.width} ${size.height}`} aria-hidden="true" focusable="false" class="heatmap">
            {hours.map((h, i) =>
              (h - hours[0]!) % every === 0 ? (
                <text key={h} class="axis" x={40 + i * cell + cell / 2} y={14} text-anchor="middle">{h}</text>
              ) : null,
            )}
            {order.map((d, r) => (
              <g key={d}>
                <text class="axis" x={34} y={24 + r * row + row / 2 + 4} text-anchor="end">{days[d]}</text>
                {hours.map((h, i) => {
                  const n = props.grid[d]?.[h] ?? 0;
                  return <rect key={h} x={40 + i * cell} y={24 + r * row} width={cell - 2} height={row - 2} rx="3" fill="#0b4f9c" fill-opacity={n === 0 ? 0.04 : 0.15 + (0.85 * n) / max} />;
                })}
              </g>
            ))}
          </svg>
        )}
      </div>
    </Figure>
  );
}
