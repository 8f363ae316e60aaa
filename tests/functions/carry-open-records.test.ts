/**
 * Carrying open records into the months after a closed one (carryOpenRecords) on dynalite: the
 * markers it writes from the job's copies are exactly those refreshMonthMarkers would write, and a
 * record written to after its copy was read still ends with the markers of its newest state.
 */
import { DeleteItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '#functions/lib/dynamo';
import { getFeedback, toItem } from '#functions/lib/feedback-store';
import { importCatalog, importFeedbackLine } from '#functions/lib/importer';
import { keys } from '#functions/lib/keys';
import { carryOpenRecords, refreshMonthMarkers, writeMonthMarkers } from '#functions/lib/month-markers';
import { chunks, inPool } from '#functions/lib/pool';
import { queryMonth } from '#functions/lib/stats-store';
import type { FeedbackRecord } from '#shared/feedback';
import type { StatsRecord } from '#shared/stats/record';
import { startLocalStore, type LocalStore } from '#local/stack';
import { statsCatalog } from './stats-catalog.ts';

const catalog = statsCatalog;
const MONTH = '2026-10';
const NOW = new Date('2027-01-10T03:00:00Z'); // October closed; November, December, January to carry into
const petition = (counterId: string, receivedAt: string, comment: string) =>
  JSON.stringify({ counterId, kind: 'pakn', channel: 'letter', comment, contact: { name: 'Lê Văn Cường', phone: '0912345678' }, consent: true, receivedAt, events: [] });

let store: LocalStore;
const codes: string[] = [];

/** A record's marker items, whole, by month. */
async function markersOf(code: string): Promise<Record<string, unknown>> {
  const { Items = [] } = await dynamo().send(
    new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)', ExpressionAttributeValues: marshall({ ':pk': `FB#${code}`, ':m': 'MONTH#' }), ConsistentRead: true }),
  );
  return Object.fromEntries(Items.map((i) => unmarshall(i)).map((m) => [m.sk, m]));
}
const deleteLaterMarkers = (code: string) =>
  Promise.all(['2026-11', '2026-12', '2027-01'].map((m) => dynamo().send(new DeleteItemCommand({ TableName: tableName(), Key: marshall(keys.monthMarker(code, m)) }))));
/** What the job has after reading October: the open records' copies. */
async function openCopies(): Promise<StatsRecord[]> {
  const parts = await Promise.all(catalog.departments.map((d) => queryMonth(d.id, MONTH)));
  return parts.flatMap((p) => p.records).filter((r) => r.dueAt !== null && !r.resolvedAt && r.status !== 'spam');
}

beforeAll(async () => {
  store = await startLocalStore({ persist: false, seed: false });
  await importCatalog(catalog);
  const lines = [
    petition('quay-a', '2026-08-03T10:00:00+07:00', 'Open since August'),
    petition('quay-b', '2026-09-30T23:30:00+07:00', 'Open since the last minutes of September'),
    petition('quay-a', '2026-10-31T23:30:00+07:00', 'Open since the last minutes of October'),
    petition('quay-b', '2026-10-02T09:00:00+07:00', 'Open since early October'),
  ];
  for (const line of lines) {
    const result = await importFeedbackLine(line, 1, new Date());
    if (!('trackingCode' in result)) throw new Error(JSON.stringify(result));
    codes.push(result.trackingCode);
  }
});
afterAll(() => store.close());

describe('carryOpenRecords', () => {
  it('writes the same markers refreshMonthMarkers would have written', async () => {
    // Arrange: the careful path's markers, then the months after October removed again
    for (const code of codes) await refreshMonthMarkers(code, NOW);
    const expected = await Promise.all(codes.map(markersOf));
    await Promise.all(codes.map(deleteLaterMarkers));
    const copies = await openCopies();
    // Act
    const report = await carryOpenRecords(copies, MONTH, NOW);
    // Assert
    expect(await Promise.all(codes.map(markersOf))).toEqual(expected);
    expect(Object.keys(expected[0]!)).toEqual(expect.arrayContaining(['MONTH#2026-11', 'MONTH#2026-12', 'MONTH#2027-01']));
    expect(report).toMatchObject({ carried: 4, markersWritten: 12, refreshed: 0, requests: 2 }); // one BatchWriteItem, one BatchGetItem
    for (const code of codes) expect(await refreshMonthMarkers(code, NOW)).toBe(0);
  });

  it('is idempotent: a second run writes the same markers and finds nothing to refresh', async () => {
    const before = await Promise.all(codes.map(markersOf));
    const report = await carryOpenRecords(await openCopies(), MONTH, NOW);
    expect(report.refreshed).toBe(0);
    expect(await Promise.all(codes.map(markersOf))).toEqual(before);
  });

  it('leaves the markers of the newest state when records change after the job read them', async () => {
    // Arrange: the job reads its copies; meanwhile one record is answered in December, one closed in November
    const copies = await openCopies();
    const [answeredCode, closedCode] = [codes[0]!, codes[1]!];
    const answered: FeedbackRecord = { ...(await getFeedback(answeredCode))!, status: 'answered', answer: { text: 'Đã trả lời.', answeredAt: '2026-12-05T09:00:00+07:00' } };
    const closed: FeedbackRecord = { ...(await getFeedback(closedCode))!, status: 'closed', closedAt: '2026-11-20T09:00:00+07:00' };
    for (const record of [answered, closed]) {
      await dynamo().send(new PutItemCommand({ TableName: tableName(), Item: toItem(record) }));
      await writeMonthMarkers(record, NOW);
    }
    // Act: the blind writes overtake the writers' markers with the old copies
    const report = await carryOpenRecords(copies, MONTH, NOW);
    // Assert
    expect(report.refreshed).toBe(2);
    for (const code of codes) expect(await refreshMonthMarkers(code, NOW)).toBe(0);
    const answeredMarkers = await markersOf(answeredCode);
    expect(Object.keys(answeredMarkers)).not.toContain('MONTH#2027-01');
    expect((answeredMarkers['MONTH#2026-12'] as { stats: StatsRecord }).stats.answeredAt).toBe('2026-12-05T09:00:00+07:00');
    expect(Object.keys(await markersOf(closedCode)).filter((sk) => sk > `MONTH#${MONTH}`)).toEqual([]);
  });
});

describe('inPool', () => {
  it('keeps at most the limit in flight and returns results in input order', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await inPool([...Array(20).keys()], 3, async (i) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, (i % 4) * 2));
      inFlight--;
      return i * 2;
    });
    expect(most).toBe(3);
    expect(results).toEqual([...Array(20).keys()].map((i) => i * 2));
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
