/**
 * `npm run inbox-cost`: what one inbox page costs as the table grows. Fills an in-memory store
 * with N records per department (most already answered, as in real life), then reads the first
 * inbox page of one department, with and without filters, and prints the DynamoDB requests, items
 * read and time per page. The budget: about one Query per page, whatever the table size.
 */
import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildFeedbackRecord } from '#shared/feedback';
import { indexCatalog } from '#shared/catalog';
import { dynamo, tableName } from '#functions/lib/dynamo';
import { toItem } from '#functions/lib/feedback-store';
import { importCatalog } from '#functions/lib/importer';
import { countOpenByStatus, reconcileCounts } from '#functions/lib/inbox-counts';
import { queryQueue } from '#functions/lib/inbox-store';
import { randomCode } from '#functions/lib/submit';
import { loadDemoCatalog } from '#local/seed';
import { startLocalStore } from '#local/stack';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '200,2000' }, 'open-share': { type: 'string', default: '0.1' } } });
const sizes = values.sizes!.split(',').map(Number);
const openShare = Number(values['open-share']);

const store = await startLocalStore({ persist: false, seed: false });
const catalogData = await loadDemoCatalog();
await importCatalog(catalogData);
const catalog = indexCatalog(catalogData);

let requests = 0;
let itemsRead = 0;
dynamo().middlewareStack.add(
  (next) => async (args) => {
    const result = await next(args);
    requests++;
    itemsRead += ((result.output as { ScannedCount?: number }).ScannedCount ?? 0);
    return result;
  },
  { step: 'initialize', name: 'countRequests' },
);

async function fill(total: number) {
  const counters = [...catalog.counters.values()];
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await dynamo().send(new BatchWriteItemCommand({ RequestItems: { [tableName()]: batch.map((Item) => ({ PutRequest: { Item: Item as never } })) } }));
    batch = [];
  };
  for (let i = 0; i < total; i++) {
    const counter = counters[i % counters.length]!;
    const receivedAt = new Date(Date.now() - (i % 90) * 86_400_000);
    const record = buildFeedbackRecord(
      { counterId: counter.id, kind: 'pakn', channel: 'web', comment: `Kiến nghị số ${i} về thủ tục`, contact: { name: 'Nguyễn Văn An', phone: '0912345678' }, consent: true },
      catalog,
      { trackingCode: randomCode(), receivedAt, requestHash: 'bench', source: 'import' },
    );
    if ((i * 7919) % 1000 >= openShare * 1000) record.status = 'closed';
    batch.push(toItem(record));
    if (batch.length === 25) await flush();
  }
  await flush();
}

async function measure(label: string, run: () => Promise<unknown>) {
  requests = 0;
  itemsRead = 0;
  const start = performance.now();
  await run();
  return { label, requests, itemsRead, ms: Math.round(performance.now() - start) };
}

const rows: Record<string, string | number>[] = [];
let filled = 0;
for (const size of sizes) {
  const total = size * catalog.departments.size;
  await fill(total - filled);
  filled = total;
  const now = new Date();
  await reconcileCounts('so-tu-phap', now); // the hourly job, after records written behind the product's back
  for (const result of [
    await measure('page (open, 50)', () => queryQueue('so-tu-phap', {}, { now })),
    await measure('page, overdue only', () => queryQueue('so-tu-phap', { overdue: 'true' }, { now })),
    await measure('page, kind + counter filter', () => queryQueue('so-tu-phap', { kind: 'pakn', counterId: 'stp-quay-02' }, { now })),
    await measure('page, done queue', () => queryQueue('so-tu-phap', { status: 'done' }, { now })),
    await measure('open counts', () => countOpenByStatus('so-tu-phap', now)),
  ]) {
    rows.push({ 'records in table': total, ...result });
  }
}
console.table(rows);
console.log('Requests per page stay flat as the table grows; open counts read one counter item and the records received since its reconciliation.');
await store.close();
