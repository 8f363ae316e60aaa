/** Text hygiene shared by the API and the pages: every string is stored trimmed and in NFC. */

const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\uFEFF]/g;
// C0/C1 controls except tab and newline, and the bidi overrides/isolates that can disguise text.
const FORBIDDEN_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const FORBIDDEN_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').replace(ZERO_WIDTH, '').trim();
}

/** Trims and NFC-normalizes every string in a JSON value; empty strings become absent. */
export function normalizeJson(value: unknown, depth = 0): unknown {
  if (depth > 20) return value;
  if (typeof value === 'string') return normalizeText(value);
  if (Array.isArray(value)) return value.map((item) => normalizeJson(item, depth + 1));
  if (value && typeof value === 'object') {
    // fromEntries defines own properties: a "__proto__" key stays data and never sets the prototype.
    return Object.fromEntries(
      Object.entries(value)
        .map(([key, item]) => [key, normalizeJson(item, depth + 1)] as const)
        .filter(([, normalized]) => normalized !== '' && normalized !== undefined),
    );
  }
  return value;
}

export function hasForbiddenCharacters(value: string, multiline: boolean): boolean {
  return (multiline ? FORBIDDEN_MULTILINE : FORBIDDEN_SINGLE_LINE).test(value);
}

/** Lower-case, diacritics-free form for search: "Hộ tịch" → "ho tich". */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query appears in the text, ignoring diacritics and case. */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = foldForSearch(text);
  return foldForSearch(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
