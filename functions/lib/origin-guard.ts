/**
 * In AWS the API has a public execute-api URL next to the CloudFront one, and only CloudFront
 * passes the WAF. CloudFront adds a per-deployment secret header to every /api request; a request
 * without it came around the WAF and is refused. Locally (no secret configured) nothing is checked:
 * the local server is the only way in.
 */
import { timingSafeEqual } from 'node:crypto';
import { ForbiddenError } from '#shared/errors';

export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

export function assertViaSite(headers: Record<string, string | undefined>, secret = process.env.ORIGIN_VERIFY_SECRET): void {
  if (!secret) return;
  const sent = Buffer.from(headers[ORIGIN_VERIFY_HEADER] ?? '');
  const expected = Buffer.from(secret);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
    throw new ForbiddenError('Use the site address: the API is not reachable directly', { code: 'direct_access' });
  }
}
