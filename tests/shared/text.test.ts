import { describe, expect, it } from 'vitest';
import { foldForSearch, hasForbiddenCharacters, matchesQuery, normalizeJson, normalizeText } from '#shared/text';

describe('text', () => {
  it('stores NFC: a phone keyboard’s decomposed “Hộ tịch” equals the composed one', () => {
    const decomposed = 'Ho\u0323\u0302 ti\u0323ch';
    expect(normalizeText(`  ${decomposed}\u200B `)).toBe('Hộ tịch');
  });

  it('drops empty strings and trims nested values', () => {
    expect(normalizeJson({ a: ' x ', b: '   ', c: { d: ['  y'] } })).toEqual({ a: 'x', c: { d: ['y'] } });
  });

  it('searches without diacritics or case', () => {
    expect(foldForSearch('Đăng ký HỘ TỊCH')).toBe('dang ky ho tich');
    expect(matchesQuery('Hộ tịch — Đăng ký khai sinh', 'ho tich khai')).toBe(true);
    expect(matchesQuery('Chứng thực', 'ho tich')).toBe(false);
  });

  it('flags control and bidi override characters', () => {
    expect(hasForbiddenCharacters('a\u0007b', true)).toBe(true);
    expect(hasForbiddenCharacters('abc\u202Edef', true)).toBe(true);
    expect(hasForbiddenCharacters('line\nline', true)).toBe(false);
    expect(hasForbiddenCharacters('line\nline', false)).toBe(true);
  });
});
