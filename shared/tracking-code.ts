/**
 * Tracking codes such as `GY-7KQ4M-9X2TB`: read aloud over the phone without 0/O or 1/I/L confusion
 * (nor U, which reads like V), 9 random symbols from a 30-symbol alphabet (44 bits) and a Luhn mod-30 check symbol
 * that catches any single wrong symbol and most swapped neighbours.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_PREFIX = 'GY';
export const RANDOM_SYMBOLS = 9;
const N = CODE_ALPHABET.length;

function checkSymbol(payload: string): string {
  // Luhn mod N, computed from the rightmost payload symbol.
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i--) {
    let addend = factor * CODE_ALPHABET.indexOf(payload[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return CODE_ALPHABET[(N - (sum % N)) % N]!;
}

/** Builds a code from at least 9 bytes of randomness (or of a keyed hash). */
export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < RANDOM_SYMBOLS) throw new RangeError('need at least 9 bytes');
  // Reduce 8 bytes → 64-bit integer; take base-30 digits (44 bits used, bias < 2^-19).
  let value = 0n;
  for (let i = 0; i < 8; i++) value = (value << 8n) | BigInt(bytes[i]!);
  let payload = '';
  for (let i = 0; i < RANDOM_SYMBOLS; i++) {
    payload += CODE_ALPHABET[Number(value % BigInt(N))];
    value /= BigInt(N);
  }
  const full = payload + checkSymbol(payload);
  return `${CODE_PREFIX}-${full.slice(0, 5)}-${full.slice(5)}`;
}

/**
 * Accepts what a person types (lower case, spaces, missing dashes) and returns the canonical code,
 * or null when it is not a valid code.
 */
export function parseTrackingCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-.]/g, '');
  if (!compact.startsWith(CODE_PREFIX)) return null;
  const symbols = compact.slice(CODE_PREFIX.length);
  if (symbols.length !== RANDOM_SYMBOLS + 1) return null;
  for (const c of symbols) if (!CODE_ALPHABET.includes(c)) return null;
  const payload = symbols.slice(0, RANDOM_SYMBOLS);
  if (checkSymbol(payload) !== symbols[RANDOM_SYMBOLS]) return null;
  return `${CODE_PREFIX}-${symbols.slice(0, 5)}-${symbols.slice(5)}`;
}
