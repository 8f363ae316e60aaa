/** The performance view's one access pattern: a department's records received in a month (its gsi2 partition). */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { FeedbackRecord } from '#shared/feedback';
import type { PerformanceRecord } from '#shared/performance';
import { toStatsRecord } from '#shared/stats/record';
import { keys } from './keys.ts';
import { queryPages } from './query.ts';

/** What the view needs of a record: never contact data nor text. */
const FIELDS = [
  'trackingCode', 'kind', 'channel', 'status', 'counterId', 'departmentId', 'rating', 'reasons', 'dossierNumber', 'officialId', 'officialName',
  'assignee', 'receivedAt', 'dueAt', 'answer', 'closedAt', 'history', 'updatedAt', 'routing',
];

/** Records received in `month` by the department (gsi2 `MONTH#dept#YYYY-MM`, records only, not month markers). */
export async function queryMonthRecords(departmentId: string, month: string): Promise<PerformanceRecord[]> {
  const records: PerformanceRecord[] = [];
  const query = queryPages({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    FilterExpression: '#entity = :feedback',
    ProjectionExpression: FIELDS.map((_, i) => `#f${i}`).join(', '),
    ExpressionAttributeNames: { '#entity': 'entity', ...Object.fromEntries(FIELDS.map((field, i) => [`#f${i}`, field])) },
    ExpressionAttributeValues: { ':pk': { S: keys.month(departmentId, month) }, ':feedback': { S: 'feedback' } },
  });
  for await (const page of query) {
    for (const item of page.Items ?? []) {
      const record = unmarshall(item) as FeedbackRecord & { assignee?: string };
      records.push({
        ...toStatsRecord(record, month),
        ...(record.reasons ? { reasons: record.reasons } : {}),
        ...(record.dossierNumber ? { dossierNumber: record.dossierNumber } : {}),
        ...(record.officialId ? { officialId: record.officialId, officialName: record.officialName } : {}),
        ...(record.assignee ? { assignee: record.assignee } : {}),
      });
    }
  }
  return records;
}
