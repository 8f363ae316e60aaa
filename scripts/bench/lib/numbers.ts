/** Small statistics and printing helpers for the harness's figures. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
}

export const median = (samples: number[]) => summarize(samples).p50;

export type Row = { figure: string; value: number | string; baseline?: number | string; unit?: string; target?: string; note?: string };

const fmt = (v: number | string | undefined) => (v === undefined ? '' : typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2)) : v);

export const ratioOf = (row: Row) => (typeof row.value === 'number' && typeof row.baseline === 'number' && row.baseline !== 0 ? row.value / row.baseline : undefined);

/** A Markdown table (pastes straight into docs/BENCHMARKS.md, reads fine in a terminal). */
export function table(rows: Row[]): string {
  const lines = [
    '| figure | value | baseline | ratio | unit | target / note |',
    '|---|---:|---:|---:|---|---|',
    ...rows.map((r) => {
      const ratio = ratioOf(r);
      return `| ${r.figure} | ${fmt(r.value)} | ${fmt(r.baseline)} | ${ratio === undefined ? '' : ratio.toFixed(2)} | ${r.unit ?? ''} | ${[r.target, r.note].filter(Boolean).join('; ')} |`;
    }),
  ];
  return lines.join('\n');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
