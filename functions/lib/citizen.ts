/** What the citizen's routes on a tracking code share: finding the record, and their Idempotency-Key. */
import { createHash } from 'node:crypto';
import { NotFoundError } from '#shared/errors';
import { parseTrackingCode } from '#shared/tracking-code';
import type { CaseRecord } from '#shared/workflow';
import { getCase } from './inbox-store.ts';

/**
 * The record behind a public tracking code; 404 for a malformed or unknown code. A spam record is
 * 404 to every citizen route that acts on it; the status page (`spam: 'show'`) shows it as closed.
 */
export async function getPublicCase(rawCode: string | undefined, options: { spam?: 'show' } = {}): Promise<CaseRecord> {
  const code = parseTrackingCode(rawCode ?? '');
  const record = code ? await getCase(code) : undefined;
  if (!record || (record.status === 'spam' && options.spam !== 'show')) throw new NotFoundError('No feedback with this tracking code', { code: 'unknown_tracking_code' });
  return record;
}

/** Stored instead of the Idempotency-Key itself, so a resent request is recognised. */
export const keyHash = (key: string) => createHash('sha256').update(key).digest('base64url');

/** The hash of the request's Idempotency-Key, if it sent one. */
export const idempotencyKeyOf = (headers: Record<string, string | undefined>) => (headers['idempotency-key'] ? keyHash(headers['idempotency-key']) : undefined);
