/**
 * The inbox search box: what people have in hand when they phone or walk in. A query matches a
 * record by its tracking code (whole, without dashes, or one 5-character group), its text, and,
 * for the owning department only (contact data is theirs alone), the contact name without
 * diacritics and the phone number typed in any format. Pure.
 */
import type { FeedbackRecord } from './feedback.ts';
import { matchesQuery } from './text.ts';
import { parseTrackingCode } from './tracking-code.ts';

/** Digits of a Vietnamese phone number in its national form: "+84 912 345 678" → "0912345678". */
export function phoneDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.startsWith('84') && value.trim().startsWith('+') ? `0${digits.slice(2)}` : digits.startsWith('0084') ? `0${digits.slice(4)}` : digits;
}

/** A query that is nothing but a phone number (digits with spaces, dots, dashes, a leading +). */
const PHONE_QUERY = /^\+?[\d .-]{6,20}$/;
/** A query that is one group of a tracking code, e.g. "SM8VC". */
const CODE_GROUP = /^[2-9A-HJKMNP-TV-Z]{5}$/i;

/** The canonical tracking code when the whole query is one (typed with or without dashes), else null. */
export const wholeTrackingCode = (query: string): string | null => parseTrackingCode(query.trim());

export type SearchScope = { contact: boolean };

export function matchesSearch(record: Pick<FeedbackRecord, 'trackingCode' | 'comment' | 'contact'>, query: string, scope: SearchScope): boolean {
  const q = query.trim();
  if (!q) return true;
  const whole = wholeTrackingCode(q);
  if (whole) return record.trackingCode === whole;
  if (CODE_GROUP.test(q) && record.trackingCode.split('-').slice(1).includes(q.toUpperCase())) return true;
  if (scope.contact && record.contact) {
    if (PHONE_QUERY.test(q) && record.contact.phone && phoneDigits(record.contact.phone).includes(phoneDigits(q))) return true;
    if (matchesQuery(record.contact.name, q)) return true;
  }
  return matchesQuery(record.comment ?? '', q);
}
