/** Every key of the single table is built here, and nowhere else. */
import type { FeedbackRecord } from '#shared/feedback';
import { OPEN_STATUSES } from '#shared/feedback';
import { departmentInMonth } from '#shared/routing';
import { localMonthOf } from '#shared/time';

export const CATALOG_PARTITION = 'CATALOG';
export const MONTH_MARKER_PREFIX = 'MONTH#';
export const AUDIT_PREFIX = 'EVENT#';

export const keys = {
  department: (id: string) => ({ pk: `DEPT#${id}`, sk: '#META', gsi1pk: CATALOG_PARTITION, gsi1sk: `DEPT#${id}` }),
  counter: (id: string) => ({ pk: `COUNTER#${id}`, sk: '#META', gsi1pk: CATALOG_PARTITION, gsi1sk: `COUNTER#${id}` }),
  procedure: (code: string) => ({ pk: `PROC#${code}`, sk: '#META', gsi1pk: CATALOG_PARTITION, gsi1sk: `PROC#${code}` }),
  criterion: (id: string) => ({ pk: `CRITERION#${id}`, sk: '#META', gsi1pk: CATALOG_PARTITION, gsi1sk: `CRITERION#${id}` }),
  feedback: (trackingCode: string) => ({ pk: `FB#${trackingCode}`, sk: '#META' }),
  /** A record's presence in a statistics month other than its receipt month (see month-markers.ts). */
  monthMarker: (trackingCode: string, month: string) => ({ pk: `FB#${trackingCode}`, sk: `${MONTH_MARKER_PREFIX}${month}` }),
  /** Work queue of a department: open or done, soonest due first. */
  queue: (departmentId: string, open: boolean) => `QUEUE#${departmentId}#${open ? 'OPEN' : 'DONE'}`,
  /** Statistics partition: a department's records of one local month. */
  month: (departmentId: string, month: string) => `MONTH#${departmentId}#${month}`,
  /** Fixed-window rate-limit counter of one client (e.g. a kiosk) for the window starting at `windowStart` (epoch s). */
  rateWindow: (scope: string, clientId: string, windowStart: number) => ({ pk: `RATE#${scope}#${clientId}`, sk: `W#${windowStart}` }),
  /** Audit trail of a record: next to it, one item per version, never rewritten. */
  auditEvent: (trackingCode: string, version: number) => ({ pk: `FB#${trackingCode}`, sk: `${AUDIT_PREFIX}${String(version).padStart(6, '0')}` }),
  /** A notification waiting for (or done with) delivery. */
  outbox: (id: string) => ({ pk: `OUTBOX#${id}`, sk: '#META' }),
  /** gsi1 partition of outbox items by delivery state, sorted by next attempt time. */
  outboxQueue: (state: 'PENDING' | 'DEAD') => `OUTBOX#${state}`,
  /** Satisfaction alerts of a department, one item per counter. */
  alert: (departmentId: string, counterId: string) => ({ pk: `ALERT#${departmentId}`, sk: `COUNTER#${counterId}` }),
  alertPartition: (departmentId: string) => `ALERT#${departmentId}`,
  /** Open-work counters of a department, one number per status (see inbox-counts.ts). */
  inboxCounts: (departmentId: string) => ({ pk: `COUNTS#${departmentId}`, sk: '#META' }),
  /** Who is on duty at a counter now (one item: a new start replaces it). */
  duty: (counterId: string) => ({ pk: `DUTY#${counterId}`, sk: '#META' }),
  /** The counter an official is on duty at, so ending duty needs no counter id. */
  officialDuty: (officialId: string) => ({ pk: `OFFICIAL#${officialId}`, sk: 'DUTY' }),
  /** A counter's duty log: one item per start, end or replacement, never rewritten. */
  dutyEvent: (counterId: string, at: string, officialId: string) => ({ pk: `DUTY#${counterId}`, sk: `${AUDIT_PREFIX}${at}#${officialId}` }),
  /** The morning digest of a department for one local day: written once, so it is sent once. */
  digest: (departmentId: string, day: string) => ({ pk: `DIGEST#${departmentId}`, sk: `DAY#${day}` }),
};

/**
 * Index attributes of a feedback record. A bare rating (nothing to answer) stays out of the work
 * queues (sparse gsi1) but is always in its month (gsi2).
 */
export function feedbackIndexKeys(record: FeedbackRecord) {
  const inQueue = record.dueAt !== null;
  return {
    ...keys.feedback(record.trackingCode),
    ...(inQueue
      ? {
          gsi1pk: keys.queue(record.departmentId, OPEN_STATUSES.includes(record.status)),
          gsi1sk: `${record.dueAt}#${record.trackingCode}`,
        }
      : {}),
    // Its receipt month's partition of the department that owned it at that month's end.
    gsi2pk: keys.month(departmentInMonth(record, localMonthOf(record.receivedAt)), localMonthOf(record.receivedAt)),
    gsi2sk: `${record.receivedAt}#${record.trackingCode}`,
  };
}
