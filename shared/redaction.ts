/**
 * Redaction before anything becomes public (Decree 13/2023, Law 91/2025). Removes the record's own
 * contact data the ways people actually write it (any case, with or without diacritics, numbers with
 * any spacing, dots, dashes, brackets, +84/84/0 prefixes or full-width digits, the address or its
 * house number and street), and in general e-mail addresses, phone numbers, citizen ID numbers
 * (CCCD) and dossier numbers. Numbers and e-mails the department publishes itself (`keep`) stay.
 *
 * Matching runs on a folded copy of the text (one folded character per character, so positions
 * match) and replaces spans of the original. Pure: the approver's preview and the published text
 * are both `redact(text, redactionContext(record, catalog))`.
 */
export const PLACEHOLDERS = {
  email: '[email]',
  phone: '[số điện thoại]',
  citizenId: '[số CCCD]',
  name: '[họ tên]',
  address: '[địa chỉ]',
  dossier: '[số hồ sơ]',
} as const;

export type RedactionContext = {
  contact?: { name?: string; phone?: string; email?: string; address?: string };
  /** The record's own dossier number. */
  dossierNumber?: string;
  /** Other names to remove (e.g. the submitter's, when no contact object is at hand). */
  names?: (string | undefined)[];
  /** Published by the department itself (catalog `publicPhone`, `publicEmail`): kept wherever they appear. */
  keep?: (string | undefined)[];
};

/** A span to replace (`placeholder`) or to keep (`null`); `own`: the record's own data, which a keep never protects. */
type Span = { start: number; end: number; placeholder: string | null; own?: boolean };

const LETTER_OR_DIGIT = '[\\p{L}\\p{N}]';
/** Between the digits of a number as people write it: spaces, dots, dashes, brackets, slashes. */
const DIGIT_GAP = '[\\s.\\-–—()/·_]{0,3}';
const WORD_GAP = '[\\s,.;:\\-–/]+';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// A run of digits with short separators (a bracket, one or two spaces, a dot or dash), optionally led by + or (.
const NUMBER_RUN = /(?<![\p{L}\p{N}])\(?\+?\d(?:(?:\) ?|[ .-]{1,2})?\d)*(?![\p{L}\p{N}])/gu;
// Dossier numbers of the one-stop system: agency code, day (yymmdd) and sequence, 000.00.15.H29-261110-0042.
const DOSSIER = /(?<![\p{L}\p{N}])\d{2,3}[.\s]\d{2}[.\s]\d{2}[.\s][a-z]\d{2}\s*[-–]\s*\d{6}\s*[-–]\s*\d{4}(?![\p{N}])/gu;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One folded character per input character: compatibility forms (full-width digits), no diacritics, lower case. */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const folded = ch.normalize('NFKC').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    out += folded.length === ch.length ? folded : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}

function spansOf(folded: string, pattern: RegExp, placeholder: string | null, own = false): Span[] {
  return [...folded.matchAll(pattern)].map((m) => balanced(folded, { start: m.index, end: m.index + m[0].length, placeholder, own }));
}

/** A number span takes its brackets whole: "(0916) 222 333" all goes, "(0912 345 678)" keeps both. */
function balanced(folded: string, span: Span): Span {
  const text = folded.slice(span.start, span.end);
  const open = text.split('(').length - 1;
  const close = text.split(')').length - 1;
  if (open > close && text.startsWith('(')) return { ...span, start: span.start + 1 };
  if (close > open && folded[span.start - 1] === '(') return { ...span, start: span.start - 1 };
  return span;
}

