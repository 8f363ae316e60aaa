/**
 * Vietnamese first, English second. Each page keeps its own strings (so it ships only those) and
 * reads them through `translator(strings)`; the chosen language is remembered on the device.
 */
import { effect, signal } from '@preact/signals';

export type Lang = 'vi' | 'en';
const STORAGE_KEY = 'gopy.lang';

function stored(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export const lang = signal<Lang>(stored());

effect(() => {
  document.documentElement.lang = lang.value;
  try {
    localStorage.setItem(STORAGE_KEY, lang.value);
  } catch {
    // Private mode or storage full: the toggle still works for this visit.
  }
});

export type Strings<K extends string> = { vi: Record<K, string>; en: Record<K, string> };

/** `t('key', { n: 3 })` in the current language; `{n}` placeholders are filled from `values`. */
export function translator<K extends string>(strings: Strings<K>) {
  return (key: K, values?: Record<string, string | number>): string => {
    const text = strings[lang.value][key];
    return values ? text.replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? '')) : text;
  };
}

/** Local date and time in Asia/Ho_Chi_Minh, e.g. "14:05, 03/03/2026". */
export function formatDateTime(iso: string, withTime = true): string {
  const options: Intl.DateTimeFormatOptions = {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
  };
  return new Intl.DateTimeFormat(lang.value === 'vi' ? 'vi-VN' : 'en-GB', options).format(new Date(iso));
}
