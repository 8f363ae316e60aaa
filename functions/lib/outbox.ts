/**
 * The notifications outbox: durable items in the table, written in the same request as the action
 * that causes them, but never blocking it. The delivery job (deliver-notifications) picks pending
 * items by next-attempt time from gsi1 `OUTBOX#PENDING`, retries with backoff, then dead-letters.
 */
import { randomUUID } from 'node:crypto';
import { PutItemCommand, QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Message } from '#shared/notifications';
import { toLocalIso } from '#shared/time';
import { dynamo, tableName } from './dynamo.ts';
import { keys } from './keys.ts';
import { log } from './log.ts';
import { isConditionFailure } from './query.ts';

export const MAX_ATTEMPTS = 5;
/** Delivered and dead items (they hold contact data) leave the table after this many days (TTL). */
const KEEP_DAYS = 30;

/** `skipped`: its channel is not configured in this deployment (never sent, never dead-lettered). */
export type OutboxState = 'pending' | 'delivered' | 'dead' | 'skipped';
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
  return marshall({ ...keys.outbox(entry.id), ...queue, entity: 'outbox', ...entry, expiresAt }, { removeUndefinedValues: true });
}

/** Queues messages; a failure is logged, never thrown: the action that caused them already happened. */
export async function enqueue(messages: Message[], ref: OutboxItem['ref'], now: Date): Promise<void> {
  for (const message of messages) {
    const at = toLocalIso(now);
    const entry: OutboxItem = { ...message, id: randomUUID(), state: 'pending', attempts: 0, createdAt: at, nextAttemptAt: at, ref };
    try {
      await dynamo().send(new PutItemCommand({ TableName: tableName(), Item: itemOf(entry, now), ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (error) {
      log('error', 'outbox enqueue failed', { error, ref, channel: message.channel });
    }
  }
}

/** Pending items whose next attempt is due, oldest first (one query on the pending partition). */
export async function duePending(now: Date, limit = 100): Promise<OutboxItem[]> {
  const page = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
      ExpressionAttributeValues: { ':pk': { S: keys.outboxQueue('PENDING') }, ':now': { S: `${toLocalIso(now)}#~` } },
      Limit: limit,
    }),
  );
  return (page.Items ?? []).map(fromOutboxItem);
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
