/**
 * Sends queued submissions: right away when possible, otherwise with backoff, on reconnect, and
 * after a reload. Exposes signals for the staff status mark and the thank-you screen.
 */
import { signal } from '@preact/signals';
import { afterAttempt, dueItems, newIdempotencyKey, newOutbound, nextDueIn, summarize, type Outbound } from '#shared/offline-queue';
import type { FeedbackInput } from '#shared/schemas';
import type { Receipt } from '../common/api.ts';
import { outboxStore } from './store.ts';

export const waiting = signal(0);
export const failed = signal(0);
export const online = signal(navigator.onLine);
/** Receipts of items sent during this visit, by Idempotency-Key (the thank-you screen shows the code). */
export const receipts = signal<Record<string, Receipt>>({});
/** Keys whose last try failed: the thank-you screen stops saying "sending" and says "saved". */
export const stalled = signal<ReadonlySet<string>>(new Set());

let timer: ReturnType<typeof setTimeout> | undefined;
let flushing: Promise<void> | undefined;

async function refresh(items?: Outbound[]) {
  const summary = summarize(items ?? (await outboxStore.all()));
  waiting.value = summary.waiting;
  failed.value = summary.failed;
}

async function sendOne(item: Outbound): Promise<{ status: number; code?: string; retryAfterSeconds?: number; receipt?: Receipt }> {
  try {
    const response = await fetch('/api/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': item.key },
      body: JSON.stringify(item.body),
      signal: AbortSignal.timeout(20_000),
    });
    const body = await response.json().catch(() => undefined);
    return {
      status: response.status,
      code: body?.error?.code,
      retryAfterSeconds: Number(response.headers.get('retry-after')) || undefined,
      receipt: response.ok ? (body as Receipt) : undefined,
    };
  } catch {
    return { status: 0 };
  }
}

async function flushOnce() {
  const items = await outboxStore.all();
  for (const item of dueItems(items, Date.now())) {
    const result = await sendOne(item);
    const next = afterAttempt(item, result, Date.now());
    if (next) await outboxStore.put(next);
    else await outboxStore.remove(item.key);
    if (result.receipt) receipts.value = { ...receipts.value, [item.key]: result.receipt };
    else stalled.value = new Set([...stalled.value, item.key]);
    // Network down: the rest would fail the same way; wait for the backoff or the online event.
    if (result.status === 0) break;
  }
  const remaining = await outboxStore.all();
  await refresh(remaining);
  schedule(nextDueIn(remaining, Date.now()));
}

function schedule(delay: number | undefined) {
  clearTimeout(timer);
  if (delay !== undefined) timer = setTimeout(flush, delay);
}

/** Sends whatever is due; concurrent calls share one pass (a key is never in flight twice). */
export function flush(): Promise<void> {
  flushing ??= flushOnce()
    .catch(() => schedule(5_000))
    .finally(() => {
      flushing = undefined;
    });
  return flushing;
}

/**
 * Queues a submission (with a reserved key when there is one) and returns its Idempotency-Key at once (the thank-you screen needs it
 * before the write completes); the item is stored durably, then sent.
 */
export function enqueue(body: FeedbackInput, key = newIdempotencyKey(crypto.getRandomValues(new Uint8Array(16)))): string {
  const item = newOutbound(body, key, Date.now());
  waiting.value++;
  outboxStore.put(item).then(
    // A flush already running would not see the new item: chain another one after it.
    () => void (flushing ?? Promise.resolve()).then(flush),
    // No IndexedDB (storage full, locked-down browser): send once now rather than lose it.
    () =>
      void sendOne(item).then((result) => {
        if (result.receipt) receipts.value = { ...receipts.value, [item.key]: result.receipt };
        else stalled.value = new Set([...stalled.value, item.key]);
        waiting.value = Math.max(0, waiting.value - 1);
      }),
  );
  return item.key;
}

export function startOutbox() {
  addEventListener('online', () => {
    online.value = true;
    void retryNow();
  });
  addEventListener('offline', () => (online.value = false));
  void refresh().then(flush);
}

/** On reconnect, do not wait out the backoff: everything pending becomes due now. */
async function retryNow() {
  const items = await outboxStore.all();
  for (const item of items) if (item.state === 'pending' && item.nextAttemptAt > Date.now()) await outboxStore.put({ ...item, nextAttemptAt: Date.now() });
  await (flushing ?? Promise.resolve());
  await flush();
}
