/**
 * The officials' morning digest: one e-mail per department on each working day, from 07:00 local,
 * with the open work and what is overdue or due by the end of the next working day. Pure.
 */
import { calendar } from './calendar.ts';
import { localDayOf, localHourAndWeekday, type LocalDay } from './time.ts';

export const DIGEST_FROM_HOUR = 7;

/** The working day whose digest is due at `now`, or undefined (a day off, or before 07:00). */
export function digestDay(now: Date | string): LocalDay | undefined {
  const day = localDayOf(now);
  return calendar.isWorkingDay(day) && localHourAndWeekday(now).hour >= DIGEST_FROM_HOUR ? day : undefined;
}

/** Records due at or before this instant (23:59:59 of the next working day) are due soon. */
export const dueSoonBefore = (now: Date | string): string => calendar.deadline(typeof now === 'string' ? now : now.toISOString(), 1);

export type DigestFigures = { open: number; overdue: number; dueSoon: number };
