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
  // CCCD numbers start with the province code 001–096.
  if (/^0\d{11}$/.test(digits) && !run.startsWith('+')) return 'citizenId';
  if (/^(84|0084)\d{9,10}$/.test(digits) && (run.startsWith('+') || run.startsWith('84') || run.startsWith('0084'))) return 'phone';
  if (/^0\d{9,10}$/.test(digits)) return 'phone';
  return undefined;
}

/**
 * A run is redacted whole when it is one number; otherwise its space-separated groups are tried,
 * longest first, so "Quầy 2 0912 345 678" still loses the phone number but keeps "2".
 */
function redactRun(run: string): string {
  const whole = classifyNumber(run);
  if (whole) return PLACEHOLDERS[whole];
  const groups = run.split(' ');
  if (groups.length < 2) return run;
  const out: string[] = [];
  for (let i = 0; i < groups.length; ) {
    let j = groups.length;
    while (j > i && !classifyNumber(groups.slice(i, j).join(' '))) j--;
    const kind = j > i ? classifyNumber(groups.slice(i, j).join(' ')) : undefined;
    out.push(kind ? PLACEHOLDERS[kind] : groups[i]!);
    i = kind ? j : i + 1;
  }
  return out.join(' ');
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
  out = out.replace(NUMBER_RUN, redactRun);
  for (const name of options.names ?? []) if (name) out = removeName(out, name);
  return out;
}
