/** Number formats of the page, in the reader's language (vi: "78,1%", en: "78.1%"). */
import { lang } from '../common/i18n.ts';

const locale = () => (lang.value === 'vi' ? 'vi-VN' : 'en-GB');

/** One formatter per language and style: building an Intl formatter costs far more than using one (the table formats hundreds of cells). */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(style: 'count' | 'percent'): Intl.NumberFormat {
  const key = `${locale()} ${style}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale(), style === 'percent' ? { style: 'percent', maximumFractionDigits: 1 } : {})));
  return format;
}

export const formatCount = (n: number) => numberFormat('count').format(n);

export const formatRate = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : numberFormat('percent').format(rate));

export const formatDays = (days: number | null | undefined) => (days === null || days === undefined ? '—' : numberFormat('count').format(days));

/** `2026-10` → "Tháng 10/2026" / "October 2026". */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (lang.value === 'vi') return `Tháng ${m}/${y}`;
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, 1)));
}

/** Short label for chart axes: "10/26". */
export const shortMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(2, 4)}`;
