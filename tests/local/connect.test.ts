/** `npm run import -- --aws`: records created in AWS get the stack's tracking-code key or nothing. */
import { afterEach, describe, expect, it } from 'vitest';
import { connectToStore } from '#local/connect';

const saved = { TABLE_NAME: process.env.TABLE_NAME, TRACKING_CODE_SECRET: process.env.TRACKING_CODE_SECRET };
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('connectToStore --aws', () => {
  it('refuses to import feedback without the stack’s tracking-code key', async () => {
    process.env.TABLE_NAME = 'GopY-prod-Table';
    delete process.env.TRACKING_CODE_SECRET;
    await expect(connectToStore({ aws: true, trackingCodes: true })).rejects.toThrow(/TRACKING_CODE_SECRET.*TrackingCodeSecretArn/);
  });

  it('connects with the key, and without it when nothing gets a tracking code (a catalog)', async () => {
    process.env.TABLE_NAME = 'GopY-prod-Table';
    delete process.env.TRACKING_CODE_SECRET;
    expect((await connectToStore({ aws: true, trackingCodes: false })).where).toBe('DynamoDB table GopY-prod-Table');
    process.env.TRACKING_CODE_SECRET = 'the-stack-key';
    expect((await connectToStore({ aws: true, trackingCodes: true })).where).toBe('DynamoDB table GopY-prod-Table');
  });
});
