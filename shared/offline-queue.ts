/**
 * The kiosk's outbox, as pure decisions (the page keeps the items in IndexedDB and calls these).
 *
 * Each submission gets its Idempotency-Key on the device when the person presses "Gửi" and keeps
 * it for every retry, so a replay after a lost answer, a reload or a power cut can never create a
 * second record (the API answers the same key and body with the same receipt).
 * Retries back off exponentially with jitter (2 s, 4 s, 8 s… capped at 5 min) so that many kiosks
 * coming back online at once do not all hit the API in the same second.
 */
import type { FeedbackInput } from './schemas.ts';

export type Outbound = {
  /** Idempotency-Key, also the IndexedDB key. */
  key: string;
  body: FeedbackInput;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  /** `failed`: the API refused it for good (4xx); kept so staff can see it, never retried. */
  state: 'pending' | 'failed';
  lastError?: string;
};

/** What one try produced: the HTTP status (0 when the network failed) and the API's error code. */
export type Attempt = { status: number; code?: string; retryAfterSeconds?: number };

export const BACKOFF = { baseMs: 2_000, maxMs: 5 * 60_000 } as const;

/** A fresh Idempotency-Key from 16 random bytes (base64url: fits the API's `[A-Za-z0-9_.:-]{8,128}`). */
export function newIdempotencyKey(random: Uint8Array): string {
  let binary = '';
  for (const byte of random) binary += String.fromCharCode(byte);
  return 'k-' + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function newOutbound(body: FeedbackInput, key: string, now: number): Outbound {
  return { key, body, createdAt: now, attempts: 0, nextAttemptAt: now, state: 'pending' };
}

/** Delay before retry number `attempts` (1 = after the first failure), with 50–100 % jitter. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

/** Sent, worth retrying (network, timeouts, throttling, server trouble), or refused for good. */
export function classify(attempt: Attempt): 'sent' | 'retry' | 'failed' {
  if (attempt.status >= 200 && attempt.status < 300) return 'sent';
  if (attempt.status === 0 || attempt.status === 408 || attempt.status === 429 || attempt.status >= 500) return 'retry';
  return 'failed';
}

/** The item after a try, or `undefined` when it was delivered and leaves the outbox. */
export function afterAttempt(item: Outbound, attempt: Attempt, now: number, random: () => number = Math.random): Outbound | undefined {
  const outcome = classify(attempt);
  if (outcome === 'sent') return undefined;
  const attempts = item.attempts + 1;
  const lastError = attempt.code ?? (attempt.status === 0 ? 'network' : `http_${attempt.status}`);
  if (outcome === 'failed') return { ...item, attempts, state: 'failed', lastError };
  const wait = Math.max(backoffMs(attempts, random), (attempt.retryAfterSeconds ?? 0) * 1000);
  return { ...item, attempts, lastError, nextAttemptAt: now + wait };
}

/** Pending items whose time has come, oldest first (so records arrive in the order people rated). */
export function dueItems(items: Outbound[], now: number): Outbound[] {
  return items.filter((item) => item.state === 'pending' && item.nextAttemptAt <= now).sort((a, b) => a.createdAt - b.createdAt);
}

/** Milliseconds until the next pending item is due, or undefined when nothing waits. */
export function nextDueIn(items: Outbound[], now: number): number | undefined {
  const times = items.filter((item) => item.state === 'pending').map((item) => item.nextAttemptAt - now);
  return times.length ? Math.max(0, Math.min(...times)) : undefined;
}

/** What the staff mark shows. */
export function summarize(items: Outbound[]): { waiting: number; failed: number } {
  const failed = items.filter((item) => item.state === 'failed').length;
  return { waiting: items.length - failed, failed };
}
