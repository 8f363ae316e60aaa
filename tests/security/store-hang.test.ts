/**
 * A store that accepts connections but never answers (overload, a half-open network) must not hold
 * a request until the Lambda times out: the client gives up after its request timeout and retry
 * budget, and the error maps to 503. (Own file: the DynamoDB client is one per process.)
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { asUnavailable } from '#functions/lib/dynamo';
import { getFeedback } from '#functions/lib/feedback-store';
import { ServiceUnavailableError } from '#shared/errors';

const silent = createServer(() => undefined);
beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
  process.env.TABLE_NAME = 'gopy-hang';
  process.env.DYNAMODB_REQUEST_TIMEOUT_MS = '400';
});
afterAll(() => {
  silent.close();
});

it('gives up on a silent store within the retry budget and maps it to 503', async () => {
  const started = Date.now();

  const error = await getFeedback('GY-22222-22222').then(
    () => undefined,
    (e: unknown) => e,
  );

  expect(asUnavailable(error)).toBeInstanceOf(ServiceUnavailableError);
  expect(Date.now() - started).toBeLessThan(2 * 400 + 1000); // 2 attempts × timeout + backoff
}, 10_000);
