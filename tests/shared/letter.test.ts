import { describe, expect, it } from 'vitest';
import { buildLetter, letterDate } from '#shared/letter';
import type { CaseRecord } from '#shared/workflow';

const answered = (overrides: Partial<CaseRecord> = {}): CaseRecord => ({
  trackingCode: 'GY-22222-22222',
  kind: 'pakn',
  channel: 'letter',
  status: 'answered',
  counterId: 'stp-quay-02',
  departmentId: 'so-tu-phap',
  comment: 'Đề nghị rút ngắn thời hạn.',
  contact: { name: 'Nguyễn Văn An', address: '12 Lê Lợi' },
  consent: true,
  receivedAt: '2026-03-02T09:00:00+07:00',
  dueAt: '2026-03-16T23:59:59+07:00',
  transferDueAt: null,
  routing: [],
  answer: { text: 'Sở đã rút ngắn thời hạn.', answeredAt: '2026-03-10T23:30:00+07:00' },
  requestHash: 'h',
  source: 'inbox',
  updatedAt: '2026-03-10T23:30:00+07:00',
  ...overrides,
});

describe('the answer letter', () => {
  it('dates the letter by the answer’s local day (Asia/Ho_Chi_Minh, whatever the machine’s zone)', () => {
    expect(letterDate('2026-03-10T17:30:00Z')).toBe('ngày 11 tháng 03 năm 2026');
  });

  it('addresses the citizen and quotes their petition and the published answer', () => {
    const letter = buildLetter(answered(), { name: 'Sở Tư pháp' }, 'Phạm Văn Minh');

    expect(letter).toMatchObject({ number: 'GY-22222-22222/TL-PAKN', date: 'ngày 10 tháng 03 năm 2026', recipient: { name: 'Nguyễn Văn An', address: '12 Lê Lợi' }, answer: 'Sở đã rút ngắn thời hạn.', signer: { name: 'Phạm Văn Minh' } });
    expect(letter.body.join('\n')).toContain('“Đề nghị rút ngắn thời hạn.”');
    expect(letter.body[0]).toMatch(/^Ngày 02 tháng 03 năm 2026, Sở Tư pháp/);
  });

  it('writes the place the catalog names before the date (Decree 30/2020), none when it names none', () => {
    expect(buildLetter(answered(), { name: 'Sở Tư pháp', place: 'TP. Hồ Chí Minh' }).place).toBe('TP. Hồ Chí Minh');
    expect(buildLetter(answered(), { name: 'Sở Tư pháp' })).not.toHaveProperty('place');
  });

  it.each([
    ['no answer published', { answer: undefined, status: 'in_progress' }, 'no_published_answer'],
    ['a rating, not a petition', { kind: 'rating' }, 'no_published_answer'],
    ['no one to write to', { contact: undefined }, 'no_contact'],
  ] as [string, Partial<CaseRecord>, string][])('%s → 409 %s', (_name, overrides, code) => {
    expect(() => buildLetter(answered(overrides), { name: 'Sở Tư pháp' })).toThrow(expect.objectContaining({ statusCode: 409, code }));
  });
});
