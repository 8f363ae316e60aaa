/** Access patterns of the morning digest (see functions/send-digests.ts). */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { dynamo, tableName } from './dynamo.ts';
import { keys } from './keys.ts';
import { isConditionFailure, queryPages } from './query.ts';

const KEEP_DAYS = 7;

/** How many open records of a department are due at or before `instant` (its open queue is sorted by `dueAt#code`). */
export async function countOpenDueBy(departmentId: string, instant: string): Promise<number> {
  let count = 0;
  const pages = queryPages({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
    ExpressionAttributeValues: { ':pk': { S: keys.queue(departmentId, true) }, ':before': { S: `${instant}#\uffff` } },
    Select: 'COUNT',
  });
  for await (const page of pages) count += page.Count ?? 0;
  return count;
}

/** Claims the department's digest of `day`: true the first time, false once it was claimed. */
export async function claimDigest(departmentId: string, day: string, now: Date): Promise<boolean> {
  try {
    await dynamo().send(
      new PutItemCommand({
        TableName: tableName(),
        Item: marshall({ ...keys.digest(departmentId, day), entity: 'digest', sentAt: now.toISOString(), expiresAt: Math.floor(now.getTime() / 1000) + KEEP_DAYS * 86_400 }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
