import { expect, test } from 'vitest';
import { writeLocalTime, writeMonth, writeNumber, writePercent } from '../../kiosk/src/stats/numbers.ts';

const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;
const langs = ['vi', 'en'] as const;

test('counts and days are written as Intl writes them in Vietnamese and English', () => {
  // 4.0005 × 1000 is 4000.4999… in binary: rounding must shift the written decimals, as Intl does.
  const values = [0, 1, 7, 12.5, 999, 1000, 1234.5678, 45_678, 1_000_000, 1_234_567.8915, 0.0005, 2.0005, 4.0005];

  for (const lang of langs) {
    const intl = new Intl.NumberFormat(LOCALES[lang]);
    for (const n of values) expect(writeNumber(n, 3, lang), `${lang} ${n}`).toBe(intl.format(n));
  }
});

test('rates are written as Intl writes percentages with one decimal, halves included', () => {
  // Every rate a month of up to 2,000 answers can produce around the tricky halves, and the ends.
  const rates = [0, 1, 0.5, 0.7805, 0.12345, 0.99995, 1 / 3, 2 / 3, ...Array.from({ length: 2001 }, (_, i) => i / 2000)];

  for (const lang of langs) {
    const intl = new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 });
    for (const rate of rates) expect(writePercent(rate, lang), `${lang} ${rate}`).toBe(intl.format(rate));
  }
});

test('what it cannot write is left to Intl', () => {
  expect(writeNumber(-1, 3, 'vi')).toBeUndefined();
  expect(writeNumber(1e21, 3, 'vi')).toBeUndefined();
  expect(writePercent(1e-7, 'en')).toBeUndefined();
  expect(writeNumber(Number.NaN, 3, 'en')).toBeUndefined();
});

test('times and months are local to Vietnam, written as Intl writes them', () => {
  const instants = ['2026-03-03T07:05:00Z', '2026-03-03T17:05:00Z', '2026-12-31T16:59:59Z', '2027-01-01T00:00:00+07:00'];

  for (const lang of langs) {
    const withTime = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
    const dateOnly = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
    for (const iso of instants) {
      expect(writeLocalTime(iso, lang), `${lang} ${iso}`).toBe(withTime.format(new Date(iso)));
      expect(writeLocalTime(iso, lang, false), `${lang} ${iso}`).toBe(dateOnly.format(new Date(iso)));
    }
  }
  expect(writeMonth('2026-10', 'vi')).toBe('Tháng 10/2026');
  expect(writeMonth('2026-10', 'en')).toBe(new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 9, 1))));
});
