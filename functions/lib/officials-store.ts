/**
 * The officials directory: who works in each department, so the inbox can offer a list to assign
 * from without reading the user pool (no Cognito SDK, no extra IAM). Each official's own requests
 * write their entry (inbox-me, actions), at most once a local day; locally the demo officials are
 * written at start (local/officials.ts).
 */
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Official } from '#shared/auth';
import { localDayOf } from '#shared/time';
import { dynamo, tableName } from './dynamo.ts';
import { keys } from './keys.ts';
import { log } from './log.ts';
import { isConditionFailure, queryAll } from './query.ts';

export type DirectoryEntry = { id: string; name: string; email?: string; departmentId: string; seenOn: string };

/**
 * Writes the official into each of their departments' directory: a conditional put that writes
 * only when the entry is missing, from another day, or their name changed. Never throws: the
 * request it rides on must not fail for it.
 */
export async function recordOfficial(official: Official, now: Date): Promise<void> {
  const seenOn = localDayOf(now);
  await Promise.all(
    official.departments.map(async (departmentId) => {
      const entry: DirectoryEntry = { id: official.id, name: official.username, departmentId, seenOn, ...(official.email ? { email: official.email } : {}) };
      try {
        await dynamo().send(
          new PutItemCommand({
            TableName: tableName(),
            Item: marshall({ ...keys.official(departmentId, official.id), entity: 'official', ...entry }, { removeUndefinedValues: true }),
            ConditionExpression: 'attribute_not_exists(pk) OR seenOn <> :day OR #name <> :name',
            ExpressionAttributeNames: { '#name': 'name' },
            ExpressionAttributeValues: marshall({ ':day': seenOn, ':name': entry.name }),
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) log('warn', 'officials directory write failed', { error, departmentId });
      }
    }),
  );
}

const entryOf = (item: Record<string, unknown>): DirectoryEntry => {
  const { pk, sk, entity, ...entry } = item;
  return entry as DirectoryEntry;
};

/** A department's officials, by name (one query on its directory partition). */
export async function listOfficials(departmentId: string): Promise<DirectoryEntry[]> {
  const items = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: keys.officialsPartition(departmentId) } } });
  return items.map((item) => entryOf(unmarshall(item))).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** One official of a department's directory (one read), or undefined. */
export async function getOfficial(departmentId: string, officialId: string): Promise<DirectoryEntry | undefined> {
  const { Item } = await dynamo().send(new GetItemCommand({ TableName: tableName(), Key: marshall(keys.official(departmentId, officialId)) }));
  return Item ? entryOf(unmarshall(Item)) : undefined;
}
