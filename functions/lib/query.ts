/** Small DynamoDB helpers shared by the inbox's stores. */
import {
  BatchGetItemCommand, ConditionalCheckFailedException, QueryCommand,
  type AttributeValue, type BatchGetItemCommandOutput, type KeysAndAttributes, type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
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

const BATCH_GET_MAX = 100;
export const UNPROCESSED_ATTEMPTS = 8;
/** Exponential backoff with jitter before retrying what the store left unprocessed. */
export const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt) * (0.5 + Math.random() / 2)));

/** Items by key, 100 per BatchGetItem, retrying unprocessed keys; absent items are simply missing. */
export async function batchGetAll(
  keyList: Record<string, AttributeValue>[],
  read: Omit<KeysAndAttributes, 'Keys'>,
): Promise<{ items: Record<string, AttributeValue>[]; requests: number }> {
  const items: Record<string, AttributeValue>[] = [];
  let requests = 0;
  for (let i = 0; i < keyList.length; i += BATCH_GET_MAX) {
    let pending: KeysAndAttributes | undefined = { ...read, Keys: keyList.slice(i, i + BATCH_GET_MAX) };
    for (let attempt = 0; pending?.Keys?.length; attempt++) {
      if (attempt === UNPROCESSED_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.Keys.length} items unprocessed`);
      if (attempt) await backoff(attempt);
      const result: BatchGetItemCommandOutput = await dynamo().send(new BatchGetItemCommand({ RequestItems: { [tableName()]: pending } }));
      requests++;
      items.push(...((result.Responses?.[tableName()] ?? []) as Record<string, AttributeValue>[]));
      pending = result.UnprocessedKeys?.[tableName()];
    }
  }
  return { items, requests };
}

export const isConditionFailure = (error: unknown) =>
  error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException';
