/** The code lists people must never see raw: a pattern that finds any of them as a whole word. */
import { STATUSES } from '#shared/feedback';
import { CHANNELS, KINDS, REASONS } from '#shared/schemas';
import { ACTION_TYPES, CATEGORIES } from '#shared/workflow';

export const RAW_CODES = [...STATUSES, ...CHANNELS, ...KINDS, ...REASONS, ...CATEGORIES, ...ACTION_TYPES, 'intake'];

/** Raw codes found in `text` (whole words, case-sensitive: codes are lower case). */
export function rawCodesIn(text: string): string[] {
  return RAW_CODES.filter((code) => new RegExp(`(^|[^\\p{L}\\p{N}_-])${code}($|[^\\p{L}\\p{N}_-])`, 'u').test(text));
}
