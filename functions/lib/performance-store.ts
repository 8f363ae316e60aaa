/**
 * The performance view's one access pattern: a department's items of a month (its gsi2 partition):
 * the records received in it, and the month markers of older records still open in it or answered
 * in it, whose records are then read by key (the markers' statistics copies carry no official).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { FeedbackRecord } from '#shared/feedback';
import type { PerformanceRecord } from '#shared/performance';
import type { StatsRecord } from '#shared/stats/record';
import { toStatsRecord } from '#shared/stats/record';
import { keys } from './keys.ts';
import { batchGetAll, queryPages } from './query.ts';
import { MARKER_ENTITY } from './stats-store.ts';

/** What the view needs of a record: never contact data nor text. */
const FIELDS = [
  'trackingCode', 'kind', 'channel', 'status', 'counterId', 'departmentId', 'rating', 'reasons', 'dossierNumber', 'officialId', 'officialName',
  'assignee', 'receivedAt', 'dueAt', 'answer', 'closedAt', 'history', 'updatedAt', 'routing',
];
const names = (fields: string[]) => Object.fromEntries(fields.map((field, i) => [`#f${i}`, field]));
const projection = (fields: string[]) => ({ ProjectionExpression: fields.map((_, i) => `#f${i}`).join(', '), ExpressionAttributeNames: names(fields) });

function toPerformanceRecord(item: Record<string, AttributeValue>, month: string): PerformanceRecord {
  const record = unmarshall(item) as FeedbackRecord & { assignee?: string };
  return {
    ...toStatsRecord(record, month),
    ...(record.reasons ? { reasons: record.reasons } : {}),
    ...(record.dossierNumber ? { dossierNumber: record.dossierNumber } : {}),
    ...(record.officialId ? { officialId: record.officialId, officialName: record.officialName } : {}),
    ...(record.assignee ? { assignee: record.assignee } : {}),
  };
}

/**
 * A department's month (gsi2 `MONTH#dept#YYYY-MM`): its records received in the month, then the
 * records its markers name (older petitions open at some point of the month or answered in it),
 * 100 per BatchGetItem; each seen as it was in this department that month.
 */
export async function queryMonthRecords(departmentId: string, month: string): Promise<PerformanceRecord[]> {
  const records: PerformanceRecord[] = [];
  const carried: string[] = [];
  const query = queryPages({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ...projection([...FIELDS, 'entity', 'stats']),
    ExpressionAttributeValues: { ':pk': { S: keys.month(departmentId, month) } },
  });
  for await (const page of query) {
    for (const item of page.Items ?? []) {
      if (item.entity?.S === MARKER_ENTITY) carried.push((unmarshall(item).stats as StatsRecord).trackingCode);
      else if (item.entity?.S === 'feedback') records.push(toPerformanceRecord(item, month));
    }
  }
  const { items } = await batchGetAll([...new Set(carried)].map((code) => marshall(keys.feedback(code))), projection(FIELDS));
  return [...records, ...items.map((item) => toPerformanceRecord(item, month))];
}
