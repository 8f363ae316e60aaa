/** `npm run import -- --aws`: records created in AWS get the stack's tracking-code key or nothing. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectToStore } from '#local/connect';
import { startTestSecretsManager, type TestSecretsManager } from '../support/secrets-manager.ts';

const KEY_ARN = 'arn:aws:secretsmanager:ap-southeast-1:111111111111:secret:DataTrackingCodeSecret-AbCdEf';
const NAMES = ['TABLE_NAME', 'TRACKING_CODE_SECRET', 'TRACKING_CODE_SECRET_ARN', 'AWS_ENDPOINT_URL_SECRETS_MANAGER'] as const;
const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
let manager: TestSecretsManager;

beforeAll(async () => {
  manager = await startTestSecretsManager({ [KEY_ARN]: 'the-stack-key' });
});
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});
afterAll(() => manager.close());

const awsTable = () => {
  process.env.TABLE_NAME = 'GopY-prod-Table';
  delete process.env.TRACKING_CODE_SECRET;
  delete process.env.TRACKING_CODE_SECRET_ARN;
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = manager.endpoint;
};

describe('connectToStore --aws', () => {
  it('refuses to import feedback without the stack’s tracking-code key', async () => {
    awsTable();
    await expect(connectToStore({ aws: true, trackingCodes: true })).rejects.toThrow(/TRACKING_CODE_SECRET_ARN=.*TrackingCodeSecretArn/);
  });

  it('reads the key by the stack output’s ARN before importing, and refuses an ARN it cannot read', async () => {
    awsTable();
    process.env.TRACKING_CODE_SECRET_ARN = `${KEY_ARN}-not-this-one`;
    await expect(connectToStore({ aws: true, trackingCodes: true })).rejects.toThrow(/cannot read the tracking-code key/);
    process.env.TRACKING_CODE_SECRET_ARN = KEY_ARN;
    expect((await connectToStore({ aws: true, trackingCodes: true })).where).toBe('DynamoDB table GopY-prod-Table');
    expect(manager.calls.get(KEY_ARN)).toBe(1);
  });

  it('connects with the key’s value, and without a key when nothing gets a tracking code (a catalog)', async () => {
    awsTable();
    expect((await connectToStore({ aws: true, trackingCodes: false })).where).toBe('DynamoDB table GopY-prod-Table');
    process.env.TRACKING_CODE_SECRET = 'the-stack-key';
    expect((await connectToStore({ aws: true, trackingCodes: true })).where).toBe('DynamoDB table GopY-prod-Table');
  });
});
