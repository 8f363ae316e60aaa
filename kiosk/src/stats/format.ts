/** Number formats of the page, in the reader's language (vi: "78,1%", en: "78.1%"). */
import { lang } from '../common/i18n.ts';
import { writeLocalTime, writeMonth, writeNumber, writePercent } from './numbers.ts';

const locale = () => (lang.value === 'vi' ? 'vi-VN' : 'en-GB');

/** Written out (numbers.ts) so the summary starts no Intl; Intl only for what that cannot write. */
export const formatCount = (n: number) => writeNumber(n, 3, lang.value) ?? new Intl.NumberFormat(locale()).format(n);

export const formatRate = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : (writePercent(rate, lang.value) ?? new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(rate));

export const formatDays = (days: number | null | undefined) => (days === null || days === undefined ? '—' : formatCount(days));

/** `2026-10` → "Tháng 10/2026" / "October 2026". */
export const formatMonth = (month: string) => writeMonth(month, lang.value);

/** Local time in Vietnam, e.g. "14:05 03/03/2026" / "03/03/2026, 14:05" (as formatDateTime writes it). */
export const formatTime = (iso: string) => writeLocalTime(iso, lang.value);

/** Short label for chart axes: "10/26". */
export const shortMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(2, 4)}`;
