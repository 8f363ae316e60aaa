/** The DynamoDB client: on AWS the default endpoint, locally the embedded dynalite (DYNAMODB_ENDPOINT). */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ServiceUnavailableError } from '#shared/errors';

let client: DynamoDBClient | undefined;

export function dynamo(): DynamoDBClient {
  client ??= new DynamoDBClient({
    ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
    maxAttempts: Number(process.env.DYNAMODB_MAX_ATTEMPTS ?? 3),
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

/** Store outages and throttling become 503 + Retry-After so clients retry instead of giving up. */
export function asUnavailable(error: unknown): unknown {
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const network = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH'].includes(e?.code ?? '');
  const status = e?.$metadata?.httpStatusCode ?? 0;
  if (network || TRANSIENT.has(e?.name ?? '') || status >= 500) return new ServiceUnavailableError(5, { cause: error });
  return error;
}
