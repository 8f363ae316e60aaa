/**
 * Inbox access patterns. Records change with optimistic locking (`version`, conditional PutItem:
 * no transactions needed); each change leaves one audit item next to the record, written once.
 */
import { PutItemCommand, QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { ConflictError, BadRequestError } from '#shared/errors';
import { queueOf, type InboxQuery } from '#shared/inbox';
import { matchesQuery } from '#shared/text';
import { endOfLocalDay, startOfLocalDay, toLocalIso } from '#shared/time';
import type { AuditEvent, CaseRecord } from '#shared/workflow';
import { dynamo, tableName } from './dynamo.ts';
import { fromItem, getFeedback, toItem } from './feedback-store.ts';
import { AUDIT_PREFIX, keys } from './keys.ts';
import { isConditionFailure, queryAll } from './query.ts';

export const PAGE_SIZE = 50;
/** A filtered page reads at most this many index pages: "about one query" even when filters are selective. */
const MAX_QUERIES_PER_PAGE = 3;

/** One record with its version (strongly consistent: actions read what they are about to change). */
export const getCase = (trackingCode: string) => getFeedback(trackingCode) as Promise<CaseRecord | undefined>;

/** Writes the record if nobody changed it since `expectedVersion` was read; 409 otherwise. */
export async function saveCase(record: CaseRecord, expectedVersion: number): Promise<void> {
  try {
    await dynamo().send(
      new PutItemCommand({
        TableName: tableName(),
        // `counted`: the inbox counters hold this record from now on (see inbox-counts.ts).
        Item: { ...toItem(record), counted: { BOOL: true } },
        ...(expectedVersion === 0
          ? { ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(version)' }
          : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': { N: String(expectedVersion) } } }),
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) {
      throw new ConflictError('Someone changed this record at the same time; reload it and try again', { code: 'concurrent_update' });
    }
    throw error;
  }
}

/** Appends one audit event; its key is the version it produced, so it can never be overwritten. */
export async function putAuditEvent(trackingCode: string, event: AuditEvent): Promise<void> {
  await dynamo().send(
    new PutItemCommand({
      TableName: tableName(),
      Item: marshall({ ...keys.auditEvent(trackingCode, event.version), entity: 'audit', ...event }, { removeUndefinedValues: true }),
      ConditionExpression: 'attribute_not_exists(sk)',
    }),
  );
}

/** The audit trail of one record, oldest first (one query on its partition). */
export async function listAuditEvents(trackingCode: string): Promise<AuditEvent[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': { S: keys.feedback(trackingCode).pk }, ':prefix': { S: AUDIT_PREFIX } },
    ConsistentRead: true,
  });
  return items.map((item) => {
    const { pk, sk, entity, ...event } = unmarshall(item);
    return event as AuditEvent;
  });
}

type Cursor = { s: string; c: string };
const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');
function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (typeof value.s === 'string' && typeof value.c === 'string' && value.s.length < 200 && value.c.length < 40) return value;
  } catch {
    // fall through
  }
  throw new BadRequestError('Invalid cursor; start again from the first page', { code: 'invalid_cursor' });
}

/** Filters DynamoDB applies server side; the comment search (diacritics-insensitive) runs here. */
function filterExpression(query: InboxQuery) {
  const names: Record<string, string> = {};
  const values: Record<string, AttributeValue> = {};
  const parts: string[] = [];
  const equal = (attribute: string, value: string | undefined) => {
    if (value === undefined) return;
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = { S: value };
    parts.push(`#${attribute} = :${attribute}`);
  };
  if (query.status !== 'open' && query.status !== 'done') equal('status', query.status);
  equal('kind', query.kind);
  equal('channel', query.channel);
  equal('counterId', query.counterId);
  equal('procedureCode', query.procedureCode);
  if (query.from || query.to) {
    names['#receivedAt'] = 'receivedAt';
    values[':from'] = { S: query.from ? startOfLocalDay(query.from) : '0' };
    values[':to'] = { S: query.to ? endOfLocalDay(query.to) : '9' };
    parts.push('#receivedAt BETWEEN :from AND :to');
  }
  return { names, values, expression: parts.join(' AND ') };
}

/**
 * A page of a department's queue (gsi1 `QUEUE#dept#OPEN|DONE`): open work soonest due first, done
 * work latest due first. Reads one index page, a few more only when filters discard most items.
 */
export async function queryQueue(departmentId: string, query: InboxQuery, options: { now: Date; limit?: number }) {
  const open = queueOf(query.status) === 'open';
  const partition = keys.queue(departmentId, open);
  const limit = Math.min(Math.max(options.limit ?? PAGE_SIZE, 1), 500);
  const filter = filterExpression(query);
  const overdue = query.overdue === 'true';
  const key = overdue ? 'gsi1pk = :pk AND gsi1sk < :now' : 'gsi1pk = :pk';
  const values: Record<string, AttributeValue> = { ':pk': { S: partition }, ...filter.values, ...(overdue ? { ':now': { S: toLocalIso(options.now) } } : {}) };
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  let startKey: Record<string, AttributeValue> | undefined = cursor
    ? marshall({ ...keys.feedback(cursor.c), gsi1pk: partition, gsi1sk: cursor.s })
    : undefined;
  const records: CaseRecord[] = [];
  let more = false;
  for (let round = 0; round < MAX_QUERIES_PER_PAGE && records.length < limit; round++) {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: key,
        ...(filter.expression ? { FilterExpression: filter.expression, ExpressionAttributeNames: filter.names } : {}),
        ExpressionAttributeValues: values,
        ScanIndexForward: open,
        Limit: filter.expression || query.q ? limit * 4 : limit + 1,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const record = fromItem(item) as CaseRecord;
      if (query.q && !matchesQuery(record.comment ?? '', query.q)) continue;
      records.push(record);
    }
    startKey = page.LastEvaluatedKey;
    more = Boolean(startKey);
    if (!startKey) break;
  }
  const items = records.slice(0, limit);
  const last = items.at(-1);
  // Cut short: continue after the last item returned; otherwise where the index stopped.
  const nextCursor =
    records.length > limit && last
      ? encodeCursor({ s: `${last.dueAt}#${last.trackingCode}`, c: last.trackingCode })
      : more && startKey
        ? encodeCursor({ s: String(unmarshall(startKey).gsi1sk), c: String(unmarshall(startKey).pk).slice(3) })
        : null;
  return { records: items, nextCursor };
}
