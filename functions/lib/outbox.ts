/**
 * The notifications outbox: durable items in the table, written in the same request as the action
 * that causes them, but never blocking it. The delivery job (deliver-notifications) picks pending
 * items by next-attempt time from gsi1 `OUTBOX#PENDING`, retries with backoff, then dead-letters.
 */
import { randomUUID } from 'node:crypto';
import { PutItemCommand, QueryCommand, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { ORIGINAL_ANSWERED, type CitizenNotice, type Message } from '#shared/notifications';
import { toLocalIso } from '#shared/time';
import { dynamo, tableName } from './dynamo.ts';
import { keys } from './keys.ts';
import { log } from './log.ts';
import { isConditionFailure, queryAll } from './query.ts';

export const MAX_ATTEMPTS = 5;
/** Delivered and dead items (they hold contact data) leave the table after this many days (TTL). */
const KEEP_DAYS = 30;

/**
 * `skipped`: its channel is not configured in this deployment (never sent, never dead-lettered).
 * `erased`: the citizen's contact data was erased before it was sent; it never will be.
 */
export type OutboxState = 'pending' | 'delivered' | 'dead' | 'skipped' | 'erased';
const CITIZEN_NOTICES: readonly string[] = [...(['received', 'info-requested', 'answer-published'] satisfies CitizenNotice[]), ORIGINAL_ANSWERED];
export type OutboxItem = Message & {
  id: string;
  state: OutboxState;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
  deliveredAt?: string;
  lastError?: string;
  /** What caused it, for the operator: a tracking code or an alert. */
  ref: { trackingCode?: string; departmentId?: string; kind: string };
  /** A citizen's notice: stored in its record's outbox partition (keys.outbox), found again on erasure. */
  recordKey?: string;
};

/** The stored item of an outbox entry (also sized by `npm run cost`). */
export function itemOf(entry: OutboxItem, now: Date) {
  const queue =
    entry.state === 'pending'
      ? { gsi1pk: keys.outboxQueue('PENDING'), gsi1sk: `${entry.nextAttemptAt}#${entry.id}` }
      : entry.state === 'dead'
        ? { gsi1pk: keys.outboxQueue('DEAD'), gsi1sk: `${entry.createdAt}#${entry.id}` }
        : {};
  const expiresAt = entry.state === 'pending' ? undefined : Math.floor(now.getTime() / 1000) + KEEP_DAYS * 86_400;
  return marshall({ ...keys.outbox(entry.id, entry.recordKey), ...queue, entity: 'outbox', ...entry, expiresAt }, { removeUndefinedValues: true });
}

/**
 * Queues messages; a failure is logged, never thrown: the action that caused them already happened.
 * With `onceKey` each message's id is `onceKey` and its channel, so queuing it again (a replay, two
 * requests racing) adds nothing.
 */
export async function enqueue(messages: Message[], ref: OutboxItem['ref'], now: Date, onceKey?: string): Promise<void> {
  for (const message of messages) {
    const at = toLocalIso(now);
    const recordKey = ref.trackingCode && CITIZEN_NOTICES.includes(ref.kind) ? ref.trackingCode : undefined;
    const id = onceKey ? `${onceKey}-${message.channel}` : randomUUID();
    const entry: OutboxItem = { ...message, id, state: 'pending', attempts: 0, createdAt: at, nextAttemptAt: at, ref, ...(recordKey ? { recordKey } : {}) };
    try {
      await dynamo().send(new PutItemCommand({ TableName: tableName(), Item: itemOf(entry, now), ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (error) {
      if (onceKey && isConditionFailure(error)) continue; // already queued once
      log('error', 'outbox enqueue failed', { error, ref, channel: message.channel });
    }
  }
}

/** Pending items whose next attempt is due, oldest first, at most `limit` (pages of 100 of the pending partition). */
export async function duePending(now: Date, limit = 100): Promise<OutboxItem[]> {
  const items: OutboxItem[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
        ExpressionAttributeValues: { ':pk': { S: keys.outboxQueue('PENDING') }, ':now': { S: `${toLocalIso(now)}#~` } },
        Limit: Math.min(100, limit - items.length),
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []).map(fromOutboxItem));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length < limit);
  return items;
}

/**
 * Erasure: a record's citizen notices lose their recipient and text (one Query on the record's
 * outbox partition, one conditional update each); those not yet sent never will be. Returns how many.
 */
export async function eraseRecordNotices(trackingCode: string): Promise<number> {
  let erased = 0;
  // A delivery runner may move an item on meanwhile (condition fails): read again, a few times.
  for (let round = 0; round < 3; round++) {
    const items = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: keys.outbox('', trackingCode).pk } }, ConsistentRead: true });
    let conflicts = 0;
    for (const item of items.map(fromOutboxItem)) {
      if (item.to === undefined) continue;
      const pending = item.state === 'pending';
      try {
        await dynamo().send(
          new UpdateItemCommand({
            TableName: tableName(),
            Key: marshall(keys.outbox(item.id, trackingCode)),
            // A pending one leaves the delivery queue; a runner that claimed it cannot record it back (its state changed).
            UpdateExpression: `REMOVE #to, #text, #subject, gsi1pk, gsi1sk${pending ? ' SET #state = :erased' : ''}`,
            ConditionExpression: '#state = :state',
            ExpressionAttributeNames: { '#to': 'to', '#text': 'text', '#subject': 'subject', '#state': 'state' },
            ExpressionAttributeValues: { ':state': { S: item.state }, ...(pending ? { ':erased': { S: 'erased' } } : {}) },
          }),
        );
        erased++;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        conflicts++;
      }
    }
    if (!conflicts) break;
  }
  return erased;
}

/** The oldest pending item (for the age metric), or undefined when the outbox is empty. */
export async function oldestPending(): Promise<OutboxItem | undefined> {
  const page = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: keys.outboxQueue('PENDING') } },
      Limit: 1,
    }),
  );
  return page.Items?.[0] ? fromOutboxItem(page.Items[0]) : undefined;
}

function fromOutboxItem(item: Record<string, AttributeValue>): OutboxItem {
  const { pk, sk, gsi1pk, gsi1sk, entity, expiresAt, ...entry } = unmarshall(item);
  return entry as OutboxItem;
}

/** Records the outcome of one attempt, only if no other runner recorded one since (attempt count). */
export async function recordAttempt(entry: OutboxItem, next: OutboxItem, now: Date): Promise<boolean> {
  try {
    await dynamo().send(
      new PutItemCommand({
        TableName: tableName(),
        Item: itemOf(next, now),
        ConditionExpression: 'attempts = :attempts AND #state = :pending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':attempts': { N: String(entry.attempts) }, ':pending': { S: 'pending' } },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Backoff after a failed attempt: 1, 4, 16, 64 minutes. */
export const retryDelayMs = (attempts: number) => 60_000 * 4 ** Math.max(0, attempts - 1);
