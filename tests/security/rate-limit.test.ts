import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedWindow, parseLimit } from '#shared/rate-limit';
import type { Guard } from '#local/adapter';
import { ipRateGuard } from '#local/rate-guard';
import { startTestApi, type TestApi } from '../support/api.ts';
import { countItems } from '../support/table.ts';

const rating = (deviceId?: string) => ({ counterId: 'bt-quay-01', kind: 'rating', channel: 'kiosk', rating: 4, ...(deviceId ? { deviceId } : {}) });
let seq = 0;
const key = () => `rate-test-${process.pid}-${seq++}`;

// One local stack per file (the SDK client is per process); the per-IP guard is swapped per block.
let api: TestApi;
let guard: Guard | undefined;
beforeAll(async () => {
  api = await startTestApi({ guards: [(request, route) => guard?.(request, route)] });
});
afterAll(() => api.close());

describe('rate limit arithmetic', () => {
  it('parses N/SECONDS, N alone and off', () => {
    const fallback = { limit: 30, windowSeconds: 60 };
    expect(parseLimit('5/10', fallback)).toEqual({ limit: 5, windowSeconds: 10 });
    expect(parseLimit('7', fallback)).toEqual({ limit: 7, windowSeconds: 60 });
    expect(parseLimit('off', fallback).limit).toBe(0);
    expect(parseLimit(undefined, fallback)).toBe(fallback);
    expect(() => parseLimit('lots', fallback)).toThrow(/N\/SECONDS/);
  });

  it('retries after the current window ends, never 0 s', () => {
    expect(fixedWindow(Date.UTC(2026, 0, 1, 0, 0, 10, 500), 60)).toEqual({ start: Date.UTC(2026, 0, 1) / 1000, retryAfter: 50 });
    expect(fixedWindow(59_999, 60).retryAfter).toBe(1);
  });
});

describe('per-IP limit on public submissions (local stand-in for the WAF rule)', () => {
  let now = Date.UTC(2026, 2, 2, 3, 0, 0);
  beforeAll(() => {
    guard = ipRateGuard({ limit: 3, windowSeconds: 60 }, () => now);
  });
  afterAll(() => {
    guard = undefined;
  });

  it('answers 429 with Retry-After and the error shape after the limit, and writes nothing', async () => {
    for (let i = 0; i < 3; i++) expect((await api.request('POST', '/api/feedback', { body: rating(), headers: { 'idempotency-key': key() } })).status).toBe(201);
    const before = await countItems();

    const refused = await api.request('POST', '/api/feedback', { body: rating(), headers: { 'idempotency-key': key() } });

    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.json).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    expect(await countItems()).toBe(before);
  });

  it('leaves reads alone and opens again in the next window', async () => {
    expect((await api.request('GET', '/api/counters')).status).toBe(200);
    now += 60_000;
    expect((await api.request('POST', '/api/feedback', { body: rating(), headers: { 'idempotency-key': key() } })).status).toBe(201);
  });
});

describe('per-kiosk limit in the submit path (a counter item in the table, as in AWS)', () => {
  afterEach(() => {
    delete process.env.RATE_LIMIT_DEVICE;
  });
  const submit = (deviceId: string) => api.request('POST', '/api/feedback', { body: rating(deviceId), headers: { 'idempotency-key': key() } });

  it('refuses the device over its limit with 429 + Retry-After, while other devices go on', async () => {
    process.env.RATE_LIMIT_DEVICE = '2/3600';
    expect((await submit('kiosk-a')).status).toBe(201);
    expect((await submit('kiosk-a')).status).toBe(201);

    const refused = await submit('kiosk-a');
    const other = await submit('kiosk-b');

    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.json.error.code).toBe('rate_limited');
    expect(other.status).toBe(201);
  });

  it('is configurable: off lets every submission through', async () => {
    process.env.RATE_LIMIT_DEVICE = 'off';
    const statuses = await Promise.all(Array.from({ length: 5 }, () => submit('kiosk-c')));
    expect(statuses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
  });
});
