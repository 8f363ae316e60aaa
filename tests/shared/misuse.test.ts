import { describe, expect, test } from 'vitest';
import { MISUSE_RULE, misuseCodes, withoutMisuse } from '#shared/misuse';

const base = Date.parse('2026-03-03T09:00:00+07:00');
const rating = (code: string, secondsAfter: number, extra: Record<string, unknown> = {}) => ({
  trackingCode: code,
  kind: 'rating' as const,
  deviceId: 'kiosk-a',
  receivedAt: new Date(base + secondsAfter * 1000).toISOString(),
  ...extra,
});

describe('misuse rule: 5 or more ratings from one device within 10 seconds', () => {
  test('flags every rating of a burst of five within the window', () => {
    const records = [0, 1, 2, 3, 4].map((s) => rating(`R${s}`, s * 2));

    expect([...misuseCodes(records)].sort()).toEqual(['R0', 'R1', 'R2', 'R3', 'R4']);
  });

  test('four quick ratings are not a burst', () => {
    const records = [0, 1, 2, 3].map((s) => rating(`R${s}`, s));

    expect(misuseCodes(records).size).toBe(0);
  });

  test('five ratings spread over more than 10 seconds are honest people', () => {
    const records = [0, 3, 6, 9, 12].map((s) => rating(`R${s}`, s));

    expect(misuseCodes(records).size).toBe(0);
  });

  test('only the burst is flagged, not the honest ratings before and after it', () => {
    const records = [rating('early', 0), ...[60, 61, 62, 63, 64, 65].map((s) => rating(`B${s}`, s)), rating('late', 200)];

    const flagged = misuseCodes(records);

    expect([...flagged].sort()).toEqual(['B60', 'B61', 'B62', 'B63', 'B64', 'B65']);
    expect(withoutMisuse(records).map((r) => r.trackingCode)).toEqual(['early', 'late']);
  });

  test('devices are judged separately', () => {
    const records = [0, 1, 2, 3, 4].map((s) => rating(`R${s}`, s, { deviceId: s % 2 ? 'kiosk-a' : 'kiosk-b' }));

    expect(misuseCodes(records).size).toBe(0);
  });

  test('uses the device clock (submittedAt), so a queue flushed at once after an outage is not a burst', () => {
    const flushedAt = new Date(base + 3_600_000).toISOString();
    const records = [0, 1, 2, 3, 4].map((i) =>
      rating(`Q${i}`, 0, { receivedAt: flushedAt, submittedAt: new Date(base + i * 60_000).toISOString() }),
    );

    expect(misuseCodes(records).size).toBe(0);
  });

  test('petitions and records without a device id are never flagged', () => {
    const petitions = [0, 1, 2, 3, 4].map((s) => rating(`P${s}`, s, { kind: 'pakn' }));
    const anonymous = [0, 1, 2, 3, 4].map((s) => rating(`A${s}`, s, { deviceId: undefined }));

    expect(misuseCodes([...petitions, ...anonymous]).size).toBe(0);
  });

  test('order of the input does not matter and the rule can be tuned', () => {
    const records = [4, 0, 3, 1, 2].map((s) => rating(`R${s}`, s));

    expect(misuseCodes(records).size).toBe(5);
    expect(misuseCodes(records, { ...MISUSE_RULE, burst: 6 }).size).toBe(0);
  });
});
