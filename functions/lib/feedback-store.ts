/** Feedback access patterns. */
import { ConditionalCheckFailedException, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { FeedbackRecord } from '#shared/feedback';
import { dynamo, tableName } from './dynamo.ts';
import { feedbackIndexKeys, keys } from './keys.ts';

export function toItem(record: FeedbackRecord) {
  return marshall({ ...record, ...feedbackIndexKeys(record), entity: 'feedback' }, { removeUndefinedValues: true });
}

export function fromItem(item: Record<string, any>): FeedbackRecord {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, entity, ...record } = unmarshall(item);
  return record as FeedbackRecord;
}

/** One record by tracking code (strongly consistent: a replay must see the first write). */
export async function getFeedback(trackingCode: string): Promise<FeedbackRecord | undefined> {
  const { Item } = await dynamo().send(
    new GetItemCommand({ TableName: tableName(), Key: marshall(keys.feedback(trackingCode)), ConsistentRead: true }),
  );
  return Item ? fromItem(Item) : undefined;
}

/** Creates a record; false when the tracking code already exists (replay or collision). */
export async function putNewFeedback(record: FeedbackRecord): Promise<boolean> {
  try {
    await dynamo().send(
      new PutItemCommand({ TableName: tableName(), Item: toItem(record), ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
