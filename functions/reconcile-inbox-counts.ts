/**
 * Scheduled job: recomputes each department's open-work counters from its queue (inbox-counts.ts),
 * healing drift from a crash between a record write and its counter write, and keeping the
 * "received since the last reconciliation" part of the inbox counts small.
 */
import { loadCatalog } from './lib/catalog-store.ts';
import { reconcileCounts } from './lib/inbox-counts.ts';
import { log } from './lib/log.ts';

export async function reconcileInboxCounts(now: Date): Promise<Record<string, Record<string, number>>> {
  const result: Record<string, Record<string, number>> = {};
  for (const department of (await loadCatalog()).departments.values()) result[department.id] = await reconcileCounts(department.id, now);
  return result;
}

export const handler = async () => {
  const departments = await reconcileInboxCounts(new Date());
  log('info', 'inbox counts reconciled', { departments: Object.keys(departments).length });
  return { departments };
};
