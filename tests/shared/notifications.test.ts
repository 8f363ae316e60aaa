import { describe, expect, it } from 'vitest';
import { fairBatch, recipientOf } from '#shared/notifications';

const sms = (to: string, n: number) => ({ channel: 'sms' as const, to, n });

describe('fairBatch', () => {
  it('a flood to one recipient takes a few places; everyone else is in the same run, oldest first', () => {
    const flood = Array.from({ length: 290 }, (_, n) => sms('0916222333', n));
    const others = [sms('0912000001', 1000), sms('0912000002', 1001)];

    const batch = fairBatch([...flood, ...others], { perRecipient: 2, max: 100 });

    expect(batch.map((m) => m.n)).toEqual([0, 1000, 1001, 1]);
  });

  it('stops at max, round by round', () => {
    const items = [sms('0911111111', 1), sms('0911111111', 2), sms('0922222222', 3), sms('0933333333', 4)];
    expect(fairBatch(items, { perRecipient: 2, max: 3 }).map((m) => m.n)).toEqual([1, 3, 4]);
  });

  it('one recipient however the number is written', () => {
    expect(recipientOf({ channel: 'sms', to: '+84916222333' })).toBe(recipientOf({ channel: 'sms', to: '0916 222 333' }));
    expect(recipientOf({ channel: 'email', to: 'An@Example.vn' })).toBe(recipientOf({ channel: 'email', to: 'an@example.vn' }));
  });
});
