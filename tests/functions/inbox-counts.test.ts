/** Open counts of GET /api/inbox from the per-department counter: right after every action, import, and reconciliation. */
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '#functions/lib/dynamo';
import { readCounter, readCounters, moveInCounts, reconcileCounts } from '#functions/lib/inbox-counts';
import { getCase, saveCase } from '#functions/lib/inbox-store';
import { importFeedbackLine } from '#functions/lib/importer';
import { keys } from '#functions/lib/keys';
import { handler as reconcileJob } from '#functions/reconcile-inbox-counts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer, submitPetition, tokenFor } from '../support/inbox.ts';

let api: TestApi;
let lan: Record<string, string>;
let minh: Record<string, string>;
let tuan: Record<string, string>;

beforeAll(async () => {
  api = await startTestApi({ auth: true });
  lan = bearer(await tokenFor(api, 'tuphap.lan'));
  minh = bearer(await tokenFor(api, 'tuphap.minh'));
  tuan = bearer(await tokenFor(api, 'xaydung.tuan'));
});
afterAll(() => api?.close());

const TU_PHAP = 'so-tu-phap';
const XAY_DUNG = 'so-xay-dung';
const act = async (code: string, body: unknown, headers = lan) => {
  const response = await api.request('POST', `/api/inbox/${code}/actions`, { headers, body });
  expect(response.status, response.text).toBe(200);
  return response.json as { status: string };
};

/** What the page says. */
async function pageCounts(headers: Record<string, string>): Promise<Record<string, number>> {
  const response = await api.request('GET', '/api/inbox', { headers });
  expect(response.status, response.text).toBe(200);
  return response.json.counts.byStatus;
}

/** The truth: every open item of the queue, paged through the API and counted here. */
async function queueCounts(headers: Record<string, string>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let cursor: string | null = null;
  do {
    const response = await api.request('GET', `/api/inbox?limit=500${cursor ? `&cursor=${cursor}` : ''}`, { headers });
    for (const item of response.json.items as { status: string }[]) counts[item.status] = (counts[item.status] ?? 0) + 1;
    cursor = response.json.nextCursor;
  } while (cursor);
  return counts;
}

async function expectCountsRight() {
  for (const headers of [lan, tuan]) expect(await pageCounts(headers)).toEqual(await queueCounts(headers));
}

const reconcileAll = () => Promise.all([TU_PHAP, XAY_DUNG].map((d) => reconcileCounts(d, new Date())));

/** A petition received weeks ago (imported): after a reconciliation the counter itself holds it. */
const oldLine = (n: number) => ({ counterId: 'stp-quay-02', kind: 'pakn', channel: 'web', comment: `Kiến nghị số ${n} nhận qua hòm thư.`, contact: { name: 'Lê Văn Cường', phone: '0903123456' }, consent: true, receivedAt: '2026-10-02T09:15:00+07:00' });
async function importOld(n: number): Promise<string> {
  const imported = await importFeedbackLine(JSON.stringify(oldLine(n)), n, new Date());
  if (!('created' in imported) || !imported.created) throw new Error(`import failed: ${JSON.stringify(imported)}`);
  return imported.trackingCode;
}

describe('inbox open counts', () => {
  it('before any reconciliation the page counts the queue itself', async () => {
    await submitPetition(api, TU_PHAP);
    await submitPetition(api, TU_PHAP);
    expect(await readCounter(TU_PHAP)).toBeUndefined();
    expect(await pageCounts(lan)).toEqual({ received: 2 });
  });

  it('stay right through acknowledge, answer, approve, close, reroute and spam, for old and new records', async () => {
    const old = [await importOld(1), await importOld(2), await importOld(3)];
    await reconcileAll();
    expect((await readCounter(TU_PHAP))?.counts.received).toBe(3); // the two live ones count as "received since"

    const fresh = [await submitPetition(api, TU_PHAP), await submitPetition(api, TU_PHAP), await submitPetition(api, TU_PHAP)];
    await expectCountsRight();
    expect((await pageCounts(lan)).received).toBe(8);

    for (const code of [old[0]!, fresh[0]!]) {
      await act(code, { type: 'acknowledge' });
      await expectCountsRight();
      await act(code, { type: 'classify', category: 'proposed-solution' });
      await act(code, { type: 'answer', text: 'Sở đã tiếp thu kiến nghị.', summary: 'Kiến nghị về thời gian giải quyết.' });
      await expectCountsRight();
      expect((await act(code, { type: 'approve' }, minh)).status).toBe('answered');
      await expectCountsRight();
      expect((await act(code, { type: 'close' })).status).toBe('closed');
      await expectCountsRight();
    }
    for (const code of [old[1]!, fresh[1]!]) {
      expect((await act(code, { type: 'reroute', departmentId: XAY_DUNG, reason: 'Thuộc thẩm quyền Sở Xây dựng' })).status).toBe('transferred');
      await expectCountsRight();
      await act(code, { type: 'acknowledge' }, tuan);
      await expectCountsRight();
    }
    for (const code of [old[2]!, fresh[2]!]) {
      expect((await act(code, { type: 'spam' })).status).toBe('spam');
      await expectCountsRight();
    }
    expect(await pageCounts(lan)).toEqual({ received: 2 });
    expect(await pageCounts(tuan)).toEqual({ acknowledged: 2 });
    expect(await readCounter(TU_PHAP)).toBeDefined(); // the counter answered, not a pass over the queue
  });

  it('count an imported (backdated) record once', async () => {
    const before = (await readCounter(TU_PHAP))!.counts.received!;
    await importOld(4);
    expect((await readCounter(TU_PHAP))!.counts.received).toBe(before + 1);
    const replay = await importFeedbackLine(JSON.stringify(oldLine(4)), 4, new Date()); // the same line again: recognised, not counted twice
    expect(replay).toMatchObject({ created: false });
    expect((await readCounter(TU_PHAP))!.counts.received).toBe(before + 1);
    await expectCountsRight();
  });

  it('heal after drift when the reconciliation job runs', async () => {
    await dynamo().send(
      new UpdateItemCommand({ TableName: tableName(), Key: marshall(keys.inboxCounts(TU_PHAP)), UpdateExpression: 'ADD received :n', ExpressionAttributeValues: { ':n': { N: '7' } } }),
    );
    const truth = await queueCounts(lan);
    expect(await pageCounts(lan)).not.toEqual(truth);
    await reconcileJob();
    expect(await pageCounts(lan)).toEqual(truth);
  });

  for (const order of ['before', 'after'] as const) {
    it(`recompute a department when a reconciliation ran between the counter read and the counter write (${order} the record write)`, async () => {
      await reconcileAll();
      const code = await submitPetition(api, TU_PHAP);
      const record = (await getCase(code))!;
      const counters = await readCounters([TU_PHAP]);
      const next = { ...record, status: 'acknowledged' as const };
      if (order === 'before') await reconcileCounts(TU_PHAP, new Date(Date.now() + 1000)); // a new generation
      await saveCase(next, record.version ?? 0);
      if (order === 'after') await reconcileCounts(TU_PHAP, new Date(Date.now() + 1000));
      await moveInCounts(counters, { record, counted: false }, { record: next, counted: true }, new Date());
      await expectCountsRight();
    });
  }
});
