/**
 * Fast direct writer for scale benches: records built by the product's own pure builder
 * (buildFeedbackRecord) and item mapping (toItem), written with BatchWriteItem, 25 per request,
 * several requests in flight. Not a request path: only the bench fills tables this way.
 */
import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { toItem } from '#functions/lib/feedback-store';
import { indexCatalog, type Catalog } from '#shared/catalog';
import { buildFeedbackRecord } from '#shared/feedback';
import { codeFromBytes } from '#shared/tracking-code';
import { randomBytes } from 'node:crypto';
import { config } from '#local/config';
import { submission } from './bodies.ts';
import { sleep } from './numbers.ts';

/** Writes `count` records received in `month` (YYYY-MM, spread over its days); 1 in 3 is a petition. */
export async function bulkLoad(client: DynamoDBClient, catalog: Catalog, count: number, month: string, offset = 0): Promise<void> {
  const index = indexCatalog(catalog);
  const [year, m] = month.split('-').map(Number) as [number, number];
  const start = Date.UTC(year, m - 1, 1) - 7 * 3600_000;
  const span = Date.UTC(year, m, 1) - 7 * 3600_000 - start - 1;
  const items = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, k) => {
      const i = offset + from + k;
      const record = buildFeedbackRecord(submission(i, { petitionEvery: 3, deviceId: `bulk-${i % 50}` }), index, {
        trackingCode: codeFromBytes(randomBytes(9)),
        receivedAt: new Date(start + Math.floor(((i * 7919) % count) * (span / count))),
        requestHash: 'bulk',
        source: 'import',
      });
      return { PutRequest: { Item: toItem(record) } };
    });
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const from = next;
        next = Math.min(count, next + 25);
        let pending = items(from, next);
        while (pending.length) {
          const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [config.tableName]: pending } }));
          pending = (result.UnprocessedItems?.[config.tableName] ?? []) as typeof pending;
          if (pending.length) await sleep(20);
        }
      }
    }),
  );
}
