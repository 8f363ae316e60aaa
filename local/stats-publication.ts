/**
 * Local publication of the statistics into the local stats store (local/stats-store.ts), with the
 * S3 output the job uses in AWS (the CLI, the import and `npm start`).
 */
import { defaultMonths, publishStats, type MonthReport } from '#functions/publish-stats';
import { defaultStatsOutput } from '#functions/lib/stats-output';

export function describeReport(r: MonthReport): string {
  const ratio = r.recordsInMonth ? (r.itemsRead / r.recordsInMonth).toFixed(3) : 'n/a';
  const state = r.written ? 'published' : 'unchanged (closed month, same sourceHash)';
  return `${r.month} ${r.closed ? 'closed ' : 'running'}  items read ${r.itemsRead} / records in month ${r.recordsInMonth} = ${ratio}  carried ${r.carried}  ${state}`;
}

/** Publishes `months` (or the default ones) into STATS_BUCKET; used by `npm start` too. */
export async function publishLocalStats(months: string[], now: Date): Promise<MonthReport[]> {
  const output = defaultStatsOutput();
  return publishStats(months.length ? months : await defaultMonths('default', { output, now }), { output, now });
}
