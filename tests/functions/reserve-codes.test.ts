/** POST /api/kiosk/reserve-codes: a kiosk learns its keys' tracking codes in advance, and nothing is written. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { countItems } from '../support/table.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const KEYS = ['k-reserve-test-0001', 'k-reserve-test-0002'];

test('the reserved code of a key is the code its submission gets, and reserving writes nothing', async () => {
  const before = await countItems();

  const reserved = await api.request('POST', '/api/kiosk/reserve-codes', { body: { deviceId: 'kiosk-test', keys: KEYS } });

  expect(reserved.status).toBe(200);
  expect(await countItems()).toBe(before);
  const codes = reserved.json.codes as { key: string; trackingCode: string }[];
  expect(codes.map((c) => c.key)).toEqual(KEYS);
  expect(new Set(codes.map((c) => c.trackingCode)).size).toBe(2);
  const submitted = await api.request('POST', '/api/feedback', {
    headers: { 'idempotency-key': KEYS[1]! },
    body: { counterId: 'stp-quay-02', kind: 'rating', channel: 'kiosk', rating: 4, deviceId: 'kiosk-test' },
  });
  expect(submitted.status).toBe(201);
  expect(submitted.json.trackingCode).toBe(codes[1]!.trackingCode);
});

test.each([
  ['no keys', { deviceId: 'kiosk-test', keys: [] }],
  ['too many keys', { deviceId: 'kiosk-test', keys: Array.from({ length: 51 }, (_, i) => `k-many-keys-${i}`) }],
  ['a malformed key', { deviceId: 'kiosk-test', keys: ['short'] }],
  ['no device id', { keys: KEYS }],
])('%s is refused with 400 and writes nothing', async (_name, body) => {
  const before = await countItems();

  const response = await api.request('POST', '/api/kiosk/reserve-codes', { body });

  expect(response.status).toBe(400);
  expect(response.json.error.code).toBe('validation_failed');
  expect(await countItems()).toBe(before);
});
