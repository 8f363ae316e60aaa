/**
 * Open work per status of a department at O(1) per inbox page, whatever the backlog.
 *
 * One counter item per department (`COUNTS#dept`): one number per open status, `asOf`, `gen` and `seq`.
 * The public submission stays one write (no counter update), so a department's counts are
 *   counter values + records received since `asOf` that no action has changed yet;
 * the second part is one Query of the month index after `asOf`, as small as the time since the
 * last reconciliation. A record is "in the counter" once an action changed it (`counted`, written
 * with the record) or when it was received before `asOf`; each action then moves it with an
 * atomic ADD. The reconciliation job recomputes the counter from the queue, so drift from a crash
 * between the record write and the counter write heals.
 *
 * Races without transactions: writers read the counter before their record write and ADD only if
 * `gen` (bumped by every reconciliation) is unchanged; the reconciliation writes only if `seq`
 * (bumped by every write) is unchanged.
 * The loser recomputes the department from the queue.
 */
import { GetItemCommand, PutItemCommand, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { OPEN_STATUSES, type FeedbackRecord, type Status } from '#shared/feedback';
import { addMonths, localMonthOf, toLocalIso } from '#shared/time';
import { dynamo, tableName } from './dynamo.ts';
import { keys } from './keys.ts';
import { log } from './log.ts';
import { isConditionFailure, queryAll } from './query.ts';

/** Records received this close to a reconciliation may still be in flight: they stay "new". */
const IN_FLIGHT_MS = 5 * 60_000;
/** Past this many months of new records (reconciliation not running) the page counts the queue. */
const MAX_NEW_MONTHS = 3;

export type Counter = { asOf: string; gen: number; seq: number; counts: Record<string, number> };
/** Counter of each department a write touches, read before the write (undefined: none yet). */
export type Counters = Map<string, Counter | undefined>;
type Counted = { record: FeedbackRecord; counted: boolean };

/** A department's counter item (strongly consistent: it is compared with what a write read). */
export async function readCounter(departmentId: string): Promise<Counter | undefined> {
  const { Item } = await dynamo().send(
    new GetItemCommand({ TableName: tableName(), Key: marshall(keys.inboxCounts(departmentId)), ConsistentRead: true }),
  );
  if (!Item?.asOf?.S) return undefined;
  const counts = Object.fromEntries(OPEN_STATUSES.map((s) => [s, Number(Item[s]?.N ?? 0)]));
  return { asOf: Item.asOf.S, gen: Number(Item.gen?.N ?? 0), seq: Number(Item.seq?.N ?? 0), counts };
}

export async function readCounters(departmentIds: string[]): Promise<Counters> {
  const unique = [...new Set(departmentIds)];
  return new Map(await Promise.all(unique.map(async (id) => [id, await readCounter(id)] as const)));
}

/** The open status a record adds to its department's counts, if it is open work at all. */
const openStatus = (record: Pick<FeedbackRecord, 'dueAt' | 'status'>): Status | undefined =>
  record.dueAt !== null && OPEN_STATUSES.includes(record.status) ? record.status : undefined;

/** Whether the counter (not the "new records" query) holds this record. */
const inCounter = (record: { receivedAt: string; counted?: boolean }, asOf: string) => Boolean(record.counted) || record.receivedAt < asOf;

/** One pass over a department's open queue: counts of the records the counter holds (all without `asOf`). */
async function countQueue(departmentId: string, asOf?: string): Promise<Record<string, number>> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': { S: keys.queue(departmentId, true) } },
    ProjectionExpression: '#s, receivedAt, counted',
    ExpressionAttributeNames: { '#s': 'status' },
  });
  const counts: Record<string, number> = {};
  for (const item of items) {
    const record = { receivedAt: item.receivedAt?.S ?? '', counted: item.counted?.BOOL };
    if (asOf && !inCounter(record, asOf)) continue;
    const status = item.status?.S ?? 'unknown';
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

/** Open records received since `asOf` that no action changed yet, per status (month index, after `asOf`). */
async function countNew(departmentId: string, asOf: string, now: Date): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let month = localMonthOf(asOf); month <= localMonthOf(now); month = addMonths(month, 1)) {
    const items = await queryAll({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk > :asOf',
      FilterExpression: 'attribute_not_exists(counted) AND gsi1pk = :open',
      ExpressionAttributeValues: { ':pk': { S: keys.month(departmentId, month) }, ':asOf': { S: asOf }, ':open': { S: keys.queue(departmentId, true) } },
      ProjectionExpression: '#s',
      ExpressionAttributeNames: { '#s': 'status' },
    });
    for (const item of items) {
      const status = item.status?.S ?? 'unknown';
      counts[status] = (counts[status] ?? 0) + 1;
    }
  }
  return counts;
}

