/**
 * Closed months whose figures changed after publication. A closed month is published again only
 * when the job is asked to; a citizen's late answer rating or follow-up changes its Decision 766
 * figures, so the write that causes it flags the month (`STATS#STALE` / `MONTH#YYYY-MM`) and the
 * next publication run includes it (see `defaultMonths` in publish-stats.ts), then clears the flag
 * it read. A flag set after the run read it has another token and stays for the next run.
 */
import { randomUUID } from 'node:crypto';
import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { FeedbackRecord } from '#shared/feedback';
import { monthWindow } from '#shared/stats/month';
import { markerMonths, toStatsRecord } from '#shared/stats/record';
import { localMonthOf, toLocalIso, type LocalMonth } from '#shared/time';
import { dynamo, tableName } from './dynamo.ts';
import { keys, MONTH_MARKER_PREFIX } from './keys.ts';
import { isConditionFailure, queryAll } from './query.ts';

export type StaleMonth = { month: LocalMonth; token: string };

/** The closed months whose figures include `record`: its receipt month and its marker months. */
export function closedMonthsOf(record: FeedbackRecord, now: Date): LocalMonth[] {
  const months = [localMonthOf(record.receivedAt), ...markerMonths(toStatsRecord(record), localMonthOf(now))];
  return [...new Set(months)].filter((month) => monthWindow(month, now).closed);
}

/** Flags each closed month `record` counts in, after a change of its figures (one PutItem per month). */
export async function flagStaleMonths(record: FeedbackRecord, now: Date): Promise<LocalMonth[]> {
  const months = closedMonthsOf(record, now);
  for (const month of months) {
    const item = { ...keys.staleMonth(month), entity: 'stale-month', month, token: randomUUID(), flaggedAt: toLocalIso(now) };
    await dynamo().send(new PutItemCommand({ TableName: tableName(), Item: marshall(item) }));
  }
  return months;
}

/** Every flagged month with the token it was read with (one Query of the small STATS#STALE partition). */
export async function listStaleMonths(): Promise<StaleMonth[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: marshall({ ':pk': keys.staleMonthPartition, ':prefix': MONTH_MARKER_PREFIX }),
    ConsistentRead: true,
  });
  return items.map((item) => unmarshall(item)).map(({ month, token }) => ({ month: String(month), token: String(token) }));
}

/** Clears a flag once its month is published, unless it was set again since it was read. */
export async function clearStaleMonth(flag: StaleMonth): Promise<void> {
  try {
    await dynamo().send(
      new DeleteItemCommand({
        TableName: tableName(),
        Key: marshall(keys.staleMonth(flag.month)),
        ConditionExpression: '#token = :token',
        ExpressionAttributeNames: { '#token': 'token' },
        ExpressionAttributeValues: marshall({ ':token': flag.token }),
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
