/**
 * Petitions and comments officials enter in the inbox (Decree 20/2008; QĐ 31/2021 Art. 43): the
 * public submission body, received by phone, letter or at the counter, plus the day it was received.
 * Pure: the handler checks the department and writes.
 */
import * as z from 'zod/mini';
import { BadRequestError } from './errors.ts';
import { feedbackInputSchema, INTAKE_CHANNELS } from './schemas.ts';

const isoInstant = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'must be ISO 8601 with an offset'));

/** Kiosk-only fields (device id and clock) have no meaning here. */
export const intakeSchema = z.extend(z.omit(feedbackInputSchema, { deviceId: true, submittedAt: true, channel: true }), {
  channel: z.enum(INTAKE_CHANNELS),
  /** How the submitter consented (Decree 13/2023): said so on the phone or at the counter, or signed. */
  consentForm: z.optional(z.enum(['oral', 'written'])),
  /** When the call, letter or visit came in; now when absent. */
  receivedAt: z.optional(isoInstant),
});
export type IntakeInput = z.infer<typeof intakeSchema>;

/** The receipt instant: `receivedAt` (never in the future) or now. */
export function intakeReceivedAt(receivedAt: string | undefined, now: Date): Date {
  if (receivedAt === undefined) return now;
  const at = new Date(receivedAt);
  if (Number.isNaN(at.getTime())) throw new BadRequestError('receivedAt is not a valid date', { code: 'validation_failed', details: [{ path: 'receivedAt', message: 'invalid date' }] });
  if (at.getTime() > now.getTime()) {
    throw new BadRequestError('receivedAt cannot be in the future', { code: 'received_in_future', details: [{ path: 'receivedAt', message: 'in the future' }] });
  }
  return at;
}
