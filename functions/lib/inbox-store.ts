/**
 * Inbox access patterns. Records change with optimistic locking (`version`, conditional PutItem:
 * no transactions needed); each change leaves one audit item next to the record, written once.
 */
import { PutItemCommand, QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { ConflictError, BadRequestError } from '#shared/errors';
import { dueSoonLimit, INBOX_VIEWS, queueOf, type InboxQuery, type InboxView } from '#shared/inbox';
import { matchesSearch } from '#shared/search';
import { endOfLocalDay, startOfLocalDay, toLocalIso } from '#shared/time';
import type { AuditEvent, CaseRecord } from '#shared/workflow';
import { dynamo, tableName } from './dynamo.ts';
import { fromItem, getFeedback, toItem } from './feedback-store.ts';
import { AUDIT_PREFIX, keys, queueSortKey } from './keys.ts';
import { isConditionFailure, queryAll, queryPages } from './query.ts';

export const PAGE_SIZE = 50;
const pageLimit = (limit: number | undefined) => Math.min(Math.max(limit ?? PAGE_SIZE, 1), 500);
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

/** Filters DynamoDB applies server side; the search (diacritics-insensitive, contact data) runs here. */
function filterExpression(query: InboxQuery, me?: string) {
  const names: Record<string, string> = {};
  const values: Record<string, AttributeValue> = {};
  const parts: string[] = [];
  const equal = (attribute: string, value: string | undefined) => {
    if (value === undefined) return;
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = { S: value };
    parts.push(`#${attribute} = :${attribute}`);
  };
  if (query.status !== 'open' && query.status !== 'done' && query.status !== 'to-read') equal('status', query.status);
  equal('kind', query.kind);
  equal('channel', query.channel);
  equal('counterId', query.counterId);
  equal('procedureCode', query.procedureCode);
  if (query.view === 'mine' || query.view === 'awaiting-approval') {
    values[':me'] = { S: me ?? '' };
    if (query.view === 'mine') {
      names['#assignee'] = 'assignee';
      parts.push('#assignee = :me');
    } else {
      // A draft not returned, written by someone else: the four-eyes rule's queue.
      Object.assign(names, { '#draft': 'draft', '#by': 'by', '#returned': 'returned' });
      parts.push('attribute_exists(#draft.#by) AND #draft.#by <> :me AND attribute_not_exists(#draft.#returned)');
    }
  }
  if (query.from || query.to) {
    names['#receivedAt'] = 'receivedAt';
    values[':from'] = { S: query.from ? startOfLocalDay(query.from) : '0' };
    values[':to'] = { S: query.to ? endOfLocalDay(query.to) : '9' };
    parts.push('#receivedAt BETWEEN :from AND :to');
  }
  return { names, values, expression: parts.join(' AND ') };
}

/** The queue's sort key bound: overdue (due before now) or due soon (by the end of the next working day). */
function dueBound(query: InboxQuery, now: Date): string | undefined {
  const bounds = [query.overdue === 'true' ? toLocalIso(now) : undefined, query.view === 'due-soon' ? `${dueSoonLimit(now)}~` : undefined].filter((b): b is string => Boolean(b));
  return bounds.sort()[0];
}

/** How many open items each view holds for `me` in a department: one COUNT query per view (open work is bounded). */
export async function countViews(departmentId: string, me: string, now: Date): Promise<Record<InboxView, number>> {
  const counts = await Promise.all(
    INBOX_VIEWS.map(async (view) => {
      const query: InboxQuery = { view };
      const filter = filterExpression(query, me);
      const bound = dueBound(query, now);
      let n = 0;
      for await (const page of queryPages({
        IndexName: 'gsi1',
        KeyConditionExpression: bound ? 'gsi1pk = :pk AND gsi1sk < :due' : 'gsi1pk = :pk',
        ...(filter.expression ? { FilterExpression: filter.expression, ExpressionAttributeNames: filter.names } : {}),
        ExpressionAttributeValues: { ':pk': { S: keys.queue(departmentId, true) }, ...filter.values, ...(bound ? { ':due': { S: bound } } : {}) },
        Select: 'COUNT',
      })) n += page.Count ?? 0;
      return [view, n] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<InboxView, number>;
}

type Position = Cursor | undefined;
const positionOf = (record: CaseRecord): Cursor => ({ s: queueSortKey(record), c: record.trackingCode });

/** The gsi1 partition a view reads; open work and comments to read come oldest first, done work newest first. */
function queuePartition(departmentId: string, status: InboxQuery['status']) {
  const view = queueOf(status);
  return { partition: view === 'to-read' ? keys.readQueue(departmentId) : keys.queue(departmentId, view === 'open'), ascending: view !== 'done', toRead: view === 'to-read' };
}

/**
 * A page of a department's queue (gsi1 `QUEUE#dept#OPEN|DONE`): open work soonest due first, done
 * work latest due first. Reads one index page, a few more only when filters discard most items.
 */
/** `contact`: the search may match contact data (the owning department's own queue only). */
export type QueueOptions = { now: Date; limit?: number; contact?: boolean; me?: string };

export async function queryQueue(departmentId: string, query: InboxQuery, options: QueueOptions) {
  const page = await readQueue(departmentId, query, query.cursor ? decodeCursor(query.cursor) : undefined, options);
  return { records: page.records, nextCursor: page.next ? encodeCursor(page.next) : null };
}

/** One department's page from `start`; `next` is where the following page starts (null: the end). */
async function readQueue(departmentId: string, query: InboxQuery, start: Position, options: QueueOptions) {
  const { partition, ascending: open, toRead } = queuePartition(departmentId, query.status);
  const limit = pageLimit(options.limit);
  const filter = filterExpression(query, options.me);
  // Comments to read have no deadline: none of them is ever overdue or due soon.
  if (toRead && (query.overdue === 'true' || query.view === 'due-soon')) return { records: [], next: null };
  const bound = dueBound(query, options.now);
  const key = bound ? 'gsi1pk = :pk AND gsi1sk < :due' : 'gsi1pk = :pk';
  const values: Record<string, AttributeValue> = { ':pk': { S: partition }, ...filter.values, ...(bound ? { ':due': { S: bound } } : {}) };
  let startKey: Record<string, AttributeValue> | undefined = start
    ? marshall({ ...keys.feedback(start.c), gsi1pk: partition, gsi1sk: start.s })
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
      if (query.q && !matchesSearch(record, query.q, { contact: Boolean(options.contact) })) continue;
      records.push(record);
    }
    startKey = page.LastEvaluatedKey;
    more = Boolean(startKey);
    if (!startKey) break;
  }
  const items = records.slice(0, limit);
  const last = items.at(-1);
  // Cut short: continue after the last item returned; otherwise where the index stopped.
  const next: Cursor | null =
    records.length > limit && last
      ? positionOf(last)
      : more && startKey
        ? { s: String(unmarshall(startKey).gsi1sk), c: String(unmarshall(startKey).pk).slice(3) }
        : null;
  return { records: items, next };
}

/** Where each department's queue continues; a department missing from it has nothing more. */
type Positions = Record<string, string>;
const WHOLE_QUEUE = '';

function decodePositions(text: string, departmentIds: string[]): Map<string, Position> {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Positions;
    const entries = Object.entries(value);
    if (entries.length && entries.every(([id, s]) => departmentIds.includes(id) && typeof s === 'string' && s.length < 200)) {
      return new Map(entries.map(([id, s]) => [id, s === WHOLE_QUEUE ? undefined : { s, c: s.slice(s.lastIndexOf('#') + 1) }]));
    }
  } catch {
    // fall through
  }
  throw new BadRequestError('Invalid cursor; start again from the first page', { code: 'invalid_cursor' });
}

/**
 * A page over several departments' queues merged in queue order (the admin's "all departments").
 * Each page reads each unfinished department once (one Query, a few when filters are selective):
 * about one Query per department per page, fine while departments are a handful. The cursor holds
 * each department's position, so every item comes exactly once. Items past the point where some
 * department stopped reading wait for the next page, so the order holds across pages.
 */
export async function queryQueues(departmentIds: string[], query: InboxQuery, options: QueueOptions) {
  const open = queuePartition(departmentIds[0] ?? '', query.status).ascending;
  const limit = pageLimit(options.limit);
  const starts = query.cursor ? decodePositions(query.cursor, departmentIds) : new Map(departmentIds.map((id) => [id, undefined]));
  const pages = await Promise.all([...starts].map(async ([id, start]) => ({ id, start, ...(await readQueue(id, query, start, { ...options, limit })) })));
  const first = (a: string, b: string) => (open ? a < b : a > b);
  // Nothing unread of any department comes before its `next`: the earliest of those bounds the page.
  const bound = pages.reduce<string | undefined>((min, p) => (p.next && (min === undefined || first(p.next.s, min)) ? p.next.s : min), undefined);
  const merged = pages
    .flatMap((p) => p.records.map((record) => ({ id: p.id, record, s: positionOf(record).s })))
    .filter(({ s }) => bound === undefined || !first(bound, s))
    .sort((a, b) => (a.s === b.s ? 0 : first(a.s, b.s) ? -1 : 1))
    .slice(0, limit);
  const positions: Positions = {};
  for (const page of pages) {
    const taken = merged.filter(({ id }) => id === page.id);
    // All read were shown: continue where the department stopped; else after the last one shown.
    const position: Position | null = taken.length === page.records.length ? page.next : taken.length ? positionOf(taken.at(-1)!.record) : page.start;
    if (position !== null) positions[page.id] = position ? position.s : WHOLE_QUEUE;
  }
  const nextCursor = Object.keys(positions).length ? Buffer.from(JSON.stringify(positions)).toString('base64url') : null;
  return { records: merged.map(({ record }) => record), nextCursor };
}
