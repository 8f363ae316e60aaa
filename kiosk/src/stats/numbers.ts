/**
 * The statistics summary's numbers and times written out by hand, the way `Intl` writes them for
 * vi-VN and en-GB ("1.234,5" / "1,234.5", "78,1%", "14:05 03/03/2026" / "03/03/2026, 14:05").
 * Why not `Intl`: a page's first `Intl` call starts ICU, tens of milliseconds of main thread on a
 * phone, and the summary is the first render; the sections below use `Intl` freely.
 * tests/kiosk/stats-numbers.test.ts checks these against `Intl` itself.
 */
import { toLocalIso } from '#shared/time';

export type NumberLang = 'vi' | 'en';

/** `n` (≥ 0) with at most `fraction` decimals, rounded half away from zero; undefined when out of reach (negative, exponent form). */
export function writeNumber(n: number, fraction: number, lang: NumberLang): string | undefined {
  if (!(n >= 0) || !Number.isFinite(n) || String(n).includes('e')) return undefined;
  // Shifting the decimal point in the text rounds the number as written, not its binary neighbour (0.7805 → 78.05 → 78.1).
  const scaled = String(Math.round(Number(`${n}e${fraction}`))).padStart(fraction + 1, '0');
  const whole = scaled.slice(0, scaled.length - fraction);
  const decimals = scaled.slice(scaled.length - fraction).replace(/0+$/, '');
  const [group, point] = lang === 'vi' ? ['.', ','] : [',', '.'];
  return whole.replace(/\B(?=(\d{3})+$)/g, group) + (decimals ? point + decimals : '');
}

/** A rate 0…1 as a percentage with at most one decimal ("78,1%"). */
export function writePercent(rate: number, lang: NumberLang): string | undefined {
  if (!(rate >= 0) || String(rate).includes('e')) return undefined;
  const percent = writeNumber(Number(`${rate}e2`), 1, lang);
  return percent === undefined ? undefined : `${percent}%`;
}

/** An instant as local time in Vietnam (UTC+7), with or without the time of day. */
export function writeLocalTime(iso: string, lang: NumberLang, withTime = true): string {
  const local = toLocalIso(iso);
  const date = `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
  if (!withTime) return date;
  const time = local.slice(11, 16);
  return lang === 'vi' ? `${time} ${date}` : `${date}, ${time}`;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-10` → "Tháng 10/2026" / "October 2026". */
export function writeMonth(month: string, lang: NumberLang): string {
  const [y, m] = month.split('-').map(Number);
  return lang === 'vi' ? `Tháng ${m}/${y}` : `${EN_MONTHS[m! - 1]} ${y}`;
}
