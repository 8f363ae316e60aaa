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
 * start over (no transactions, no streams). The publication job calls `refreshMonthMarkers` for
 * records still open when a month closes, which carries them into the new month.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type FeedbackRecord } from '#shared/feedback';
import { markerMonths, toStatsRecord, type StatsRecord } from '#shared/stats/record';
import { localMonthOf } from '#shared/time';
import { getFeedback } from './feedback-store.ts';
import { log } from './log.ts';
import { deleteMarker, putMarker, queryMarkers } from './stats-store.ts';

const MAX_ROUNDS = 5;

const fingerprintOf = (stats: StatsRecord) => createHash('sha256').update(canonicalJson(stats)).digest('base64url').slice(0, 22);

/** A record as created, never touched since: it has no markers yet. */
const untouched = (r: FeedbackRecord) => !r.history?.length && r.routing.length <= 1 && !r.answer && !r.closedAt;

export async function writeMonthMarkers(record: FeedbackRecord, now: Date = new Date()): Promise<void> {
  // The hot path (a new rating or petition of this month) needs no marker and costs no read.
  if (untouched(record) && markerMonths(toStatsRecord(record), localMonthOf(now)).length === 0) return;
  await refreshMonthMarkers(record.trackingCode, now);
}

/** Brings a record's markers in line with the stored record; returns the number of writes. */
export async function refreshMonthMarkers(trackingCode: string, now: Date = new Date()): Promise<number> {
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
      if (have.get(month) === fingerprint) continue;
      await putMarker(stats!, month, fingerprint);
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
