/** Satisfaction alerts: one item per counter of a department while it is below the threshold. */
import { DeleteItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { dynamo, tableName } from './dynamo.ts';
import { keys } from './keys.ts';

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
  const page = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: keys.alertPartition(departmentId) } },
    }),
  );
  return (page.Items ?? []).map((item) => {
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
