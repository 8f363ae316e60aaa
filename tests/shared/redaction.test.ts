import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '#shared/redaction';

describe('redact', () => {
  const cases: [string, string, string, string[]?][] = [
    ['mobile, plain', 'Gọi 0912345678 nhé', 'Gọi [số điện thoại] nhé'],
    ['mobile with spaces and dots', 'SĐT: 0912 345 678 hoặc 091.234.5678', 'SĐT: [số điện thoại] hoặc [số điện thoại]'],
    ['international form', 'số +84 912-345-678', 'số [số điện thoại]'],
    ['landline', 'máy bàn 028 3829 1234', 'máy bàn [số điện thoại]'],
    ['e-mail', 'gửi về an.nguyen+pakn@gmail.com.', 'gửi về [email].'],
    ['citizen ID (12 digits)', 'CCCD 001234567890 cấp 2021', 'CCCD [số CCCD] cấp 2021'],
    ['citizen ID grouped', 'CCCD 001 234 567 890', 'CCCD [số CCCD]'],
    ['own name, any case and diacritics', 'Ông Nguyễn Văn An và NGUYEN VAN AN', 'Ông [họ tên] và [họ tên]', ['Nguyễn Văn An']],
    ['name only as a whole word', 'Nguyễn Văn Anh không phải là người gửi', 'Nguyễn Văn Anh không phải là người gửi', ['Nguyễn Văn An']],
  ];
  for (const [name, input, expected, names] of cases) {
    it(name, () => expect(redact(input, { names })).toBe(expected));
  }

  it('leaves procedure codes, dates, amounts and dossier numbers alone', () => {
    const text = 'Thủ tục 1.001247 nộp ngày 12/03/2026, phí 1.000.000 đồng, hồ sơ 000.00.12.H29-240101-0001, hotline 1900 1234.';
    expect(redact(text)).toBe(text);
  });

  it('never leaves a 10-digit mobile number in the output (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.stringMatching(/^0[35789]\d{8}$/), fc.string({ maxLength: 30 }), (before, phone, after) => {
        const out = redact(`${before} ${phone} ${after}`);
        expect(out.replace(/\D/g, '')).not.toContain(phone);
      }),
    );
  });
});

describe('redact, numbers next to other numbers', () => {
  it('finds the phone inside a longer run of digit groups', () => {
    expect(redact('Quầy 2 0912 345 678')).toBe('Quầy 2 [số điện thoại]');
  });
  it('large amounts are not citizen IDs', () => {
    expect(redact('100.000.000.000 đồng')).toBe('100.000.000.000 đồng');
  });
});
