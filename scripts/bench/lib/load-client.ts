/**
 * One simulated kiosk or phone: submits, and on a network error, 5xx or 429 retries the very same
 * request (same Idempotency-Key, same body) after Retry-After, until it gets an answer or the
 * drain deadline passes. Sometimes it re-sends a request that already succeeded (a response lost
 * on the way back), which must return the same tracking code.
 */
import type { FeedbackInput } from '#shared/schemas';
import { sleep } from './numbers.ts';

export type Tally = {
  statuses: Record<string, number>;
  /** Idempotency-Key → tracking code of its 2xx answers (a second, different code is a failure). */
  acknowledged: Map<string, string>;
  replayMismatches: string[];
  unresolved: string[];
  /** Status counts while the store was down (fault mode). */
  duringOutage: Record<string, number>;
};

export const newTally = (): Tally => ({ statuses: {}, acknowledged: new Map(), replayMismatches: [], unresolved: [], duringOutage: {} });

export type ClientOptions = {
  url: string;
  id: string;
  body: (i: number, key: string) => FeedbackInput;
  until: number;
  drainUntil: number;
  thinkMs: number;
  resendProbability: number;
  outage: () => boolean;
};

const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

async function send(url: string, key: string, body: FeedbackInput): Promise<{ status: string; code?: string; retryAfter?: number }> {
  try {
    const response = await fetch(`${url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const json = (await response.json().catch(() => ({}))) as { trackingCode?: string };
    const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
    // A 503 must say when to come back; one without Retry-After counts as a server error.
    const status = response.status === 503 && !response.headers.get('retry-after') ? '503 without Retry-After' : String(response.status);
    return { status, code: json.trackingCode, retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined };
  } catch (error) {
    return { status: `network:${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name}` };
  }
}

export async function runClient(options: ClientOptions, tally: Tally): Promise<void> {
  for (let i = 0; Date.now() < options.until; i++) {
    const key = `${options.id}-${i}`;
    const body = options.body(i, key);
    let code: string | undefined;
    for (let attempt = 0; !code; attempt++) {
      if (Date.now() > options.drainUntil) {
        tally.unresolved.push(key);
        return;
      }
      const down = options.outage();
      const result = await send(options.url, key, body);
      bump(tally.statuses, result.status);
      if (down) bump(tally.duringOutage, result.status);
      if (result.status.startsWith('2') && result.code) {
        code = result.code;
        break;
      }
      const retryable = result.status.startsWith('network') || result.status.startsWith('5') || result.status === '429';
      if (!retryable) break; // a 4xx other than 429 is a client bug: counted, not retried
      const backoff = result.retryAfter !== undefined ? Math.min(result.retryAfter, 5) * 1000 : Math.min(5000, 200 * 2 ** attempt);
      await sleep(backoff * (0.5 + Math.random()));
    }
    if (code) {
      tally.acknowledged.set(key, code);
      if (Math.random() < options.resendProbability) {
        const again = await send(options.url, key, body);
        bump(tally.statuses, `${again.status} (resend)`);
        if (again.code && again.code !== code) tally.replayMismatches.push(key);
      }
    }
    await sleep(options.thinkMs * (0.5 + Math.random()));
  }
}
