/**
 * The cost model's per-submission writes, from the items the code builds (no synthesis here):
 * which index copies a rating and a petition pay for, the rate-limit window, the outbox and SMS.
 */
import { describe, expect, it } from 'vitest';
import { smsParts, submissionWrites, type Sample } from '#infra/cost-model';
import { runsPerMonth, secretReadsPerMonth, tracedShare } from '#infra/cost';

const byName = (name: string) => submissionWrites().find((s) => s.name.startsWith(name))!;

describe('cost model: writes per submission', () => {
  it('stores a bare rating in the table and the statistics index only (dueAt null: no queue copy)', () => {
    expect(byName('kiosk rating').copies).toEqual(['table', 'gsi2']);
  });

  it('stores a rating with a comment and a petition in the queue index too', () => {
    expect(byName('QR rating').copies).toEqual(['table', 'gsi1', 'gsi2']);
    expect(byName('petition').copies).toEqual(['table', 'gsi1', 'gsi2']);
  });

  it('counts one rate-limit write for a submission with a device id and none without', () => {
    const sample: Sample = { name: 'web rating', input: { counterId: 'tthc-quay-01', kind: 'rating', channel: 'web', rating: 5 }, notices: [] };

    const [withoutDevice, withDevice] = submissionWrites([sample, { ...sample, input: { ...sample.input, deviceId: 'kiosk-09' } }]);

    expect(withoutDevice!.rateLimitWru).toBe(0);
    expect(withDevice!.rateLimitWru).toBe(1);
  });

  it('sends a petition with a phone two one-part SMS (receipt, answer) through four outbox writes each', () => {
    const petition = byName('petition');

    expect(petition).toMatchObject({ smsParts: 2, emails: 0, outboxWru: 8 });
    expect(byName('kiosk rating')).toMatchObject({ smsParts: 0, outboxWru: 0 });
  });
});

describe('cost model: helpers', () => {
  it('bills SMS parts by alphabet: 160/153 GSM characters, 70/67 otherwise', () => {
    expect(smsParts('a'.repeat(160))).toBe(1);
    expect(smsParts('a'.repeat(161))).toBe(2);
    expect(smsParts('ả'.repeat(70))).toBe(1);
    expect(smsParts('ả'.repeat(71))).toBe(2);
  });

  it('traces every request below one a second and 5% of the rest above', () => {
    expect(tracedShare(3600, 3600)).toBe(1);
    expect(tracedShare(3 * 3600, 3600)).toBeCloseTo((1 + 0.05 * 2) / 3);
  });

  it('counts at most one secret read per warm environment and secret every cache period', () => {
    expect(secretReadsPerMonth(1, 300, 1)).toBe(8_928); // 31 days of 5-minute periods
    expect(secretReadsPerMonth(24, 300, 2)).toBe(24 * 2 * 8_928);
  });

  it('counts a month of runs per schedule', () => {
    expect(runsPerMonth('rate(1 minute)')).toBe(44_640);
    expect(runsPerMonth('rate(1 hour)')).toBe(744);
    expect(runsPerMonth('cron(30 0 * * ? *)')).toBe(31);
  });
});
