/** Number formats of the page, in the reader's language (vi: "78,1%", en: "78.1%"). */
import { lang } from '../common/i18n.ts';

const locale = () => (lang.value === 'vi' ? 'vi-VN' : 'en-GB');

export const formatCount = (n: number) => new Intl.NumberFormat(locale()).format(n);

export const formatRate = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(rate);

export const formatDays = (days: number | null | undefined) => (days === null || days === undefined ? '—' : new Intl.NumberFormat(locale()).format(days));

/** `2026-10` → "Tháng 10/2026" / "October 2026". */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (lang.value === 'vi') return `Tháng ${m}/${y}`;
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, 1)));
}

/** Short label for chart axes: "10/26". */
export const shortMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(2, 4)}`;
