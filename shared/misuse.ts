/**
 * The misuse rule (HappyOrNot's lesson: people, often children, hammer the smileys).
 *
 * Rule: when one device (`deviceId`, sent by kiosks) submits **5 or more ratings within 10
 * seconds**, every rating in that burst is flagged as misuse. Flagged ratings stay stored and
 * visible to officials, but statistics do not count them.
 *
 * Why these numbers: one honest person at the kiosk needs at least a tap on a face, a tap on
 * "Gửi" and a look at the thank-you screen: well over 2 s each. Five in 10 s is not five people.
 * A single fast pair (a person correcting a mis-tap) stays counted.
 *
 * Time: `submittedAt` (the device's clock at "Gửi") when present, else `receivedAt`. Kiosks queue
 * offline and send in bursts when the network returns, so the receipt time would flag every queue
 * flush; comparing one device's clock with itself is enough for a burst, even if that clock is off.
 *
 * Scope: only `kind: 'rating'` with a `deviceId` (kiosks send theirs; the QR page sends a random id
 * kept by the phone's browser). Petitions (`pakn`) carry a name and are judged by officials;
 * submissions without a device id (imports, phone calls and letters typed in by officials) are never
 * flagged.
 * Apply the rule to all records of the period at once (all departments): one device's ratings can be
 * routed to different departments by procedure.
 */
import type { FeedbackRecord } from './feedback.ts';

export const MISUSE_RULE = { burst: 5, windowMs: 10_000 } as const;

export type MisuseRule = { burst: number; windowMs: number };
type Judged = Pick<FeedbackRecord, 'trackingCode' | 'kind' | 'receivedAt'> & Partial<Pick<FeedbackRecord, 'deviceId' | 'submittedAt'>>;

const timeOf = (record: Judged) => Date.parse(record.submittedAt ?? record.receivedAt);

/** Tracking codes of the records the rule flags. Pure; records may come in any order. */
export function misuseCodes(records: Iterable<Judged>, rule: MisuseRule = MISUSE_RULE): Set<string> {
  const byDevice = new Map<string, { code: string; at: number }[]>();
  for (const record of records) {
    if (record.kind !== 'rating' || !record.deviceId) continue;
    const at = timeOf(record);
    if (Number.isNaN(at)) continue;
    const list = byDevice.get(record.deviceId) ?? [];
    list.push({ code: record.trackingCode, at });
    byDevice.set(record.deviceId, list);
  }
  const flagged = new Set<string>();
  for (const taps of byDevice.values()) {
    taps.sort((a, b) => a.at - b.at);
    let start = 0;
    for (let end = 0; end < taps.length; end++) {
      while (taps[end]!.at - taps[start]!.at > rule.windowMs) start++;
      if (end - start + 1 >= rule.burst) for (let i = start; i <= end; i++) flagged.add(taps[i]!.code);
    }
  }
  return flagged;
}

/** The records statistics may count: everything the rule does not flag. */
export function withoutMisuse<T extends Judged>(records: T[], rule: MisuseRule = MISUSE_RULE): T[] {
  const flagged = misuseCodes(records, rule);
  return records.filter((record) => !flagged.has(record.trackingCode));
}
