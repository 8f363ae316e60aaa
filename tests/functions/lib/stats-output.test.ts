/** The S3 port of the statistics output against an S3-compatible server, with S3's 403-for-missing rule. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { s3Output } from '#functions/lib/stats-output';
import { startTestS3, type TestS3 } from '../../support/s3.ts';

let s3: TestS3;
const saved = process.env.AWS_ENDPOINT_URL_S3;
beforeAll(async () => {
  s3 = await startTestS3({ canList: true, buckets: ['site'] });
  process.env.AWS_ENDPOINT_URL_S3 = s3.s3Endpoint;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_S3;
  else process.env.AWS_ENDPOINT_URL_S3 = saved;
  await s3?.close();
});
afterEach(() => {
  s3.canList = true;
});

describe('s3Output', () => {
  it('reads a missing key as absent when S3 answers 404 (the role may list the bucket)', async () => {
    const output = s3Output('site');
    expect(await output.read('index.json')).toBeUndefined();
  });

  it('writes under stats/ and reads back what it wrote', async () => {
    const output = s3Output('site');
    await output.write('2026-10.json', '{"month":"2026-10"}', 'application/json');
    expect(await output.read('2026-10.json')).toBe('{"month":"2026-10"}');
  });

  it('fails loudly, naming the missing grant, when S3 answers 403 for a missing key', async () => {
    s3.canList = false;
    await expect(s3Output('site').read('absent.json')).rejects.toThrow(/s3:ListBucket/);
  });
});
