/**
 * In AWS the API has a public execute-api URL next to the CloudFront one, and only CloudFront
 * passes the WAF. CloudFront adds a per-deployment secret header to every /api request; a request
 * without it came around the WAF and is refused. The functions read the secret from Secrets
 * Manager at run time (ORIGIN_VERIFY_SECRET_ARN, functions/lib/secrets.ts); CloudFront itself can
 * only hold it in its origin configuration. Locally (no secret configured) nothing is checked: the
 * local server is the only way in.
 */
import { timingSafeEqual } from 'node:crypto';
import { ForbiddenError } from '#shared/errors';
import { readSecret } from './secrets.ts';

export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/** The secret's ARN in AWS; the value itself only in tests that run handlers from source. */
export const ORIGIN_SECRET = { arn: 'ORIGIN_VERIFY_SECRET_ARN', value: 'ORIGIN_VERIFY_SECRET' } as const;

/** The expected header value, or undefined when none is configured (the local stack). */
export const originSecret = () => readSecret(ORIGIN_SECRET);

export function assertViaSite(headers: Record<string, string | undefined>, secret: string | undefined): void {
  if (!secret) return;
  const sent = Buffer.from(headers[ORIGIN_VERIFY_HEADER] ?? '');
  const expected = Buffer.from(secret);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
    throw new ForbiddenError('Use the site address: the API is not reachable directly', { code: 'direct_access' });
  }
}
