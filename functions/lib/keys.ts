/** Every key of the single table is built here, and nowhere else. */
import type { FeedbackRecord } from '#shared/feedback';
import { OPEN_STATUSES } from '#shared/feedback';
import { departmentInMonth } from '#shared/routing';
import { localMonthOf } from '#shared/time';

export const CATALOG_PARTITION = 'CATALOG';
export const MONTH_MARKER_PREFIX = 'MONTH#';
export const AUDIT_PREFIX = 'EVENT#';
export const DUPLICATE_PREFIX = 'DUPLICATE#';
/** The owner of templates shared with every department. */
export const SHARED_TEMPLATES = 'all';

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
  /** A department's comments to read (ratings with a comment, not yet read): oldest first, no deadline. */
  readQueue: (departmentId: string) => `QUEUE#${departmentId}#READ`,
  /** A closed month whose figures changed after it was published (a late answer rating, a follow-up). */
  staleMonth: (month: string) => ({ pk: 'STATS#STALE', sk: `${MONTH_MARKER_PREFIX}${month}` }),
  staleMonthPartition: 'STATS#STALE',
  /** Statistics partition: a department's records of one local month. */
  month: (departmentId: string, month: string) => `MONTH#${departmentId}#${month}`,
  /** Fixed-window rate-limit counter of one client (e.g. a kiosk) for the window starting at `windowStart` (epoch s). */
  rateWindow: (scope: string, clientId: string, windowStart: number) => ({ pk: `RATE#${scope}#${clientId}`, sk: `W#${windowStart}` }),
  /** Audit trail of a record: next to it, one item per version, never rewritten. */
  auditEvent: (trackingCode: string, version: number) => ({ pk: `FB#${trackingCode}`, sk: `${AUDIT_PREFIX}${String(version).padStart(6, '0')}` }),
  /**
   * A notification waiting for (or done with) delivery. A citizen's notices live in their record's
   * partition (`OUTBOX#code`), so erasing the record's contact data finds them with one Query.
   */
  outbox: (id: string, trackingCode?: string) => (trackingCode ? { pk: `OUTBOX#${trackingCode}`, sk: `MSG#${id}` } : { pk: `OUTBOX#${id}`, sk: '#META' }),
  /** Receipt notices sent to one recipient (hashed: no contact data in keys) on one local day. */
  receiptCap: (recipientHash: string, day: string) => ({ pk: `NOTIFYCAP#${recipientHash}`, sk: `DAY#${day}` }),
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
  /** The officials directory: one entry per official and department, written on their own requests (officials-store.ts). */
  official: (departmentId: string, officialId: string) => ({ pk: `OFFICIALS#${departmentId}`, sk: `OFFICIAL#${officialId}` }),
  officialsPartition: (departmentId: string) => `OFFICIALS#${departmentId}`,
  /** Answer templates saved by a department, or shared by the admin with every department (`all`): one partition each (template-store.ts). */
  template: (owner: string, templateId: string) => ({ pk: `TEMPLATES#${owner}`, sk: `TEMPLATE#${templateId}` }),
  templatesPartition: (owner: string) => `TEMPLATES#${owner}`,
  /** A duplicate approved against an original, kept next to the original so its answer reaches the duplicate's citizen (duplicates.ts). */
  duplicateLink: (originalCode: string, duplicateCode: string) => ({ pk: `FB#${originalCode}`, sk: `${DUPLICATE_PREFIX}${duplicateCode}` }),
  /** The morning digest of a department for one local day: written once, so it is sent once. */
  digest: (departmentId: string, day: string) => ({ pk: `DIGEST#${departmentId}`, sk: `DAY#${day}` }),
};

/** A rating's comment: something to read, with no deadline (the inbox's "to read" view). */
export const isToRead = (record: Pick<FeedbackRecord, 'dueAt' | 'comment'>) => record.dueAt === null && Boolean(record.comment);

/** A record's place in its queue: by deadline, or by receipt for what has none (comments to read). */
export const queueSortKey = (record: Pick<FeedbackRecord, 'dueAt' | 'receivedAt' | 'trackingCode'>) => `${record.dueAt ?? record.receivedAt}#${record.trackingCode}`;

/** The gsi1 queue a record is in: open work, comments to read, done; none for a bare rating. */
function queuePartition(record: FeedbackRecord): string | undefined {
  const open = OPEN_STATUSES.includes(record.status);
  if (record.dueAt !== null) return keys.queue(record.departmentId, open);
  if (!isToRead(record)) return undefined;
  return open ? keys.readQueue(record.departmentId) : keys.queue(record.departmentId, false);
}

/**
 * Index attributes of a feedback record. A bare rating (nothing to answer, nothing to read) stays
 * out of the queues (sparse gsi1) but is always in its month (gsi2).
 */
export function feedbackIndexKeys(record: FeedbackRecord) {
  const queue = queuePartition(record);
  return {
    ...keys.feedback(record.trackingCode),
    ...(queue ? { gsi1pk: queue, gsi1sk: queueSortKey(record) } : {}),
    // Its receipt month's partition of the department that owned it at that month's end.
    gsi2pk: keys.month(departmentInMonth(record, localMonthOf(record.receivedAt)), localMonthOf(record.receivedAt)),
    gsi2sk: `${record.receivedAt}#${record.trackingCode}`,
  };
}
