import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, codeFromBytes, parseTrackingCode, RANDOM_SYMBOLS } from '#shared/tracking-code';

const bytes = fc.uint8Array({ minLength: 16, maxLength: 16 });

describe('tracking codes', () => {
  it('avoid symbols that are confused when read aloud', () => {
    for (const confusing of ['0', 'O', '1', 'I', 'L', 'U']) expect(CODE_ALPHABET).not.toContain(confusing);
  });

  it('carry at least 40 random bits', () => {
    expect(RANDOM_SYMBOLS * Math.log2(CODE_ALPHABET.length)).toBeGreaterThanOrEqual(40);
  });

  it('have a fixed prefix and round-trip through parsing, however typed', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const code = codeFromBytes(b);
        expect(code).toMatch(/^GY-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
        expect(parseTrackingCode(code)).toBe(code);
        expect(parseTrackingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
      }),
    );
  });

  it('reject any single wrong symbol (check character)', () => {
    fc.assert(
      fc.property(bytes, fc.nat(), fc.nat(), (b, position, replacement) => {
        const code = codeFromBytes(b);
        const symbols = code.replace(/^GY-|-/g, '').split('');
        const i = position % symbols.length;
        const other = CODE_ALPHABET.replace(symbols[i]!, '');
        symbols[i] = other[replacement % other.length]!;
        expect(parseTrackingCode(`GY${symbols.join('')}`)).toBeNull();
      }),
    );
  });

  it('reject malformed input', () => {
    expect(parseTrackingCode('')).toBeNull();
    expect(parseTrackingCode('GY-ABCDE')).toBeNull();
    expect(parseTrackingCode('XX-22222-22222')).toBeNull();
    expect(parseTrackingCode('GY-0OOO1-IIIII')).toBeNull();
  });
});
