/**
 * Month markers: a record is in the statistics partition of its receipt month (gsi2 on the record
 * itself). The months it matters in besides (the month its answer was published, and every month
 * at whose end it was still open) get a small marker item next to it (`FB#code` / `MONTH#YYYY-MM`)
 * carrying the statistics copy (`toStatsRecord`), indexed in that month's gsi2 partition. So the
 * publication job reads each month's records once, from the month's own partitions, without a
 * Scan and without reading the records themselves.
 *
 * Called after every write of a record. Idempotent: it reads the record and its markers, puts the
 * missing or outdated ones, deletes the ones no longer needed, and, when it wrote anything, reads
 * the record again: a concurrent write that it might have overtaken with an older copy makes it
 * start over (no transactions, no streams).
 *
 * When a month closes, the publication job carries the records still open into the months after it
 * with `carryOpenRecords`, from the copies it has just read (see there).
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type FeedbackRecord } from '#shared/feedback';
import { markerMonths, toStatsRecord, type StatsRecord } from '#shared/stats/record';
import { localMonthOf, type LocalMonth } from '#shared/time';
import { getFeedback } from './feedback-store.ts';
import { log } from './log.ts';
import { chunks, inPool } from './pool.ts';
import { deleteMarker, getStatsCopies, putMarker, putMarkers, queryMarkers, type MarkerWrite } from './stats-store.ts';

const MAX_ROUNDS = 5;

const fingerprintOf = (stats: StatsRecord) => createHash('sha256').update(canonicalJson(stats)).digest('base64url').slice(0, 22);

/** A record as created, never touched since: it has no markers yet. */
const untouched = (r: FeedbackRecord) => !r.history?.length && r.routing.length <= 1 && !r.answer && !r.closedAt;

export async function writeMonthMarkers(record: FeedbackRecord, now: Date): Promise<void> {
  // The hot path (a new rating or petition of this month) needs no marker and costs no read.
  if (untouched(record) && markerMonths(toStatsRecord(record), localMonthOf(now)).length === 0) return;
  await refreshMonthMarkers(record.trackingCode, now);
}

/** Brings a record's markers in line with the stored record; returns the number of writes. */
export async function refreshMonthMarkers(trackingCode: string, now: Date): Promise<number> {
  let writes = 0;
  let record = await getFeedback(trackingCode);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const stats = record ? toStatsRecord(record) : undefined;
    const fingerprint = stats ? fingerprintOf(stats) : '';
    const wanted = new Set(stats ? markerMonths(stats, localMonthOf(now)) : []);
    const stored = await queryMarkers(trackingCode);
    const have = new Map(stored.map((m) => [m.month, m.fingerprint]));
    const roundWrites = writes;
    for (const month of wanted) {
      // Each month's copy names the department of that month (a reroute leaves earlier months alone).
      const copy = toStatsRecord(record!, month);
      const monthFingerprint = fingerprintOf(copy);
      if (have.get(month) === monthFingerprint) continue;
      await putMarker(copy, month, monthFingerprint);
      writes++;
    }
    for (const { month } of stored) {
      if (wanted.has(month)) continue;
      await deleteMarker(trackingCode, month);
      writes++;
    }
    if (writes === roundWrites) return writes;
    const again = await getFeedback(trackingCode);
    if ((again ? fingerprintOf(toStatsRecord(again)) : '') === fingerprint) return writes;
    record = again;
  }
  log('warn', 'month markers kept changing; the next write of the record settles them', { trackingCode });
  return writes;
}

/** Records per carry task: its marker writes (BatchWriteItem, 25 each), then one BatchGetItem. */
const CARRY_CHUNK = 100;
const carryConcurrency = () => Math.max(1, Number(process.env.STATS_CARRY_CONCURRENCY) || 16);

export type CarryReport = { carried: number; markersWritten: number; refreshed: number; requests: number; ms: number };

/**
 * Carries records still open at the close of `month` into the months after it (up to `now`'s),
 * from the statistics copies the job has just read from that month's partitions: their markers
 * are written blind, in batches, with the copy's fingerprint, so `refreshMonthMarkers` finds
 * them current. Then each record is read once (consistent, 100 per request) and compared with
 * its copy: one written to since the copy was read may have been overtaken by our older copy,
 * so it goes the careful way (`refreshMonthMarkers`); any later write refreshes after ours.
 * `STATS_CARRY_CONCURRENCY` tasks of 100 records run at once (default 16).
 */
export async function carryOpenRecords(copies: StatsRecord[], month: LocalMonth, now: Date): Promise<CarryReport> {
  const nowMonth = localMonthOf(now);
  const unique = [...new Map(copies.map((c) => [c.trackingCode, c])).values()];
  const started = performance.now();
  const report: CarryReport = { carried: unique.length, markersWritten: 0, refreshed: 0, requests: 0, ms: 0 };
  await inPool(chunks(unique, CARRY_CHUNK), carryConcurrency(), async (chunk) => {
    const fingerprints = new Map(chunk.map((c) => [c.trackingCode, fingerprintOf(c)]));
    const writes: MarkerWrite[] = chunk.flatMap((stats) =>
      markerMonths(stats, nowMonth)
        .filter((m) => m > month)
        .map((m) => ({ stats, month: m, fingerprint: fingerprints.get(stats.trackingCode)! })),
    );
    const writeRequests = await putMarkers(writes); // awaited before `+=`: tasks run concurrently
    const current = await getStatsCopies(chunk.map((c) => c.trackingCode));
    report.markersWritten += writes.length;
    report.requests += writeRequests + current.requests;
    for (const { trackingCode } of chunk) {
      const latest = current.copies.get(trackingCode);
      if (latest && fingerprintOf(latest) === fingerprints.get(trackingCode)) continue;
      report.refreshed++;
      await refreshMonthMarkers(trackingCode, now);
    }
  });
  report.ms = Math.round(performance.now() - started);
  return report;
}
