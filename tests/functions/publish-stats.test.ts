/**
 * The publication job on dynalite: imported history (the real importer, which writes month
 * markers), one month computed from its own partitions, each record read once, and the figures
 * equal to the same definitions applied to every record of the table.
 */
import { DeleteItemCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '#functions/lib/dynamo';
import { getFeedback, toItem } from '#functions/lib/feedback-store';
import { importCatalog, importFeedbackLine } from '#functions/lib/importer';
import { keys } from '#functions/lib/keys';
import { writeMonthMarkers } from '#functions/lib/month-markers';
import { defaultStatsOutput } from '#functions/lib/stats-output';
import { startStatsStore, type StatsStore } from '#local/stats-store';
import { handler as followUpHandler } from '#functions/follow-up';
import { listStaleMonths } from '#functions/lib/stale-months';
import { defaultMonths, publishStats } from '#functions/publish-stats';
import { handler as rateAnswerHandler } from '#functions/rate-answer';
import type { FeedbackRecord } from '#shared/feedback';
import { computeMonth } from '#shared/stats/month';
import { toStatsRecord } from '#shared/stats/record';
import { startLocalStore, type LocalStore } from '#local/stack';
import { statsCatalog } from './stats-catalog.ts';

const catalog = statsCatalog;

const petition = (counterId: string, receivedAt: string, comment: string, events: object[] = []) =>
  JSON.stringify({ counterId, kind: 'pakn', channel: 'letter', comment, contact: { name: 'Lê Văn Cường', phone: '0912345678' }, consent: true, receivedAt, events });
const rating = (counterId: string, receivedAt: string, value: number) => JSON.stringify({ counterId, kind: 'rating', channel: 'kiosk', rating: value, receivedAt });
const answered = (at: string) => ({ type: 'answered', at, text: 'Đơn vị đã tiếp thu. Liên hệ 0987654321.' });

/** In October 2026: P1 (answered), P2 (open since August), P3, P4, R2. Not: P5, P6, R1. */
const HISTORY = {
  P1: petition('quay-a', '2026-09-15T10:00:00+07:00', 'Answered in October', [answered('2026-10-05T09:00:00+07:00')]),
  P2: petition('quay-b', '2026-08-03T10:00:00+07:00', 'Open since August'),
  P3: petition('quay-a', '2026-10-31T23:30:00+07:00', 'Last minutes of October'),
  P4: petition('quay-b', '2026-10-01T09:00:00+07:00', 'Answered next day', [answered('2026-10-02T09:00:00+07:00'), { type: 'closed', at: '2026-10-05T09:00:00+07:00' }]),
  P5: petition('quay-a', '2026-07-01T09:00:00+07:00', 'Settled in July', [answered('2026-07-10T09:00:00+07:00')]),
  P6: petition('quay-b', '2026-09-20T09:00:00+07:00', 'Settled in September', [answered('2026-09-22T09:00:00+07:00')]),
  R1: rating('quay-a', '2026-11-01T00:15:00+07:00', 5),
  R2: rating('quay-b', '2026-10-10T09:00:00+07:00', 2),
};

let store: LocalStore;
let stats: StatsStore;
const codes: Record<string, string> = {};
const output = () => defaultStatsOutput();
const readText = async (name: string) => (await output().read(name)) ?? '';
const readJson = async (name: string) => JSON.parse(await readText(name));

async function allRecords(): Promise<FeedbackRecord[]> {
  const { Items = [] } = await dynamo().send(new ScanCommand({ TableName: tableName() }));
  return Items.map((i) => unmarshall(i)).filter((i) => i.entity === 'feedback') as FeedbackRecord[];
}

beforeAll(async () => {
  store = await startLocalStore({ persist: false, seed: false });
  stats = await startStatsStore({ persist: false });
  await importCatalog(catalog);
  for (const [name, line] of Object.entries(HISTORY)) {
    const result = await importFeedbackLine(line, 1, new Date());
    if (!('trackingCode' in result)) throw new Error(JSON.stringify(result));
    codes[name] = result.trackingCode;
  }
});
afterAll(async () => {
  await store.close();
  await stats.close();
});

describe('publish-stats job', () => {
  it('reads each record of the month once, and nothing else', async () => {
    // Act
    const [report] = await publishStats(['2026-10'], { output: output(), now: new Date() });
    // Assert
    expect(report).toMatchObject({ month: '2026-10', closed: true, itemsRead: 5, recordsInMonth: 5, written: true });
  });

  it('publishes the same figures as the definitions applied to every record of the table', async () => {
    const published = await readJson('2026-10.json');
    const expected = computeMonth((await allRecords()).map((r) => toStatsRecord(r, '2026-10')), '2026-10', { catalog, now: new Date(), minAnsweredForRank: 10 });
    const { generatedAt, sourceHash, ...figures } = published;
    expect(figures).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(figures.totals).toMatchObject({ received: 3, answered: 2, openAtEnd: 2, openOverdue: 1 });
    expect(generatedAt).toMatch(/\+07:00$/);
    expect(sourceHash).toMatch(/^sha256:/);
  });

  it('writes the CSV with a BOM and the index with the month', async () => {
    expect((await readText('2026-10.csv')).startsWith('\uFEFFscope,')).toBe(true);
    expect((await readJson('index.json')).months.map((m: { month: string }) => m.month)).toContain('2026-10');
  });

  it('publishes no personal data and never a citizen’s own words (none of them agreed)', async () => {
    const text = await readText('2026-10.json');
    expect(text).not.toMatch(/Lê Văn Cường|0912345678|0987654321/);
    expect(text).not.toMatch(/Answered in October|Answered next day/);
    expect((await getFeedback(codes.P1!))!.answer!.text).toBe('Đơn vị đã tiếp thu. Liên hệ [số điện thoại].');
  });

  it('leaves a closed month alone until its source changes, then rewrites it', async () => {
    const first = await readJson('2026-10.json');
    const [same] = await publishStats(['2026-10'], { output: output(), now: new Date() });
    expect(same!.written).toBe(false);
    expect((await readJson('2026-10.json')).generatedAt).toBe(first.generatedAt);

    await importFeedbackLine(rating('quay-a', '2026-10-20T09:00:00+07:00', 4), 1, new Date()); // a late import
    const [late] = await publishStats(['2026-10'], { output: output(), now: new Date(Date.now() + 2000) });
    const second = await readJson('2026-10.json');
    expect(late).toMatchObject({ written: true, itemsRead: 6, recordsInMonth: 6 });
    expect(second.sourceHash).not.toBe(first.sourceHash);
    expect(second.totals.received).toBe(first.totals.received + 1);
  });

  it('moves a rerouted record with its markers to the new department', async () => {
    const record = (await getFeedback(codes.P1!))!;
    const rerouted: FeedbackRecord = { ...record, departmentId: 'so-b', routing: [...record.routing, { at: '2026-10-06T09:00:00+07:00', by: 'x', from: 'so-a', to: 'so-b', rule: 'manual', reason: 'test' }] };
    await dynamo().send(new PutItemCommand({ TableName: tableName(), Item: toItem(rerouted) }));
    await writeMonthMarkers(rerouted, new Date());

    const published = await publishStats(['2026-10'], { output: output(), now: new Date(Date.now() + 4000) });
    const stats = await readJson('2026-10.json');
    expect(published[0]).toMatchObject({ itemsRead: 6, recordsInMonth: 6 });
    expect(stats.departments.find((d: { id: string }) => d.id === 'so-b').answered).toBe(2);
    expect(stats.departments.find((d: { id: string }) => d.id === 'so-a').answered).toBe(0);
  });

  it('carries a record still open when a month closes into the next month', async () => {
    // A marker lost (say, a month the job did not run): closing October brings it back.
    await dynamo().send(new DeleteItemCommand({ TableName: tableName(), Key: marshall(keys.monthMarker(codes.P2!, '2026-11')) }));
    const [october, november] = await publishStats(['2026-10', '2026-11'], { output: output(), now: new Date('2026-11-22T03:00:00Z') });
    expect(october!.carried).toBeGreaterThanOrEqual(1);
    const nov = await readJson('2026-11.json');
    expect(november).toMatchObject({ itemsRead: november!.recordsInMonth });
    expect(nov.departments.find((d: { id: string }) => d.id === 'so-b').openOverdue).toBe(1); // P2
  });

  it('leaves a closed month’s file alone when a record is rerouted later, and counts it for the new department from then on', async () => {
    // Arrange: P2 (so-b, open since August) is rerouted to so-a in November.
    const now = new Date('2026-11-22T04:00:00Z');
    const october = await readJson('2026-10.json');
    const openOverdueIn = (month: { departments: { id: string; openOverdue: number }[] }, id: string) => month.departments.find((d) => d.id === id)!.openOverdue;
    const before = await readJson('2026-11.json');
    const record = (await getFeedback(codes.P2!))!;
    const rerouted: FeedbackRecord = { ...record, departmentId: 'so-a', routing: [...record.routing, { at: '2026-11-20T09:00:00+07:00', by: 'x', from: 'so-b', to: 'so-a', rule: 'manual', reason: 'test' }] };
    await dynamo().send(new PutItemCommand({ TableName: tableName(), Item: toItem(rerouted) }));
    await writeMonthMarkers(rerouted, now);

    // Act
    const [octoberAgain, november] = await publishStats(['2026-10', '2026-11'], { output: output(), now });

    // Assert
    expect(octoberAgain).toMatchObject({ written: false });
    expect((await readJson('2026-10.json')).sourceHash).toBe(october.sourceHash);
    const nov = await readJson('2026-11.json');
    expect(november).toMatchObject({ itemsRead: november!.recordsInMonth });
    expect(openOverdueIn(nov, 'so-a')).toBe(openOverdueIn(before, 'so-a') + 1);
    expect(openOverdueIn(nov, 'so-b')).toBe(openOverdueIn(before, 'so-b') - 1);
  });
});

/** A citizen's route called as API Gateway would call it. */
async function post(handler: typeof rateAnswerHandler, code: string, body: unknown) {
  const event = { rawPath: '/api/feedback', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(body), pathParameters: { trackingCode: code }, requestContext: {} };
  const response = await handler(event as never, {} as never);
  if (response.statusCode! >= 300) throw new Error(`${response.statusCode} ${response.body}`);
}

describe('Decision 766 after the month closed', () => {
  it('lowers the published pakn.satisfactionRate of the answer’s department when the answer is rated dissatisfied or followed up; a low service rating alone does not', async () => {
    // Arrange: two petitions to so-b in October, answered on time; P7 also rated the service 1 at the counter.
    const imported = async (line: string) => ((await importFeedbackLine(line, 1, new Date())) as { trackingCode: string }).trackingCode;
    const withServiceRating = JSON.stringify({ ...JSON.parse(petition('quay-b', '2026-10-06T09:00:00+07:00', 'Rated the service 1', [answered('2026-10-07T09:00:00+07:00')])), rating: 1 });
    const p7 = await imported(withServiceRating);
    const p8 = await imported(petition('quay-b', '2026-10-08T09:00:00+07:00', 'Followed up', [answered('2026-10-09T09:00:00+07:00')]));
    const soB = async () => (await readJson('2026-10.json')).departments.find((d: { id: string }) => d.id === 'so-b').pakn;
    await publishStats(['2026-10'], { output: output(), now: new Date(Date.now() + 6000) });
    const before = await soB();

    // Act: the citizens rate P7's answer dissatisfied and follow P8 up; the next scheduled run.
    await post(rateAnswerHandler, p7, { rating: 'dissatisfied' });
    await post(followUpHandler, p8, { text: 'Trả lời chưa giải quyết được việc của tôi.' });
    const flagged = (await listStaleMonths()).map((f) => f.month);
    const now = new Date(Date.now() + 8000);
    const months = await defaultMonths('running', { output: output(), now });
    const [october] = (await publishStats(months, { output: output(), now })).filter((r) => r.month === '2026-10');
    const after = await soB();

    // Assert: P4, P7, P8 received in October, none overdue; the service rating 1 counted for nothing.
    expect(before).toMatchObject({ received: 3, dissatisfied: 0, overdue: 0, satisfactionRate: 1 });
    expect(flagged).toContain('2026-10');
    expect(months).toContain('2026-10');
    expect(october).toMatchObject({ written: true });
    expect(after).toMatchObject({ received: 3, dissatisfied: 2, overdue: 0, satisfactionRate: (3 - 2) / 3 });
    expect((await listStaleMonths()).map((f) => f.month)).not.toContain('2026-10');
  });
});