function classifyNumber(run: string): 'phone' | 'citizenId' | undefined {
  const digits = run.replace(/\D/g, '');
  const lead = run.replace(/^\(/, '');
  // CCCD numbers start with the province code 001–096.
  if (/^0\d{11}$/.test(digits) && !lead.startsWith('+')) return 'citizenId';
  if (/^(84|0084)\d{9,10}$/.test(digits) && (lead.startsWith('+') || lead.startsWith('84') || lead.startsWith('0084'))) return 'phone';
  if (/^0\d{9,10}$/.test(digits)) return 'phone';
  return undefined;
}

/**
 * A run is redacted whole when it is one number; otherwise its space-separated groups are tried,
 * longest first, so "Quầy 2 0912 345 678" still loses the phone number but keeps "2".
 */
function numberSpans(folded: string): Span[] {
  const spans: Span[] = [];
  for (const match of folded.matchAll(NUMBER_RUN)) {
    const run = match[0];
    const whole = classifyNumber(run);
    if (whole) {
      spans.push(balanced(folded, { start: match.index, end: match.index + run.length, placeholder: PLACEHOLDERS[whole] }));
      continue;
    }
    const groups = [...run.matchAll(/\S+/g)].map((g) => ({ text: g[0], start: match.index + g.index }));
    for (let i = 0; i < groups.length; ) {
      let j = groups.length;
      const joined = (to: number) => folded.slice(groups[i]!.start, groups[to - 1]!.start + groups[to - 1]!.text.length);
      while (j > i + 1 && !classifyNumber(joined(j))) j--;
      const kind = classifyNumber(joined(j));
      if (kind) spans.push({ start: groups[i]!.start, end: groups[j - 1]!.start + groups[j - 1]!.text.length, placeholder: PLACEHOLDERS[kind] });
      i = kind ? j : i + 1;
    }
  }
  return spans;
}

/** The digits of a phone number without its country or trunk prefix (+84, 84, 0084, 0). */
export function nationalDigits(phone: string): string {
  const digits = phone.normalize('NFKC').replace(/\D/g, '');
  if (/^0084\d{9,10}$/.test(digits)) return digits.slice(4);
  if (/^84\d{9,10}$/.test(digits)) return digits.slice(2);
  return digits.replace(/^0/, '');
}

/** The number with any gaps between digits and any of the prefixes people write. */
function phonePattern(phone: string): RegExp | undefined {
  const digits = nationalDigits(phone);
  if (digits.length < 6) return undefined;
  const joined = (d: string) => [...d].join(DIGIT_GAP);
  const prefix = `(?:[(+]${DIGIT_GAP})?(?:(?:\\+${DIGIT_GAP}|${joined('00')}${DIGIT_GAP})?${joined('84')}${DIGIT_GAP})?(?:0${DIGIT_GAP})?`;
  return new RegExp(`(?<!\\p{N})${prefix}${joined(digits)}(?!\\p{N})`, 'gu');
}

/** local@domain, also with spaces or "(at)" for the @ and spaces around the dots. */
function emailPattern(email: string): RegExp | undefined {
  const [local, domain] = fold(email.trim()).split('@');
  if (!local || !domain) return undefined;
  const dom = domain.split('.').map(escapeRegExp).join('\\s*\\.\\s*');
  return new RegExp(`(?<![\\p{L}\\p{N}._%+-])${escapeRegExp(local)}\\s*(?:@|\\(at\\)|\\[at\\]|\\sat\\s)\\s*${dom}(?![\\p{L}\\p{N}])`, 'gu');
}

/** Words in order, any spacing between them (even none), whole words only. */
function wordsPattern(words: string[], gap: string): RegExp {
  return new RegExp(`(?<!${LETTER_OR_DIGIT})${words.map(escapeRegExp).join(gap)}(?!${LETTER_OR_DIGIT})`, 'gu');
}

const words = (text: string) => fold(text.normalize('NFC')).split(/[\s,.;:]+/).filter(Boolean);
const STREET_WORDS = new Set(['pho', 'duong', 'ngo', 'ngach', 'hem', 'kiet', 'thon', 'xom', 'ap', 'to']);
const HOUSE_WORDS = new Set(['so', 'nha', 'sn']);

/**
 * The address whole, and its distinctive part: from the house number to the street (and the
 * street's name after that number, with a few words between), e.g. "45 ngõ 12 phố Huế", "số 45 phố Huế".
 */
function addressPatterns(address: string): RegExp[] {
  const all = words(address);
  if (all.length === 0 || all.join('').length < 4) return [];
  const patterns = [wordsPattern(all, WORD_GAP)];
  const house = all.findIndex((w) => /\d/.test(w) && !HOUSE_WORDS.has(w));
  if (house < 0) return patterns;
  const segments = fold(address).split(',').map((s) => s.split(/[\s.;:]+/).filter(Boolean));
  // The street: the segment with the last street word (phố, đường, ngõ…); else the house number's.
  let offset = 0;
  let streetEnd = -1;
  let streetName: string[] = [];
  for (const segment of segments) {
    const kw = segment.findIndex((w) => STREET_WORDS.has(w));
    if (kw >= 0 && offset + segment.length > house) {
      streetEnd = offset + segment.length;
      streetName = segment.slice(kw + 1).filter((w) => !/\d/.test(w));
    }
    offset += segment.length;
  }
  if (streetEnd < 0) streetEnd = Math.min(all.length, house + 3);
  const head = all.slice(house, streetEnd);
  if (head.length >= 2) patterns.push(wordsPattern(head, WORD_GAP));
  if (streetName.length) {
    const between = `(?:${WORD_GAP}[\\p{L}\\p{N}/]+){0,4}?${WORD_GAP}`;
    patterns.push(new RegExp(`(?<!${LETTER_OR_DIGIT})${escapeRegExp(all[house]!)}${between}${streetName.map(escapeRegExp).join(WORD_GAP)}(?!${LETTER_OR_DIGIT})`, 'gu'));
  }
  return patterns;
}

function namePattern(name: string): RegExp | undefined {
  const parts = words(name);
  if (parts.length === 0 || parts.join('').length < 2) return undefined;
  return wordsPattern(parts, '[\\s.\\-_]*');
}

function dossierPattern(dossier: string): RegExp | undefined {
  const chars = [...fold(dossier)].filter((c) => /[\p{L}\p{N}]/u.test(c));
  if (chars.length < 6) return undefined;
  return new RegExp(`(?<!${LETTER_OR_DIGIT})${chars.map(escapeRegExp).join('[\\s.\\-–/_]{0,2}')}(?!${LETTER_OR_DIGIT})`, 'gu');
}

/** Spans of numbers and e-mails the department publishes itself. */
function keepSpans(folded: string, keep: (string | undefined)[]): Span[] {
  const spans: Span[] = [];
  for (const value of keep) {
    if (!value) continue;
    const pattern = value.includes('@') ? emailPattern(value) : phonePattern(value);
    if (pattern) spans.push(...spansOf(folded, pattern, null));
  }
  return spans;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export function redact(text: string, context: RedactionContext = {}): string {
  const source = text.normalize('NFC');
  const folded = fold(source);
  const { contact } = context;
  const own = (pattern: RegExp | undefined, placeholder: string) => (pattern ? spansOf(folded, pattern, placeholder, true) : []);
  const keeps = keepSpans(folded, context.keep ?? []);
  const candidates: Span[] = [
    ...own(context.dossierNumber ? dossierPattern(context.dossierNumber) : undefined, PLACEHOLDERS.dossier),
    ...own(contact?.email ? emailPattern(contact.email) : undefined, PLACEHOLDERS.email),
    ...own(contact?.phone ? phonePattern(contact.phone) : undefined, PLACEHOLDERS.phone),
    ...(contact?.address ? addressPatterns(contact.address).flatMap((p) => own(p, PLACEHOLDERS.address)) : []),
    ...[contact?.name, ...(context.names ?? [])].flatMap((name) => own(name ? namePattern(name) : undefined, PLACEHOLDERS.name)),
    ...spansOf(folded, DOSSIER, PLACEHOLDERS.dossier),
    ...spansOf(folded, EMAIL, PLACEHOLDERS.email),
    ...numberSpans(folded),
  ].filter((span) => span.own || !keeps.some((k) => overlaps(k, span)));
  // Overlapping spans become one (the earliest names it): the union is removed.
  const merged: Span[] = [];
  for (const span of candidates.sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  let out = '';
  let at = 0;
  for (const span of merged) {
    out += source.slice(at, span.start) + span.placeholder;
    at = span.end;
  }
  return out + source.slice(at);
}
