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

  it('leaves procedure codes, dates, amounts and short hotlines alone', () => {
    const text = 'Thủ tục 1.001247 nộp ngày 12/03/2026, phí 1.000.000 đồng, hotline 1900 1234.';
    expect(redact(text)).toBe(text);
  });

  it('removes dossier numbers of the one-stop system', () => {
    expect(redact('hồ sơ 000.00.15.H29-261110-0042 đã trả')).toBe('hồ sơ [số hồ sơ] đã trả');
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

describe('redact with the record’s own contact data', () => {
  const contact = { name: 'Phạm Thị Hồng Nhung', phone: '0916 222 333', email: 'nhung.pham@gmail.com', address: 'Số 45 ngõ 12 phố Huế, Hai Bà Trưng' };
  const keep = ['024 3825 3536', 'sotuphap@hanoi.gov.vn'];
  const cases: [string, string, string][] = [
    ['phone in brackets', 'ĐT (0916) 222 333.', 'ĐT [số điện thoại].'],
    ['phone with double spaces', 'ĐT 0916  222  333.', 'ĐT [số điện thoại].'],
    ['phone in full-width digits', 'ĐT ０９１６２２２３３３.', 'ĐT [số điện thoại].'],
    ['phone with +84', 'ĐT +84 916.222.333', 'ĐT [số điện thoại]'],
    ['name without diacritics, upper case', 'Bà PHAM THI HONG NHUNG', 'Bà [họ tên]'],
    ['address verbatim', 'ở Số 45 ngõ 12 phố Huế, Hai Bà Trưng.', 'ở [địa chỉ].'],
    ['house number and street', 'nhà 45 phố Huế', 'nhà [địa chỉ]'],
    ['e-mail written with spaces', 'thư nhung.pham @ gmail.com', 'thư [email]'],
    ['the department’s own hotline and e-mail stay', 'liên hệ ông Trần Minh, ĐT 024 3825 3536, sotuphap@hanoi.gov.vn', 'liên hệ ông Trần Minh, ĐT 024 3825 3536, sotuphap@hanoi.gov.vn'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => expect(redact(input, { contact, keep })).toBe(expected));
  }
});

/** fast-check: contact data generated, embedded in the forms people write, never survives. */
describe('redact, properties', () => {
  const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
  const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thu', 'Ngọc', 'Quang'];
  const GIVEN = ['Nhung', 'Hùng', 'Dũng', 'Lan', 'Hương', 'Tuấn', 'Thảo', 'Đông', 'Khánh', 'Yến'];
  const STREET_KIND = ['phố', 'đường', 'ngõ'];
  const STREET = ['Huế', 'Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Trãi', 'Hàng Bài', 'Điện Biên Phủ'];
  const WARD = ['Hai Bà Trưng', 'Ba Đình', 'phường Bến Thành', 'xã Bình Chánh'];
  const FILLER = ['Kính gửi', 'Sở đã tiếp thu ý kiến', 'liên hệ', 'theo địa chỉ', 'đề nghị', 'Trân trọng.', ',', '—', 'của Ông/Bà'];
  const strip = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const fold = (text: string) => strip(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ');
  const fullWidth = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

  const person = fc.record({
    name: fc.tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN)).map((p) => p.join(' ')),
    nsn: fc.tuple(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^\d{8}$/)).map(([a, b]) => a + b),
    email: fc.tuple(fc.stringMatching(/^[a-z]{3,8}$/), fc.constantFrom('', '.', '_'), fc.stringMatching(/^[a-z]{0,5}$/), fc.constantFrom('gmail.com', 'yahoo.com.vn', 'example.vn')).map(([a, s, b, d]) => `${a}${b ? s + b : ''}@${d}`),
    house: fc.integer({ min: 1, max: 999 }).map(String),
    kind: fc.constantFrom(...STREET_KIND),
    street: fc.constantFrom(...STREET),
    ward: fc.constantFrom(...WARD),
  });
  type Person = typeof person extends fc.Arbitrary<infer T> ? T : never;

  const phoneForms = (nsn: string) => {
    const local = `0${nsn}`;
    const groups = (sizes: readonly number[], digits: string) => {
      const out: string[] = [];
      let at = 0;
      for (const size of sizes) out.push(digits.slice(at, (at += size)));
      return out;
    };
    return fc.tuple(
      fc.constantFrom([4, 3, 3], [3, 3, 4], [2, 4, 4], [10]),
      fc.constantFrom(' ', '.', '-', '  ', ''),
      fc.constantFrom('0', '+84 ', '84', '+84', '(+84) ', '0084 '),
      fc.boolean(),
      fc.boolean(),
    ).map(([sizes, sep, prefix, bracket, wide]) => {
      const parts = groups(sizes, local);
      const withPrefix = prefix === '0' ? parts : [prefix + parts[0]!.slice(1), ...parts.slice(1)];
      const text = bracket && withPrefix.length > 1 ? `(${withPrefix[0]}) ${withPrefix.slice(1).join(sep || ' ')}` : withPrefix.join(sep);
      return wide ? fullWidth(text) : text;
    });
  };
  const nameForms = (name: string) => fc.constantFrom(name, name.toUpperCase(), name.toLowerCase(), strip(name), strip(name).toUpperCase(), name.replace(/ /g, '  '));
  const addressForms = (p: Person) => {
    const head = `${p.house} ${p.kind} ${p.street}`;
    return fc.constantFrom(`Số ${head}, ${p.ward}`, head, `nhà ${head}`, strip(head), head.toUpperCase(), `số nhà ${p.house}, ${p.kind} ${p.street}`, `nhà ${p.house} ${p.street}`);
  };
  const emailForms = (email: string) => fc.constantFrom(email, email.toUpperCase(), email.replace('@', ' @ '));

  const scenario = person.chain((p) =>
    fc.record({
      p: fc.constant(p),
      pieces: fc.array(fc.oneof(fc.constantFrom(...FILLER), nameForms(p.name), phoneForms(p.nsn), addressForms(p), emailForms(p.email)), { minLength: 1, maxLength: 12 }),
    }),
  );
  const contactOf = (p: Person) => ({ name: p.name, phone: `0${p.nsn}`, email: p.email, address: `Số ${p.house} ${p.kind} ${p.street}, ${p.ward}` });

  it('no name, phone, e-mail or house number and street survives, in any form', () => {
    fc.assert(
      fc.property(scenario, ({ p, pieces }) => {
        const out = fold(redact(pieces.join(' '), { contact: contactOf(p), keep: ['024 3825 3536'] }));
        const words = fold(p.name).split(' ');
        for (let i = 1; i < words.length; i++) expect(out).not.toContain(`${words[i - 1]} ${words[i]}`);
        expect(out.replace(/[\s.\-()+]/g, '')).not.toContain(p.nsn);
        expect(out.replace(/\s/g, '')).not.toContain(p.email);
        expect(out).not.toMatch(new RegExp(`(?<!\\d)${p.house}\\D{0,12}${fold(p.street)}`));
      }),
      { numRuns: 300 },
    );
  });

  it('the department’s published hotline survives next to the citizen’s data', () => {
    fc.assert(
      fc.property(scenario, ({ p, pieces }) => {
        const out = redact(`${pieces.join(' ')} Hỏi thêm: 024 3825 3536.`, { contact: contactOf(p), keep: ['024 3825 3536'] });
        expect(out).toContain('024 3825 3536');
      }),
      { numRuns: 100 },
    );
  });

  it('CCCD and dossier numbers never survive, however grouped (no record data needed)', () => {
    const cccd = fc.tuple(fc.stringMatching(/^0(0[1-9]|[1-8]\d|9[0-6])$/), fc.stringMatching(/^\d{9}$/)).map(([a, b]) => a + b);
    const dossier = fc.tuple(fc.stringMatching(/^\d{3}$/), fc.stringMatching(/^\d{2}$/), fc.stringMatching(/^\d{2}$/), fc.stringMatching(/^[A-Z]\d{2}$/), fc.stringMatching(/^\d{6}$/), fc.stringMatching(/^\d{4}$/)).map(
      ([a, b, c, d, e, f]) => ({ text: `${a}.${b}.${c}.${d}-${e}-${f}`, tail: `${e}-${f}` }),
    );
    fc.assert(
      fc.property(cccd, fc.constantFrom(' ', ''), dossier, fc.constantFrom(...FILLER), (id, sep, d, filler) => {
        const grouped = sep ? id.match(/.{1,3}/g)!.join(sep) : id;
        const out = redact(`${filler} CCCD ${grouped}, hồ sơ ${d.text}. ${filler}`);
        expect(out.replace(/\s/g, '')).not.toContain(id);
        expect(out).not.toContain(d.tail);
      }),
      { numRuns: 200 },
    );
  });
});
