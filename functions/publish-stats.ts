/**
 * The publication job: computes each month from that month's own gsi2 partitions (one per
 * department; records received in it plus month markers, each record once, no Scan) and publishes
 * `stats/YYYY-MM.json`, `stats/YYYY-MM.csv` and `stats/index.json`. A closed month is rewritten
 * only when its `sourceHash` changed (late imports, a changed definition, a late answer rating or
 * follow-up: those flag the month stale, so the next run publishes it). When a month closes,
 * records still open are carried into the new month (`carryOpenRecords`: batched marker writes,
 * then one consistent batch read per 100 records to catch concurrent writes).
 *
 * Scheduled (functions/jobs.ts): daily for the running month, on the 1st for the month just closed.
 * Event: `{ scope?: 'running' | 'closed' | 'default', months?: ['YYYY-MM', …] }`.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '#shared/feedback';
import { monthCsv } from '#shared/stats/csv';
import { computeMonth, DEFAULT_MIN_ANSWERED_FOR_RANK, DEFINITIONS_VERSION, monthWindow, type StatsCatalog } from '#shared/stats/month';
import { relevantTo } from '#shared/stats/measures';
import { indexEntry, mergeIndex, monthsToPublish, type IndexEntry, type PublishedMonth, type StatsIndex } from '#shared/stats/publication';
import type { StatsRecord } from '#shared/stats/record';
import { localDayOf, toLocalIso, type LocalMonth } from '#shared/time';
import { queryCatalog } from './lib/catalog-store.ts';
import { log } from './lib/log.ts';
import { carryOpenRecords, type CarryReport } from './lib/month-markers.ts';
import { inPool } from './lib/pool.ts';
import { clearStaleMonth, listStaleMonths } from './lib/stale-months.ts';
import { queryMonth } from './lib/stats-store.ts';
import { defaultStatsOutput, type StatsOutput } from './lib/stats-output.ts';

export type MonthReport = {
  month: LocalMonth;
  closed: boolean;
  /** Items returned by the month's partitions. */
  itemsRead: number;
  /** Records the month's figures are about (received, answered, or open at its end; spam included). */
  recordsInMonth: number;
  written: boolean;
  /** Still-open records carried into the following months. */
  carried: number;
  /** How carrying them went (closed months only). */
  carry?: CarryReport;
};

export type PublishOptions = { output?: StatsOutput; now: Date; minAnsweredForRank?: number };

const READ_CONCURRENCY = 4;
const minAnswered = () => Number(process.env.STATS_MIN_ANSWERED_FOR_RANK ?? DEFAULT_MIN_ANSWERED_FOR_RANK);

async function readJson<T>(output: StatsOutput, name: string): Promise<T | undefined> {
  const text = await output.read(name);
  return text ? (JSON.parse(text) as T) : undefined;
}

function sourceHash(records: StatsRecord[], catalog: StatsCatalog, minAnsweredForRank: number): string {
  const sorted = [...records].sort((a, b) => a.trackingCode.localeCompare(b.trackingCode));
  const source = canonicalJson({ definitions: DEFINITIONS_VERSION, minAnsweredForRank, catalog, records: sorted });
  return `sha256:${createHash('sha256').update(source).digest('hex')}`;
}

