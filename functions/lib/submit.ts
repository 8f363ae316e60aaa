/**
 * Accepting a submission exactly once. With an Idempotency-Key the tracking code is a keyed hash
 * of the key, so the record is its own idempotency record: one conditional PutItem creates it, a
 * replay finds it (same body → same answer, other body → 409). No transaction needed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { buildFeedbackRecord, canonicalJson, type FeedbackRecord } from '#shared/feedback';
import { BadRequestError, ConflictError } from '#shared/errors';
import { IDEMPOTENCY_KEY, type FeedbackInput } from '#shared/schemas';
import { codeFromBytes } from '#shared/tracking-code';
import { loadCatalog } from './catalog-store.ts';
import { codeForKey } from './code-for-key.ts';
import { getFeedback, putNewFeedback } from './feedback-store.ts';
import { moveInCounts, readCounters } from './inbox-counts.ts';
import { writeMonthMarkers } from './month-markers.ts';
import { notifyCitizen } from './notify.ts';

export const randomCode = () => codeFromBytes(randomBytes(16));
export const hashRequest = (input: unknown) => createHash('sha256').update(canonicalJson(input)).digest('base64url');


/** 400 unless the Idempotency-Key header, when present, is 8–128 letters, digits or -_.: */
export function checkIdempotencyKey(key: string | undefined): void {
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestError('Idempotency-Key must be 8–128 letters, digits or -_.:', { code: 'invalid_idempotency_key' });
  }
}

export type Submitted = { record: FeedbackRecord; created: boolean };

export async function submitFeedback(
  input: FeedbackInput,
  options: {
    now: Date;
    idempotencyKey?: string;
    receivedAt?: Date | string;
    source?: FeedbackRecord['source'];
    extra?: Partial<FeedbackRecord>;
    /** The official on duty (server-side): outside the request hash, so a replay after a change of duty is still a replay. */
    attribution?: Partial<FeedbackRecord>;
  },
): Promise<Submitted> {
  const catalog = await loadCatalog();
  const requestHash = hashRequest({ input, receivedAt: options.receivedAt ?? null, extra: options.extra ?? null });
  return createOnce(
    (trackingCode) => ({
      ...buildFeedbackRecord(input, catalog, { trackingCode, receivedAt: options.receivedAt ?? options.now, requestHash, source: options.source ?? 'api' }),
      ...options.extra,
      ...options.attribution,
    }),
    { idempotencyKey: options.idempotencyKey, requestHash, now: options.now },
  );
}

/**
 * Creates the record `build` makes for a tracking code, exactly once: with a key, the code is the
 * key's keyed hash, and a replay finds the record (same request → it, other request → 409).
 */
export async function createOnce(build: (trackingCode: string) => FeedbackRecord, options: { idempotencyKey?: string; requestHash: string; now: Date }): Promise<Submitted> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const trackingCode = options.idempotencyKey ? await codeForKey(options.idempotencyKey) : randomCode();
    const record = build(trackingCode);
    // Only backdated (imported) records touch the counters; a live one is counted as new (inbox-counts.ts).
    const counters = record.source === 'api' ? undefined : await readCounters([record.departmentId]);
    if (await putNewFeedback(record)) {
      if (counters) await moveInCounts(counters, undefined, { record, counted: false }, options.now);
      await writeMonthMarkers(record, options.now);
      // Imported items were received long ago, by other means: live ones (online or entered in the inbox) are confirmed.
      if (record.source !== 'import') await notifyCitizen(record, 'received', options.now);
      return { record, created: true };
    }
    if (!options.idempotencyKey) continue; // a random-code collision: draw again
    const existing = await getFeedback(trackingCode);
    if (existing && existing.requestHash === options.requestHash) return { record: existing, created: false };
    throw new ConflictError('This Idempotency-Key was already used with a different body', { code: 'idempotency_conflict' });
  }
  throw new Error('could not allocate a tracking code');
}
