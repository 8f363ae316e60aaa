/**
 * Local stand-in for the WAF per-IP rate rule on public submissions (infra/ deploys the rule with
 * the same `rateLimits().ip`): a fixed-window count per source IP, in this process's memory, which
 * is what WAF keeps too (outside the table). Answers 429 with Retry-After.
 */
import { TooManyRequestsError } from '#shared/errors';
import { fixedWindow, type Limit } from '#shared/rate-limit';
import { isPublicSubmission, rateLimits } from '#functions/lib/rate-limit';
import type { Guard } from './adapter.ts';

export function ipRateGuard(limit: Limit = rateLimits().ip, clock: () => number = Date.now): Guard {
  let windowStart = -1;
  let hits = new Map<string, number>();
  return (request, route) => {
    if (limit.limit <= 0 || !isPublicSubmission(route)) return;
    const window = fixedWindow(clock(), limit.windowSeconds);
    if (window.start !== windowStart) [windowStart, hits] = [window.start, new Map()];
    const count = (hits.get(request.sourceIp) ?? 0) + 1;
    hits.set(request.sourceIp, count);
    if (count > limit.limit) throw new TooManyRequestsError(window.retryAfter, 'Too many submissions from this address, try again shortly');
  };
}
