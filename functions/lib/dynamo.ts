/** The DynamoDB client: on AWS the default endpoint, locally the embedded dynalite (DYNAMODB_ENDPOINT). */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ServiceUnavailableError } from '#shared/errors';

let client: DynamoDBClient | undefined;

export function dynamo(): DynamoDBClient {
  client ??= new DynamoDBClient({
    ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
    // Fail fast: a store outage becomes a 503 within seconds and the client retries (not us). Worst
    // case, a hung store: 2 calls per submission × 2 attempts × 2 s stays inside the 10 s Lambda timeout.
    maxAttempts: Number(process.env.DYNAMODB_MAX_ATTEMPTS ?? 2),
    requestHandler: {
      connectionTimeout: Number(process.env.DYNAMODB_CONNECT_TIMEOUT_MS ?? 1000),
      requestTimeout: Number(process.env.DYNAMODB_REQUEST_TIMEOUT_MS ?? 2000),
      // Without this the SDK only logs a warning and waits forever for a hung store.
      throwOnRequestTimeout: true,
    },
  });
  return client;
}

export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}

const TRANSIENT = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
]);

/** Socket errors as the SDK throws them (a plain Error with `code`, `name` 'Error' or 'TimeoutError'). */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

/** Store outages and throttling become 503 + Retry-After so clients retry instead of giving up. */
export function asUnavailable(error: unknown): unknown {
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const network = NETWORK.has(e?.code ?? '');
  const status = e?.$metadata?.httpStatusCode ?? 0;
  if (network || TRANSIENT.has(e?.name ?? '') || status >= 500) return new ServiceUnavailableError(5, { cause: error });
  return error;
}
