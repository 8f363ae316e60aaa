import { describe, expect, it } from 'vitest';
import { JOBS } from '#functions/jobs';
import { rateMs } from '#local/job-timer';

describe('rateMs', () => {
  it('reads EventBridge rate expressions and ignores cron ones', () => {
    expect(rateMs('rate(1 minute)')).toBe(60_000);
    expect(rateMs('rate(5 minutes)')).toBe(300_000);
    expect(rateMs('rate(1 hour)')).toBe(3_600_000);
    expect(rateMs('cron(30 0 * * ? *)')).toBeUndefined();
  });
  it('the notification delivery job runs every minute', () => {
    expect(rateMs(JOBS.find((j) => j.handler === 'deliver-notifications')!.schedule)).toBe(60_000);
  });
});
