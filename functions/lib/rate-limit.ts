/**
 * Per-client rate limits that must hold in AWS too. The per-kiosk (per device) limit is a
 * fixed-window counter item in the table (`RATE#device#id` / `W#start`, TTL `expiresAt`), taken
 * with one conditional UpdateItem in the submit path: a submission costs this update and its one
 * PutItem, two requests. The per-IP limit is the WAF rate rule in AWS (infra/) and `ipRateGuard`
 * locally; both read `rateLimits().ip`.
 */
import { ConditionalCheckFailedException, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { TooManyRequestsError } from '#shared/errors';
import { fixedWindow, parseLimit, RATE_LIMIT_DEFAULTS, type Limit } from '#shared/rate-limit';
import type { Route } from '../routes.ts';
import { dynamo, tableName } from './dynamo.ts';
import { keys } from './keys.ts';

/** Limits from RATE_LIMIT_DEVICE and RATE_LIMIT_IP (`N/SECONDS`, `off`), read per call so runs can raise them. */
export function rateLimits(env: Record<string, string | undefined> = process.env): { device: Limit; ip: Limit } {
  return { device: parseLimit(env.RATE_LIMIT_DEVICE, RATE_LIMIT_DEFAULTS.device), ip: parseLimit(env.RATE_LIMIT_IP, RATE_LIMIT_DEFAULTS.ip) };
}

/** The routes the per-IP limit (WAF rule in AWS, guard locally) applies to: public writes. */
export const isPublicSubmission = (route: Pick<Route, 'method' | 'auth'>) => route.method === 'POST' && !route.auth;

/** Counts one request of `deviceId` in the current window; 429 with Retry-After once the window is full. */
export async function takeDeviceSlot(deviceId: string, now: Date): Promise<void> {
  const { limit, windowSeconds } = rateLimits().device;
  if (limit <= 0) return;
  const window = fixedWindow(now.getTime(), windowSeconds);
  // TTL deletes lazily (up to days later); the key's window already makes old items irrelevant.
  if (!(await takeSlot(keys.rateWindow('device', deviceId, window.start), limit, window.start + windowSeconds + 3600))) {
    throw new TooManyRequestsError(window.retryAfter, 'Too many submissions from this device, try again shortly');
  }
}

/**
 * One conditional UpdateItem on a counter item (TTL `expiresAt`): true when it was below `limit`
 * and now counts one more, false when it is full.
 */
export async function takeSlot(key: { pk: string; sk: string }, limit: number, expiresAt: number): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateItemCommand({
        TableName: tableName(),
        Key: marshall(key),
        UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expires)',
        ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
        ExpressionAttributeValues: marshall({ ':one': 1, ':limit': limit, ':expires': expiresAt }),
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
