/** The baseline: the same item written straight to the same dynalite with the same SDK settings. */
import { DynamoDBClient, GetItemCommand, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { config } from '#local/config';

export type RawStore = { client: DynamoDBClient; put: (item: Record<string, AttributeValue>, i: number) => Promise<unknown>; get: (pk: string) => Promise<Record<string, AttributeValue> | undefined> };

export function rawStore(endpoint: string): RawStore {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const client = new DynamoDBClient({ endpoint, maxAttempts: 2, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const TableName = config.tableName;
  return {
    client,
    /** PutItem of `item` under a fresh key, conditional like the real submission. */
    put: (item, i) =>
      client.send(new PutItemCommand({ TableName, Item: { ...item, pk: { S: `BENCH#${process.pid}#${i}#${Math.random()}` } }, ConditionExpression: 'attribute_not_exists(pk)' })),
    get: async (pk) => (await client.send(new GetItemCommand({ TableName, Key: { pk: { S: pk }, sk: { S: '#META' } } }))).Item,
  };
}
