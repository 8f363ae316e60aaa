/**
 * Redaction before anything becomes public (Decree 13/2023): phone numbers, e-mail addresses,
 * 12-digit citizen ID numbers (CCCD) and the submitter's own name are replaced by placeholders.
 * Pure; the published answer is exactly `redact(draft, { name })`.
 */
export const PLACEHOLDERS = {
  email: '[email]',
  phone: '[số điện thoại]',
  citizenId: '[số CCCD]',
  name: '[họ tên]',
} as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// A run of digits with optional single separators, optionally led by +: numbers as people write them.
const NUMBER_RUN = /(?<![\p{L}\p{N}])\+?\d(?:[ .-]?\d)*(?![\p{L}\p{N}])/gu;
const LETTER_OR_DIGIT = '[\\p{L}\\p{N}]';

function classifyNumber(run: string): keyof typeof PLACEHOLDERS | undefined {
  const digits = run.replace(/\D/g, '');
  if (/^\d{12}$/.test(digits) && !run.startsWith('+')) return 'citizenId';
  if (/^(84|0084)\d{9,10}$/.test(digits) && (run.startsWith('+') || run.startsWith('84') || run.startsWith('0084'))) return 'phone';
  if (/^0\d{9,10}$/.test(digits)) return 'phone';
  return undefined;
}

/** One folded character per input character, so indexes match the original text. */
function foldEach(text: string): string {
  let out = '';
  for (const ch of text) {
    const folded = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    out += folded.length === ch.length ? folded : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Removes the name wherever it appears whole, ignoring case, diacritics and spacing. */
function removeName(text: string, name: string): string {
  const words = foldEach(name.normalize('NFC')).split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.join('').length < 2) return text;
  const pattern = new RegExp(`(?<!${LETTER_OR_DIGIT})${words.map(escapeRegExp).join('\\s+')}(?!${LETTER_OR_DIGIT})`, 'gu');
  const folded = foldEach(text);
  let out = '';
  let last = 0;
  for (const match of folded.matchAll(pattern)) {
    out += text.slice(last, match.index) + PLACEHOLDERS.name;
    last = match.index + match[0].length;
  }
  return out + text.slice(last);
}

export function redact(text: string, options: { names?: (string | undefined)[] } = {}): string {
  let out = text.normalize('NFC').replace(EMAIL, PLACEHOLDERS.email);
  out = out.replace(NUMBER_RUN, (run) => {
    const kind = classifyNumber(run);
    return kind ? PLACEHOLDERS[kind] : run;
  });
  for (const name of options.names ?? []) if (name) out = removeName(out, name);
  return out;
}
