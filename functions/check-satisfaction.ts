/**
 * Scheduled job: rolling satisfaction per counter. A counter that drops below the threshold
 * (SATISFACTION_ALERT_THRESHOLD, share of 4–5 ratings; with at least SATISFACTION_ALERT_MIN_RATINGS
 * ratings over SATISFACTION_ALERT_WINDOW_DAYS) raises an alert to its department: an e-mail through
 * the outbox once when raised, and a banner in the inbox while it lasts.
 */
import { satisfactionAlertMessage } from '#shared/notifications';
import { alertSettingsFrom, isBelowThreshold, rollingSatisfaction } from '#shared/satisfaction';
import { toLocalIso } from '#shared/time';
import { clearAlert, listAlerts, putAlert, ratingsSince } from './lib/alert-store.ts';
import { loadCatalog } from './lib/catalog-store.ts';
import { notifyDepartment } from './lib/notify.ts';

export async function checkSatisfaction(now: Date) {
  const settings = alertSettingsFrom(process.env);
  const catalog = await loadCatalog();
  const result = { raised: 0, cleared: 0, active: 0 };
  for (const department of catalog.departments.values()) {
    const since = new Date(now.getTime() - settings.windowDays * 86_400_000);
    const stats = rollingSatisfaction(await ratingsSince(department.id, since, now), now, settings.windowDays);
    const active = new Map((await listAlerts(department.id)).map((a) => [a.counterId, a]));
    for (const counter of stats) {
      const below = isBelowThreshold(counter, settings);
      const existing = active.get(counter.counterId);
      active.delete(counter.counterId);
      if (!below) {
        if (existing) {
          await clearAlert(department.id, counter.counterId);
          result.cleared++;
        }
        continue;
      }
      const counterName = catalog.counters.get(counter.counterId)?.name ?? counter.counterId;
      const at = toLocalIso(now);
      await putAlert({ departmentId: department.id, counterId: counter.counterId, counterName, satisfied: counter.satisfied, count: counter.count, threshold: settings.threshold, windowDays: settings.windowDays, raisedAt: existing?.raisedAt ?? at, updatedAt: at });
      result.active++;
      if (!existing) {
        result.raised++;
        await notifyDepartment(department, (to) => satisfactionAlertMessage(to, { counterName, ...counter, ...settings }), 'satisfaction-alert', now);
      }
    }
    // Counters with no ratings left in the window: nothing to be alarmed about any more.
    for (const stale of active.values()) {
      await clearAlert(department.id, stale.counterId);
      result.cleared++;
    }
  }
  return result;
}

export const handler = async () => checkSatisfaction(new Date());
