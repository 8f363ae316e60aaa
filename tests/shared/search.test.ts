import { describe, expect, it } from 'vitest';
import { matchesSearch, phoneDigits } from '#shared/search';

const record = {
  trackingCode: 'GY-SM8VC-CMFNN',
  comment: 'Đề nghị bố trí thêm ghế chờ.',
  contact: { name: 'Nguyễn Thị Hồng Nhung', phone: '0912.345.678' },
};
const owner = { contact: true };
const other = { contact: false };

describe('matchesSearch', () => {
  it('finds a tracking code whole, without dashes, in lower case, or by one group', () => {
    for (const q of ['GY-SM8VC-CMFNN', 'gysm8vccmfnn', 'GY SM8VC CMFNN', 'SM8VC', 'cmfnn']) expect(matchesSearch(record, q, other), q).toBe(true);
    expect(matchesSearch(record, 'GY-SM8VC-CMFNP', other)).toBe(false); // another (invalid) code
    expect(matchesSearch(record, 'SM8VD', other)).toBe(false);
  });

  it('finds the owner’s contact by name without diacritics and by phone in any format', () => {
    for (const q of ['nguyen thi hong nhung', 'HONG NHUNG', '0912 345 678', '+84 912 345 678', '0912-345-678', '345678']) expect(matchesSearch(record, q, owner), q).toBe(true);
    expect(matchesSearch(record, '0912 345 679', owner)).toBe(false);
  });

  it('never searches contact data outside the owning department', () => {
    expect(matchesSearch(record, 'hong nhung', other)).toBe(false);
    expect(matchesSearch(record, '0912345678', other)).toBe(false);
  });

  it('still searches the text', () => {
    expect(matchesSearch(record, 'GHE CHO', other)).toBe(true);
  });

  it('phoneDigits puts numbers in their national form', () => {
    expect(phoneDigits('+84 912 345 678')).toBe('0912345678');
    expect(phoneDigits('0084912345678')).toBe('0912345678');
    expect(phoneDigits('0912.345.678')).toBe('0912345678');
  });
});
