/** Small DynamoDB helpers shared by the inbox's stores. */
import { ConditionalCheckFailedException, QueryCommand, type AttributeValue, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { dynamo, tableName } from './dynamo.ts';

/** Every page of a query on the table, one request each. */
export async function* queryPages(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>) {
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({ ...input, TableName: tableName(), ExclusiveStartKey: startKey }));
    yield page;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** Every item of a query, page after page (for bounded partitions only: one record's trail, a backlog). */
export async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  for await (const page of queryPages(input)) items.push(...(page.Items ?? []));
  return items;
}

export const isConditionFailure = (error: unknown) =>
  error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException';
