/** Local publication of the statistics into DATA_DIR/public/stats (the CLI and `npm start`). */
import { join } from 'node:path';
import { defaultMonths, publishStats, type MonthReport } from '#functions/publish-stats';
import { fileOutput } from '#functions/lib/stats-output';
import { config } from './config.ts';

export const localStatsOutput = (dataDir = config.dataDir) => fileOutput(join(dataDir, 'public', 'stats'));

export function describeReport(r: MonthReport): string {
  const ratio = r.recordsInMonth ? (r.itemsRead / r.recordsInMonth).toFixed(3) : 'n/a';
  const state = r.written ? 'published' : 'unchanged (closed month, same sourceHash)';
  return `${r.month} ${r.closed ? 'closed ' : 'running'}  items read ${r.itemsRead} / records in month ${r.recordsInMonth} = ${ratio}  carried ${r.carried}  ${state}`;
}

/** Publishes `months` (or the default ones) into DATA_DIR/public/stats; used by `npm start` too. */
export async function publishLocalStats(months: string[], now: Date, dataDir = config.dataDir): Promise<MonthReport[]> {
  const output = localStatsOutput(dataDir);
  return publishStats(months.length ? months : await defaultMonths('default', { output, now }), { output, now });
}
