import { describe, expect, it } from 'vitest';
import { answerForDuplicates } from '#shared/publication';
import { fairBatch, originalAnsweredMessages, recipientOf } from '#shared/notifications';

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

describe('originalAnsweredMessages (the original’s answer, to a duplicate’s citizen)', () => {
  const duplicate = { trackingCode: 'GY-AAAAA-BBBBB', consent: true, contact: { name: 'Bình', phone: '0987 654 321', email: 'binh@example.vn' } };
  const original = { trackingCode: 'GY-CCCCC-DDDDD', text: 'Sở đã niêm yết lệ phí.' };

  it('an ASCII SMS of one segment and an e-mail with the answer, both pointing to the original’s page, no rating link', () => {
    const [sms, mail] = originalAnsweredMessages(duplicate, original, 'https://gopy.example.gov.vn/');

    expect(sms).toMatchObject({ channel: 'sms', to: '0987654321' });
    expect(sms!.text).toMatch(/^[\x20-\x7e]{1,160}$/);
    expect(sms!.text).toContain('https://gopy.example.gov.vn/track/GY-CCCCC-DDDDD');
    expect(mail!.text).toContain('Sở đã niêm yết lệ phí.');
    expect(mail!.text).toContain('GY-AAAAA-BBBBB');
    expect(`${sms!.text}${mail!.text}`).not.toContain('#danh-gia');
  });

  it('nothing without consent or contact', () => {
    expect(originalAnsweredMessages({ ...duplicate, consent: false }, original, 'https://x')).toEqual([]);
    expect(originalAnsweredMessages({ ...duplicate, contact: undefined }, original, 'https://x')).toEqual([]);
  });

  it('only a real answer or a rejection is forwarded, never a duplicate notice', () => {
    const answer = (kind?: 'answer' | 'reject' | 'duplicate') => ({ answer: { text: 't', answeredAt: '2026-01-05T10:00:00+07:00', ...(kind ? { kind } : {}) } });
    expect(answerForDuplicates(answer())).toBeDefined();
    expect(answerForDuplicates(answer('reject'))).toBeDefined();
    expect(answerForDuplicates(answer('duplicate'))).toBeUndefined();
    expect(answerForDuplicates({})).toBeUndefined();
  });
});
