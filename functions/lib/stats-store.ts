/**
 * Statistics access patterns: a department's items of one local month (gsi2: the records received
 * in it and the month markers of the others), and a record's own markers (see month-markers.ts).
 */
import { DeleteItemCommand, PutItemCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { FeedbackRecord } from '#shared/feedback';
import { toStatsRecord, type StatsRecord } from '#shared/stats/record';
import { dynamo, tableName } from './dynamo.ts';
import { keys, MONTH_MARKER_PREFIX } from './keys.ts';

export const MARKER_ENTITY = 'month-marker';

/** What the job needs of a record item: never the contact data beyond the name (used to redact). */
const RECORD_FIELDS = [
  'entity', 'stats', 'trackingCode', 'kind', 'channel', 'status', 'counterId', 'departmentId', 'procedureCode', 'rating',
  'deviceId', 'submittedAt', 'receivedAt', 'dueAt', 'answer', 'closedAt', 'history', 'comment', 'updatedAt',
];
const projection = {
  ProjectionExpression: [...RECORD_FIELDS.map((_, i) => `#f${i}`), '#contact.#name'].join(', '),
  ExpressionAttributeNames: {
    ...Object.fromEntries(RECORD_FIELDS.map((field, i) => [`#f${i}`, field])),
    '#contact': 'contact',
    '#name': 'name',
  },
};

/** A month item as the statistics see it: a record received in the month, or a marker's copy. */
function statsOf(item: Record<string, any>): StatsRecord {
  const value = unmarshall(item);
  return value.entity === MARKER_ENTITY ? (value.stats as StatsRecord) : toStatsRecord(value as FeedbackRecord);
}

/** Every page of a query. */
async function* pages(input: QueryCommandInput) {
  let startKey: Record<string, any> | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    yield page;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** All items of a department's month (gsi2 `MONTH#dept#YYYY-MM`), paged; `itemsRead` counts them. */
export async function queryMonth(departmentId: string, month: string): Promise<{ records: StatsRecord[]; itemsRead: number }> {
  const records: StatsRecord[] = [];
  let itemsRead = 0;
  const query = pages({
    TableName: tableName(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': { S: keys.month(departmentId, month) } },
    ...projection,
  });
  for await (const page of query) {
    itemsRead += page.Count ?? 0;
    for (const item of page.Items ?? []) records.push(statsOf(item));
  }
  return { records, itemsRead };
}

export type StoredMarker = { month: string; fingerprint: string };

/** The month markers of one record (strongly consistent: they are compared with what it needs now). */
export async function queryMarkers(trackingCode: string): Promise<StoredMarker[]> {
  const markers: StoredMarker[] = [];
  const query = pages({
    TableName: tableName(),
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
/** Writes (or replaces) a record's marker in `month`: in that month's gsi2 partition of its department. */
export async function putMarker(stats: StatsRecord, month: string, fingerprint: string): Promise<void> {
  const item = {
    ...keys.monthMarker(stats.trackingCode, month),
    gsi2pk: keys.month(stats.departmentId, month),
    gsi2sk: `${stats.receivedAt}#${stats.trackingCode}`,
    entity: MARKER_ENTITY,
    fingerprint,
    stats,
  };
  await dynamo().send(new PutItemCommand({ TableName: tableName(), Item: marshall(item, { removeUndefinedValues: true }) }));
}

/** Removes a marker the record no longer needs. */
export async function deleteMarker(trackingCode: string, month: string): Promise<void> {
  await dynamo().send(new DeleteItemCommand({ TableName: tableName(), Key: marshall(keys.monthMarker(trackingCode, month)) }));
}
