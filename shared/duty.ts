/**
 * Who is on duty at a counter (cán bộ tiếp nhận): the request an official sends from the inbox,
 * and the rule that attributes a rating to them. Pure.
 */
import * as z from 'zod/mini';
import { id } from './schemas.ts';

/** POST /api/inbox/duty: start duty at a counter, or end it with `null`. */
export const dutyRequestSchema = z.strictObject({ counterId: z.nullable(id) });

export type Duty = { counterId: string; departmentId: string; officialId: string; officialName: string; since: string };

/** What a rating carries of the official who served: set on the server only. */
export type Attribution = { officialId: string; officialName: string };

/**
 * The official a rating given at `at` is attributed to: the one on duty then. A kiosk that queued
 * the rating offline sends it later; when it was pressed before the current duty began, the official
 * who served is unknown, so nobody is credited rather than the wrong person.
 */
export function attributionAt(duty: Duty | undefined, at: string): Attribution | undefined {
  if (!duty || Date.parse(at) < Date.parse(duty.since)) return undefined;
  return { officialId: duty.officialId, officialName: duty.officialName };
}

/** Channels where the citizen stands at the counter: only these are attributed. */
export const COUNTER_CHANNELS: readonly string[] = ['kiosk', 'qr'];
