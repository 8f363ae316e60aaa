import { describe, expect, test } from 'vitest';
import { afterAttempt, backoffMs, BACKOFF, classify, dueItems, newIdempotencyKey, newOutbound, nextDueIn, summarize } from '#shared/offline-queue';
import type { FeedbackInput } from '#shared/schemas';

const body: FeedbackInput = { counterId: 'stp-quay-02', kind: 'rating', channel: 'kiosk', rating: 5, deviceId: 'dev-1' };
const t0 = 1_000_000;

describe('offline queue', () => {
  test('idempotency keys are URL-safe, accepted by the API pattern, and differ per submission', () => {
    const a = newIdempotencyKey(new Uint8Array(16).fill(255));
    const b = newIdempotencyKey(new Uint8Array(16).fill(1));

    expect(a).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
    expect(a).not.toEqual(b);
  });

  test('a new item is due at once', () => {
    const item = newOutbound(body, 'k-1', t0);

    expect(dueItems([item], t0)).toEqual([item]);
  });

  test('a delivered item leaves the queue', () => {
    expect(afterAttempt(newOutbound(body, 'k-1', t0), { status: 201 }, t0)).toBeUndefined();
  });

  test('network failures and server errors are retried later with the same key, backing off', () => {
    const first = afterAttempt(newOutbound(body, 'k-1', t0), { status: 0 }, t0, () => 1)!;
    const second = afterAttempt(first, { status: 503, code: 'unavailable' }, t0, () => 1)!;

    expect(first).toMatchObject({ key: 'k-1', state: 'pending', attempts: 1, lastError: 'network', nextAttemptAt: t0 + BACKOFF.baseMs });
    expect(second).toMatchObject({ key: 'k-1', attempts: 2, lastError: 'unavailable', nextAttemptAt: t0 + 2 * BACKOFF.baseMs });
    expect(dueItems([second], t0)).toEqual([]);
    expect(nextDueIn([second], t0)).toBe(2 * BACKOFF.baseMs);
  });

  test('backoff has jitter and a ceiling', () => {
    expect(backoffMs(1, () => 0)).toBe(BACKOFF.baseMs / 2);
    expect(backoffMs(30, () => 1)).toBe(BACKOFF.maxMs);
  });

  test('Retry-After is respected when longer than the backoff', () => {
    const item = afterAttempt(newOutbound(body, 'k-1', t0), { status: 429, retryAfterSeconds: 60 }, t0, () => 1)!;

    expect(item.nextAttemptAt).toBe(t0 + 60_000);
  });

  test('a refusal (4xx) is kept as failed and never retried', () => {
    const item = afterAttempt(newOutbound(body, 'k-1', t0), { status: 400, code: 'unknown_counter' }, t0)!;

    expect(item).toMatchObject({ state: 'failed', lastError: 'unknown_counter' });
    expect(dueItems([item], t0 + 10 * BACKOFF.maxMs)).toEqual([]);
    expect(summarize([item, newOutbound(body, 'k-2', t0)])).toEqual({ waiting: 1, failed: 1 });
  });

  test('classify', () => {
    expect([200, 201, 0, 408, 429, 500, 503, 400, 404, 409, 413].map((status) => classify({ status }))).toEqual([
      'sent', 'sent', 'retry', 'retry', 'retry', 'retry', 'retry', 'failed', 'failed', 'failed', 'failed',
    ]);
  });

  test('due items come oldest first', () => {
    const older = newOutbound(body, 'k-old', t0);
    const newer = newOutbound(body, 'k-new', t0 + 5);

    expect(dueItems([newer, older], t0 + 10).map((item) => item.key)).toEqual(['k-old', 'k-new']);
    expect(nextDueIn([], t0)).toBeUndefined();
  });
});
