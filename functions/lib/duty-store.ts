/**
 * Duty at counters. Two items per official on duty: the counter's (who is there: read by the
 * public counter view and by every submission) and the official's (where they are: so ending or
 * moving needs no counter id). No transactions: each step is a conditional or idempotent write, and
 * a reader trusts the counter's item, so a stale official item only ever points at nobody.
 */
import { DeleteItemCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Duty } from '#shared/duty';
import { dynamo, tableName } from './dynamo.ts';
import { AUDIT_PREFIX, keys } from './keys.ts';
import { queryAll } from './query.ts';

export type DutyEvent = { type: 'start' | 'end' | 'replaced'; counterId: string; officialId: string; officialName: string; at: string; by: string };

const get = async (key: Record<string, string>, consistent: boolean) => {
  const { Item } = await dynamo().send(new GetItemCommand({ TableName: tableName(), Key: marshall(key), ConsistentRead: consistent }));
  return Item ? unmarshall(Item) : undefined;
};

const dutyOf = (item: Record<string, any> | undefined): Duty | undefined =>
  item ? { counterId: item.counterId, departmentId: item.departmentId, officialId: item.officialId, officialName: item.officialName, since: item.since } : undefined;

/** Who is on duty at a counter (one GetItem; `consistent` when a write follows). */
export const getDuty = async (counterId: string, consistent = false) => dutyOf(await get(keys.duty(counterId), consistent));

/** The counter an official's own item points at (may be stale: check the counter's item). */
export const getOfficialDutyCounter = async (officialId: string): Promise<string | undefined> =>
  (await get(keys.officialDuty(officialId), true))?.counterId;

/** Puts the official at the counter, replacing whoever was there. */
export async function putDuty(duty: Duty): Promise<void> {
  await dynamo().send(new PutItemCommand({ TableName: tableName(), Item: marshall({ ...keys.duty(duty.counterId), entity: 'duty', ...duty }) }));
  await dynamo().send(
    new PutItemCommand({ TableName: tableName(), Item: marshall({ ...keys.officialDuty(duty.officialId), entity: 'official-duty', counterId: duty.counterId, since: duty.since }) }),
  );
}

/** Clears a counter's duty only if this official still holds it (someone may have replaced them). */
export async function deleteDutyIfHeld(counterId: string, officialId: string): Promise<void> {
  try {
    await dynamo().send(
      new DeleteItemCommand({
        TableName: tableName(),
        Key: marshall(keys.duty(counterId)),
        ConditionExpression: 'officialId = :me',
        ExpressionAttributeValues: marshall({ ':me': officialId }),
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}

/** Forgets where an official is on duty. */
export const deleteOfficialDuty = (officialId: string) =>
  dynamo().send(new DeleteItemCommand({ TableName: tableName(), Key: marshall(keys.officialDuty(officialId)) }));

/** Appends to a counter's duty log (the key includes the instant and the official: a retry rewrites the same item). */
export const putDutyEvent = (event: DutyEvent) =>
  dynamo().send(new PutItemCommand({ TableName: tableName(), Item: marshall({ ...keys.dutyEvent(event.counterId, event.at, event.officialId), entity: 'duty-event', ...event }) }));

/** A counter's duty log of one local month, oldest first (the log's sort keys begin with the local instant). */
export async function queryDutyEvents(counterId: string, month: string): Promise<DutyEvent[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :month)',
    ExpressionAttributeValues: marshall({ ':pk': keys.duty(counterId).pk, ':month': `${AUDIT_PREFIX}${month}` }),
    ProjectionExpression: '#type, counterId, officialId, officialName, #at, #by',
    ExpressionAttributeNames: { '#type': 'type', '#at': 'at', '#by': 'by' },
  });
  return items.map((item) => unmarshall(item) as DutyEvent);
}
