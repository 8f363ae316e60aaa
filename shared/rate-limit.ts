/**
 * Fixed-window rate limits, shared by the per-kiosk counter in the table (functions/lib/rate-limit.ts),
 * the local stand-in for the WAF per-IP rule (local/rate-guard.ts) and the WAF rule itself (infra/).
 * Pure: no I/O.
 */
export type Limit = { limit: number; windowSeconds: number };

/**
 * Defaults. Per device: a person needs ≥ 10 s per rating, so 30 a minute is misuse or a stuck
 * kiosk (an offline kiosk flushing its queue paces itself with Retry-After). Per IP: generous,
 * because a one-stop centre's kiosks and Vietnamese mobile carriers (CGNAT) share one address.
 */
export const RATE_LIMIT_DEFAULTS = {
  device: { limit: 30, windowSeconds: 60 },
  ip: { limit: 300, windowSeconds: 300 },
} as const satisfies Record<string, Limit>;

/** Parses `N/S` (N requests per S seconds); `0` or `off` disables the limit (limit 0). */
export function parseLimit(text: string | undefined, fallback: Limit): Limit {
  if (text === undefined || text.trim() === '') return fallback;
  if (/^(0|off)$/i.test(text.trim())) return { limit: 0, windowSeconds: fallback.windowSeconds };
  const match = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*s?)?\s*$/.exec(text);
  if (!match) throw new Error(`rate limit "${text}" is not N or N/SECONDS`);
  const windowSeconds = match[2] ? Number(match[2]) : fallback.windowSeconds;
  if (windowSeconds <= 0) throw new Error(`rate limit "${text}" needs a window of at least 1 s`);
  return { limit: Number(match[1]), windowSeconds };
}

/** The window `nowMs` falls in (start in epoch seconds) and the seconds until the next one begins. */
export function fixedWindow(nowMs: number, windowSeconds: number): { start: number; retryAfter: number } {
  const start = Math.floor(nowMs / 1000 / windowSeconds) * windowSeconds;
  return { start, retryAfter: Math.max(1, Math.ceil(start + windowSeconds - nowMs / 1000)) };
}
