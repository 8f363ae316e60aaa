import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readSecret, SECRET_MAX_AGE_SECONDS } from '#functions/lib/secrets';
import { codeForKey, keyedHash, TRACKING_CODE_SECRET } from '#functions/lib/code-for-key';
import { startTestSecretsManager, type TestSecretsManager } from '../../support/secrets-manager.ts';

const arn = (name: string) => `arn:aws:secretsmanager:ap-southeast-1:111111111111:secret:${name}-AbCdEf`;
const VARS = { arn: 'TEST_SECRET_ARN', value: 'TEST_SECRET' };
let manager: TestSecretsManager;

beforeAll(async () => {
  manager = await startTestSecretsManager({ [arn('cached')]: 'first-value', [arn('rotated')]: 'before', [arn('tracking')]: 'the-stack-key' });
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = manager.endpoint;
});
afterEach(() => {
  vi.useRealTimers();
  for (const name of [VARS.arn, VARS.value, TRACKING_CODE_SECRET.arn, TRACKING_CODE_SECRET.value]) delete process.env[name];
});
afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER;
  await manager.close();
});

describe('readSecret', () => {
  it('reads the local variable when no ARN is set, and nothing when neither is', async () => {
    expect(await readSecret(VARS)).toBeUndefined();
    process.env.TEST_SECRET = 'local-value';
    expect(await readSecret(VARS)).toBe('local-value');
  });

  it('reads the secret by its ARN from Secrets Manager, once while cached, ahead of the local variable', async () => {
    // Arrange
    process.env.TEST_SECRET_ARN = arn('cached');
    process.env.TEST_SECRET = 'ignored-local-value';

    // Act
    const values = [await readSecret(VARS), await readSecret(VARS), await readSecret(VARS)];

    // Assert
    expect(values).toEqual(['first-value', 'first-value', 'first-value']);
    expect(manager.calls.get(arn('cached'))).toBe(1);
  });

  it('picks up a rotated value once the cache is older than its maximum age', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-06-01T08:00:00+07:00') });
    process.env.TEST_SECRET_ARN = arn('rotated');
    expect(await readSecret(VARS)).toBe('before');
    manager.put(arn('rotated'), 'after');

    vi.setSystemTime(Date.now() + (SECRET_MAX_AGE_SECONDS - 10) * 1000);
    expect(await readSecret(VARS)).toBe('before');
    vi.setSystemTime(Date.now() + 20_000);
    expect(await readSecret(VARS)).toBe('after');
  });

  it('fails loudly when the ARN names no secret (never falls back to the local value)', async () => {
    process.env.TEST_SECRET_ARN = arn('missing');
    process.env.TEST_SECRET = 'local-value';
    await expect(readSecret(VARS)).rejects.toThrow();
  });
});

describe('code-for-key', () => {
  it('keys tracking codes and hashes with the secret named by TRACKING_CODE_SECRET_ARN', async () => {
    // Arrange: the same key as a plain value gives the reference results
    process.env.TRACKING_CODE_SECRET = 'the-stack-key';
    const expected = [await codeForKey('kiosk-key-1'), await keyedHash('0912345678')];
    delete process.env.TRACKING_CODE_SECRET;
    const builtIn = await codeForKey('kiosk-key-1');

    // Act
    process.env.TRACKING_CODE_SECRET_ARN = arn('tracking');
    const viaArn = [await codeForKey('kiosk-key-1'), await keyedHash('0912345678')];

    // Assert
    expect(viaArn).toEqual(expected);
    expect(viaArn[0]).not.toBe(builtIn);
  });
});
