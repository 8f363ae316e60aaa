import { describe, expect, it } from 'vitest';
import { digestDay, dueSoonBefore } from '#shared/digest';
import { digestMessage } from '#shared/notifications';

describe('digestDay', () => {
  it.each([
    ['a Monday at 08:00 local', '2026-11-23T08:00:00+07:00', '2026-11-23'],
    ['07:00 local is 00:00 UTC', '2026-11-23T00:00:00Z', '2026-11-23'],
    ['before 07:00', '2026-11-23T06:59:00+07:00', undefined],
    ['a Sunday', '2026-11-22T09:00:00+07:00', undefined],
    ['National Day, 2 September', '2026-09-02T09:00:00+07:00', undefined],
  ])('%s → %s', (_name, now, expected) => {
    expect(digestDay(now)).toBe(expected);
  });
});

describe('dueSoonBefore', () => {
  it('is the end of the next working day: from a Friday, the Monday', () => {
    expect(dueSoonBefore('2026-11-27T08:00:00+07:00')).toBe('2026-11-30T23:59:59+07:00');
  });
});

describe('digestMessage', () => {
  it('gives counts and a link to the inbox, no citizen data', () => {
    const message = digestMessage('pakn@stp.gov.vn', { name: 'Sở Tư pháp' }, { open: 5, overdue: 1, dueSoon: 2 }, '2026-11-23', 'https://gopy.example.gov.vn/');

    expect(message).toMatchObject({ channel: 'email', to: 'pakn@stp.gov.vn', subject: 'Góp Ý 23/11/2026 — Sở Tư pháp: 1 quá hạn, 2 sắp đến hạn' });
    expect(message.text).toContain('- Đang cần xử lý: 5');
    expect(message.text).toContain('https://gopy.example.gov.vn/inbox');
  });
});
