/**
 * Rolling satisfaction per counter: the share of ratings of 4–5 ("hài lòng", "rất hài lòng") over
 * the last N days. A counter below the threshold, with enough ratings to mean something (a minimum
 * count, as FixMyStreet learned), raises an alert to its department. Pure.
 */
export type RatingPoint = { counterId: string; rating: number; receivedAt: string };
export type CounterSatisfaction = { counterId: string; count: number; satisfied: number };
export type AlertSettings = { threshold: number; minRatings: number; windowDays: number };

export const DEFAULT_ALERT_SETTINGS: AlertSettings = { threshold: 0.6, minRatings: 10, windowDays: 14 };

export function alertSettingsFrom(env: Record<string, string | undefined>): AlertSettings {
  const number = (value: string | undefined, fallback: number, ok: (n: number) => boolean) => {
    const n = Number(value);
    return value !== undefined && value !== '' && Number.isFinite(n) && ok(n) ? n : fallback;
  };
  return {
    threshold: number(env.SATISFACTION_ALERT_THRESHOLD, DEFAULT_ALERT_SETTINGS.threshold, (n) => n > 0 && n < 1),
    minRatings: number(env.SATISFACTION_ALERT_MIN_RATINGS, DEFAULT_ALERT_SETTINGS.minRatings, (n) => n >= 1),
    windowDays: number(env.SATISFACTION_ALERT_WINDOW_DAYS, DEFAULT_ALERT_SETTINGS.windowDays, (n) => n >= 1 && n <= 92),
  };
}

export function rollingSatisfaction(points: RatingPoint[], now: Date, windowDays: number): CounterSatisfaction[] {
  const since = now.getTime() - windowDays * 86_400_000;
  const byCounter = new Map<string, { count: number; good: number }>();
  for (const point of points) {
    const at = Date.parse(point.receivedAt);
    if (at < since || at > now.getTime()) continue;
    const entry = byCounter.get(point.counterId) ?? { count: 0, good: 0 };
    entry.count++;
    if (point.rating >= 4) entry.good++;
    byCounter.set(point.counterId, entry);
  }
  return [...byCounter].map(([counterId, { count, good }]) => ({ counterId, count, satisfied: good / count }));
}

export const isBelowThreshold = (s: CounterSatisfaction, settings: AlertSettings) => s.count >= settings.minRatings && s.satisfied < settings.threshold;
