/** A store outage must become 503 + Retry-After (clients retry), never a 500, and quickly. */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUnavailable } from '#functions/lib/dynamo';
import { ServiceUnavailableError } from '#shared/errors';
import { startTestApi, type TestApi } from '../support/api.ts';

/** The error the SDK really throws against a server that behaves like `onSocket`. */
async function sdkErrorAgainst(onSocket: (socket: Socket) => void): Promise<unknown> {
  const server: Server = createServer(onSocket);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const client = new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'ap-southeast-1', maxAttempts: 1, requestHandler: { connectionTimeout: 300, requestTimeout: 300, throwOnRequestTimeout: true } });
  try {
    await client.send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'x' } } }));
    return undefined;
  } catch (error) {
    return error;
  } finally {
    client.destroy();
    server.close();
  }
}

describe('asUnavailable with the SDK’s real error shapes', () => {
  it.each([
    ['a store that resets the connection', (socket: Socket) => socket.once('data', () => socket.resetAndDestroy())],
    ['a store that hangs up', (socket: Socket) => socket.once('data', () => socket.end())],
    ['a store that never answers', () => undefined],
  ])('maps %s to 503', async (_name, onSocket) => {
    const error = await sdkErrorAgainst(onSocket);

    expect(error).toBeInstanceOf(Error);
    expect(asUnavailable(error)).toBeInstanceOf(ServiceUnavailableError);
  });

  it('leaves a validation error alone (a bug, not an outage)', async () => {
    const error = Object.assign(new Error('bad'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    expect(asUnavailable(error)).toBe(error);
  });
});

describe('through the API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers 503 with Retry-After and the error shape within seconds when the store is down', async () => {
    await api.store.close();
    const started = Date.now();

    const read = await api.request('GET', '/api/feedback/GY-22222-22222');
    const write = await api.request('POST', '/api/feedback', { body: { counterId: 'bt-quay-01', kind: 'rating', channel: 'kiosk', rating: 5, deviceId: 'k1' }, headers: { 'idempotency-key': 'outage-test-0001' } });

    for (const response of [read, write]) {
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(response.json).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
    }
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
