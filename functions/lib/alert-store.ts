/** Satisfaction alerts: one item per counter of a department while it is below the threshold. */
import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { RatingPoint } from '#shared/satisfaction';
import { addMonths, localMonthOf, toLocalIso } from '#shared/time';
import { dynamo, tableName } from './dynamo.ts';
import { keys } from './keys.ts';
import { queryAll } from './query.ts';

export type SatisfactionAlert = {
  departmentId: string;
  counterId: string;
  counterName: string;
  satisfied: number;
  count: number;
  threshold: number;
  windowDays: number;
  raisedAt: string;
  updatedAt: string;
};

/** Active alerts of a department (one query on its alert partition). */
export async function listAlerts(departmentId: string): Promise<SatisfactionAlert[]> {
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: keys.alertPartition(departmentId) } } });
  return items.map((item) => {
    const { pk, sk, entity, ...alert } = unmarshall(item);
    return alert as SatisfactionAlert;
  });
}

/** Raises or refreshes an alert. */
export const putAlert = (alert: SatisfactionAlert) =>
  dynamo().send(new PutItemCommand({ TableName: tableName(), Item: marshall({ ...keys.alert(alert.departmentId, alert.counterId), entity: 'alert', ...alert }) }));

/** Clears an alert once the counter is back above the threshold. */
export const clearAlert = (departmentId: string, counterId: string) =>
  dynamo().send(new DeleteItemCommand({ TableName: tableName(), Key: marshall(keys.alert(departmentId, counterId)) }));

/** Ratings a department received since `since`: its receipt-month partitions of gsi2 (one query per month). */
export async function ratingsSince(departmentId: string, since: Date, now: Date): Promise<RatingPoint[]> {
  const points: RatingPoint[] = [];
  for (let month = localMonthOf(since); month <= localMonthOf(now); month = addMonths(month, 1)) {
    const items = await queryAll({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk >= :since',
      FilterExpression: 'entity = :feedback AND attribute_exists(rating)',
      ProjectionExpression: 'counterId, rating, receivedAt',
      ExpressionAttributeValues: { ':pk': { S: keys.month(departmentId, month) }, ':since': { S: toLocalIso(since) }, ':feedback': { S: 'feedback' } },
    });
    points.push(...items.map((item) => unmarshall(item) as RatingPoint));
  }
  return points;
}