/** Open work per status for the inbox: one GetItem and one small Query (read-only). */
export async function countOpenByStatus(departmentId: string, now: Date): Promise<Record<string, number>> {
  const counter = await readCounter(departmentId);
  if (!counter || localMonthOf(counter.asOf) < addMonths(localMonthOf(now), -MAX_NEW_MONTHS)) {
    log('warn', 'inbox counts from the whole queue: counter missing or stale', { departmentId, asOf: counter?.asOf });
    return countQueue(departmentId);
  }
  const fresh = await countNew(departmentId, counter.asOf, now);
  const counts: Record<string, number> = {};
  for (const status of new Set([...Object.keys(counter.counts), ...Object.keys(fresh)])) {
    const n = (counter.counts[status] ?? 0) + (fresh[status] ?? 0);
    if (n < 0) log('warn', 'inbox counter below zero until the next reconciliation', { departmentId, status, n });
    if (n > 0) counts[status] = n;
  }
  return counts;
}

/** Recomputes a department's counter from its open queue; retries while actions move counts meanwhile. */
export async function reconcileCounts(departmentId: string, now: Date): Promise<Record<string, number>> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = await readCounter(departmentId);
    const asOf = toLocalIso(now.getTime() - IN_FLIGHT_MS);
    const counts = await countQueue(departmentId, asOf);
    const numbers = Object.fromEntries(OPEN_STATUSES.map((s) => [s, counts[s] ?? 0]));
    try {
      await dynamo().send(
        new PutItemCommand({
          TableName: tableName(),
          Item: marshall({ ...keys.inboxCounts(departmentId), entity: 'inbox-counts', asOf, gen: (before?.gen ?? 0) + 1, seq: (before?.seq ?? 0) + 1, ...numbers }),
          ...(before
            ? { ConditionExpression: 'seq = :seq', ExpressionAttributeValues: { ':seq': { N: String(before.seq) } } }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      );
      return numbers;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  throw new Error(`inbox counts of ${departmentId} kept changing during reconciliation`);
}

/** ADDs `delta` to a department's counter if nobody reconciled it since `counter` was read; else reconciles. */
async function addToCounter(departmentId: string, counter: Counter | undefined, delta: Record<string, number>, now: Date): Promise<void> {
  const entries = Object.entries(delta).filter(([, n]) => n !== 0);
  if (!entries.length) return;
  // No counter yet: pages count the queue; if one appeared meanwhile it may have missed this write.
  if (!counter) {
    if (await readCounter(departmentId)) await reconcileCounts(departmentId, now);
    return;
  }
  const names: Record<string, string> = {};
  const values: Record<string, AttributeValue> = { ':one': { N: '1' }, ':gen': { N: String(counter.gen) } };
  entries.forEach(([status, n], i) => {
    names[`#s${i}`] = status;
    values[`:n${i}`] = { N: String(n) };
  });
  try {
    await dynamo().send(
      new UpdateItemCommand({
        TableName: tableName(),
        Key: marshall(keys.inboxCounts(departmentId)),
        UpdateExpression: `ADD seq :one, ${entries.map((_, i) => `#s${i} :n${i}`).join(', ')}`,
        ConditionExpression: 'gen = :gen',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    await reconcileCounts(departmentId, now);
  }
}

/**
 * Moves a record in the counters after its write: out of where it was counted (`before`, if the
 * counter held it), into where it is now (`after`: counted if an action wrote it, else only if
 * received before `asOf`). `counters` were read before the record write.
 */
export async function moveInCounts(counters: Counters, before: Counted | undefined, after: Counted, now: Date): Promise<void> {
  const deltas = new Map<string, Record<string, number>>();
  const add = ({ record, counted }: Counted, n: number) => {
    const status = openStatus(record);
    const counter = counters.get(record.departmentId);
    if (!status || (counter && !inCounter({ receivedAt: record.receivedAt, counted }, counter.asOf))) return;
    const delta = deltas.get(record.departmentId) ?? {};
    delta[status] = (delta[status] ?? 0) + n;
    deltas.set(record.departmentId, delta);
  };
  if (before) add(before, -1);
  add(after, 1);
  await Promise.all([...deltas].map(([departmentId, delta]) => addToCounter(departmentId, counters.get(departmentId), delta, now)));
}