/** Computes and (when changed) publishes one month. */
export async function publishMonth(month: LocalMonth, catalog: StatsCatalog, options: Required<PublishOptions>): Promise<{ report: MonthReport; entry?: IndexEntry }> {
  const { output, now, minAnsweredForRank } = options;
  let itemsRead = 0;
  const records: StatsRecord[] = [];
  // The departments' partitions are independent: read a few at once (results in catalog order).
  for (const part of await inPool(catalog.departments, READ_CONCURRENCY, (d) => queryMonth(d.id, month))) {
    itemsRead += part.itemsRead;
    for (const record of part.records) records.push(record);
  }
  const window = monthWindow(month, now);
  const relevant = records.filter((r) => relevantTo(r, window));
  const hash = sourceHash(relevant, catalog, minAnsweredForRank);
  const previous = window.closed ? await readJson<PublishedMonth>(output, `${month}.json`) : undefined;
  const unchanged = previous?.closed === true && previous.sourceHash === hash;
  let entry: IndexEntry | undefined;
  if (!unchanged) {
    const stats: PublishedMonth = { ...computeMonth(relevant, month, { catalog, now, minAnsweredForRank }), generatedAt: toLocalIso(now), sourceHash: hash };
    await output.write(`${month}.json`, `${JSON.stringify(stats, null, 1)}\n`, 'application/json; charset=utf-8');
    await output.write(`${month}.csv`, monthCsv(stats), 'text/csv; charset=utf-8');
    entry = indexEntry(stats);
  }
  let carried = 0;
  let carry: CarryReport | undefined;
  if (window.closed) {
    // Open at the close of M and still open now: make sure they are in the following months too.
    const open = relevant.filter((r) => r.dueAt !== null && !r.resolvedAt && r.status !== 'spam');
    carry = await carryOpenRecords(open, month, now);
    carried = carry.carried;
  }
  const report = { month, closed: window.closed, itemsRead, recordsInMonth: relevant.length, written: !unchanged, carried, carry };
  log('info', 'statistics month', report);
  return { report, entry };
}

/** Publishes the months (oldest first, so open records are carried forward) and the index. */
export async function publishStats(months: LocalMonth[], options: PublishOptions): Promise<MonthReport[]> {
  const resolved = { output: options.output ?? defaultStatsOutput(), now: options.now, minAnsweredForRank: options.minAnsweredForRank ?? minAnswered() };
  const full = await queryCatalog();
  const catalog: StatsCatalog = {
    departments: full.departments.map(({ id, name }) => ({ id, name })),
    counters: full.counters.map(({ id, name, departmentId }) => ({ id, name, departmentId })),
    procedures: full.procedures.map(({ code, name }) => ({ code, name })),
  };
  const reports: MonthReport[] = [];
  const entries: IndexEntry[] = [];
  // Read before the months' records: a flag set after this read stays for the next run.
  const stale = new Map((await listStaleMonths()).map((flag) => [flag.month, flag]));
  for (const month of [...new Set(months)].sort()) {
    const { report, entry } = await publishMonth(month, catalog, resolved);
    reports.push(report);
    if (entry) entries.push(entry);
    const flag = stale.get(month);
    if (flag) await clearStaleMonth(flag);
  }
  if (entries.length) {
    const index = await readJson<StatsIndex>(resolved.output, 'index.json');
    await resolved.output.write('index.json', `${JSON.stringify(mergeIndex(index, entries, toLocalIso(resolved.now)), null, 1)}\n`, 'application/json; charset=utf-8');
  }
  return reports;
}

/**
 * The months a run publishes when none are named (see `monthsToPublish`), plus the closed months
 * flagged stale since (a late answer rating or follow-up changed their figures: stale-months.ts).
 */
export async function defaultMonths(scope: 'running' | 'closed' | 'default', options: PublishOptions): Promise<LocalMonth[]> {
  const output = options.output ?? defaultStatsOutput();
  const months = monthsToPublish(await readJson<StatsIndex>(output, 'index.json'), options.now, scope);
  const stale = (await listStaleMonths()).map((flag) => flag.month);
  return [...new Set([...stale, ...months])].sort();
}

/** Scheduled daily: the running month; on the 1st (local) also the month that just closed. */
export const handler = async (event: { scope?: 'running' | 'closed' | 'default'; months?: string[] } = {}) => {
  const now = new Date(); // the run's one reading of the clock
  const scope = event.scope ?? (localDayOf(now).endsWith('-01') ? 'default' : 'running');
  const months = event.months?.length ? event.months.filter((m) => /^\d{4}-(0[1-9]|1[0-2])$/.test(m)) : await defaultMonths(scope, { now });
  return { months: await publishStats(months, { now }) };
};
