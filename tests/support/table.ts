/** Test-only inspection of the table (a Scan is fine here; never on a request path). */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { dynamo, tableName } from '#functions/lib/dynamo';

export async function countItems(): Promise<number> {
  let count = 0;
  let startKey: Record<string, any> | undefined;
  do {
    const page = await dynamo().send(new ScanCommand({ TableName: tableName(), Select: 'COUNT', ExclusiveStartKey: startKey }));
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/** Feedback records sent by one device (kiosk or phone), read consistently. */
export async function recordsFromDevice(deviceId: string | null): Promise<Record<string, any>[]> {
  const { Items = [] } = await dynamo().send(new ScanCommand({ TableName: tableName(), ConsistentRead: true }));
  return Items.map((item) => unmarshall(item)).filter((item) => item.entity === 'feedback' && item.deviceId === deviceId);
}
