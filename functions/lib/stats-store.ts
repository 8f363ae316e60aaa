/**
 * Statistics access patterns: a department's items of one local month (gsi2: the records received
 * in it and the month markers of the others), a record's own markers (see month-markers.ts), and
 * the batch writes and consistent batch reads with which the job carries open records forward.
 */
import {
  BatchWriteItemCommand, DeleteItemCommand, PutItemCommand, type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { FeedbackRecord } from '#shared/feedback';
import { toStatsRecord, type StatsRecord } from '#shared/stats/record';
import { dynamo, tableName } from './dynamo.ts';
import { keys, MONTH_MARKER_PREFIX } from './keys.ts';
import { backoff, batchGetAll, queryPages, UNPROCESSED_ATTEMPTS } from './query.ts';

export const MARKER_ENTITY = 'month-marker';

/** What the job needs of a record item: never its contact data nor the citizen's comment (only the published `answer`). */
const RECORD_FIELDS = [
  'entity', 'stats', 'trackingCode', 'kind', 'channel', 'status', 'counterId', 'departmentId', 'procedureCode', 'rating',
  'deviceId', 'submittedAt', 'receivedAt', 'dueAt', 'answer', 'closedAt', 'history', 'updatedAt', 'routing',
  'answerRating', 'followUps',
];
const projection = {
  ProjectionExpression: RECORD_FIELDS.map((_, i) => `#f${i}`).join(', '),
  ExpressionAttributeNames: Object.fromEntries(RECORD_FIELDS.map((field, i) => [`#f${i}`, field])),
};

/** A month item as the statistics see it: a record received in `month`, or a marker's copy; without `month`, the record as it is now. */
function statsOf(item: Record<string, any>, month?: string): StatsRecord {
  const value = unmarshall(item);
  return value.entity === MARKER_ENTITY ? (value.stats as StatsRecord) : toStatsRecord(value as FeedbackRecord, month);
}

/** All items of a department's month (gsi2 `MONTH#dept#YYYY-MM`), paged; `itemsRead` counts them. */
export async function queryMonth(departmentId: string, month: string): Promise<{ records: StatsRecord[]; itemsRead: number }> {
  const records: StatsRecord[] = [];
  let itemsRead = 0;
  const query = queryPages({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': { S: keys.month(departmentId, month) } },
    ...projection,
  });
  for await (const page of query) {
    itemsRead += page.Count ?? 0;
    for (const item of page.Items ?? []) records.push(statsOf(item, month));
  }
  return { records, itemsRead };
}

export type StoredMarker = { month: string; fingerprint: string };

/** The month markers of one record (strongly consistent: they are compared with what it needs now). */
export async function queryMarkers(trackingCode: string): Promise<StoredMarker[]> {
  const markers: StoredMarker[] = [];
  const query = queryPages({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: marshall({ ':pk': keys.feedback(trackingCode).pk, ':prefix': MONTH_MARKER_PREFIX }),
    ProjectionExpression: 'sk, fingerprint',
    ConsistentRead: true,
  });
  for await (const page of query) {
    for (const raw of page.Items ?? []) {
      const { sk, fingerprint } = unmarshall(raw) as { sk: string; fingerprint: string };
      markers.push({ month: sk.slice(MONTH_MARKER_PREFIX.length), fingerprint });
    }
  }
  return markers;
}
/** A record's marker item in `month`: in that month's gsi2 partition of its department. */
function markerItem(stats: StatsRecord, month: string, fingerprint: string) {
  const item = {
    ...keys.monthMarker(stats.trackingCode, month),
    gsi2pk: keys.month(stats.departmentId, month),
    gsi2sk: `${stats.receivedAt}#${stats.trackingCode}`,
    entity: MARKER_ENTITY,
    fingerprint,
    stats,
  };
  return marshall(item, { removeUndefinedValues: true });
}

/** Writes (or replaces) a record's marker in `month`. */
export async function putMarker(stats: StatsRecord, month: string, fingerprint: string): Promise<void> {
  await dynamo().send(new PutItemCommand({ TableName: tableName(), Item: markerItem(stats, month, fingerprint) }));
}

export type MarkerWrite = { stats: StatsRecord; month: string; fingerprint: string };

const BATCH_WRITE_MAX = 25;

/** Writes (or replaces) many markers, 25 per BatchWriteItem, retrying what the store left unprocessed; returns the requests sent. */
export async function putMarkers(markers: MarkerWrite[]): Promise<number> {
  let requests = 0;
  for (let i = 0; i < markers.length; i += BATCH_WRITE_MAX) {
    let pending: WriteRequest[] = markers.slice(i, i + BATCH_WRITE_MAX).map((m) => ({ PutRequest: { Item: markerItem(m.stats, m.month, m.fingerprint) } }));
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt === UNPROCESSED_ATTEMPTS) throw new Error(`BatchWriteItem left ${pending.length} markers unprocessed`);
      if (attempt) await backoff(attempt);
      const result = await dynamo().send(new BatchWriteItemCommand({ RequestItems: { [tableName()]: pending } }));
      requests++;
      pending = result.UnprocessedItems?.[tableName()] ?? [];
    }
  }
  return requests;
}

/** The current statistics copies of records, read strongly consistent, 100 per BatchGetItem (absent: no such record). */
export async function getStatsCopies(trackingCodes: string[]): Promise<{ copies: Map<string, StatsRecord>; requests: number }> {
  const { items, requests } = await batchGetAll(trackingCodes.map((code) => marshall(keys.feedback(code))), { ConsistentRead: true, ...projection });
  const copies = new Map<string, StatsRecord>();
  for (const item of items) {
    const stats = statsOf(item);
    copies.set(stats.trackingCode, stats);
  }
  return { copies, requests };
}

/** Removes a marker the record no longer needs. */
export async function deleteMarker(trackingCode: string, month: string): Promise<void> {
  await dynamo().send(new DeleteItemCommand({ TableName: tableName(), Key: marshall(keys.monthMarker(trackingCode, month)) }));
}
