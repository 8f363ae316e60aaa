/**
 * Accepting a submission exactly once. With an Idempotency-Key the tracking code is a keyed hash
 * of the key, so the record is its own idempotency record: one conditional PutItem creates it, a
 * replay finds it (same body → same answer, other body → 409). No transaction needed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { buildFeedbackRecord, canonicalJson, type FeedbackRecord } from '#shared/feedback';
import { ConflictError } from '#shared/errors';
import type { FeedbackInput } from '#shared/schemas';
import { codeFromBytes } from '#shared/tracking-code';
import { loadCatalog } from './catalog-store.ts';
import { codeForKey } from './code-for-key.ts';
import { getFeedback, putNewFeedback } from './feedback-store.ts';
import { moveInCounts, readCounters } from './inbox-counts.ts';
import { writeMonthMarkers } from './month-markers.ts';
import { notifyCitizen } from './notify.ts';

export const randomCode = () => codeFromBytes(randomBytes(16));
export const hashRequest = (input: unknown) => createHash('sha256').update(canonicalJson(input)).digest('base64url');

export type Submitted = { record: FeedbackRecord; created: boolean };

export async function submitFeedback(
  input: FeedbackInput,
  options: { now: Date; idempotencyKey?: string; receivedAt?: Date | string; source?: FeedbackRecord['source']; extra?: Partial<FeedbackRecord> },
): Promise<Submitted> {
  const catalog = await loadCatalog();
  const requestHash = hashRequest({ input, receivedAt: options.receivedAt ?? null, extra: options.extra ?? null });
  for (let attempt = 0; attempt < 3; attempt++) {
    const trackingCode = options.idempotencyKey ? codeForKey(options.idempotencyKey) : randomCode();
    const record: FeedbackRecord = {
      ...buildFeedbackRecord(input, catalog, { trackingCode, receivedAt: options.receivedAt ?? options.now, requestHash, source: options.source ?? 'api' }),
      ...options.extra,
    };
    // Only backdated (imported) records touch the counters; a live one is counted as new (inbox-counts.ts).
    const counters = record.source === 'api' ? undefined : await readCounters([record.departmentId]);
    if (await putNewFeedback(record)) {
      if (counters) await moveInCounts(counters, undefined, { record, counted: false }, options.now);
      await writeMonthMarkers(record, options.now);
      // Imported items were received long ago, by other means: only live submissions are confirmed.
      if (record.source === 'api') await notifyCitizen(record, 'received', options.now);
      return { record, created: true };
    }
    if (!options.idempotencyKey) continue; // a random-code collision: draw again
    const existing = await getFeedback(trackingCode);
    if (existing && existing.requestHash === requestHash) return { record: existing, created: false };
    throw new ConflictError('This Idempotency-Key was already used with a different body', { code: 'idempotency_conflict' });
  }
  throw new Error('could not allocate a tracking code');
}
