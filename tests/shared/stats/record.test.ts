import { describe, expect, it } from 'vitest';
import type { FeedbackRecord } from '#shared/feedback';
import { markerMonths, toStatsRecord } from '#shared/stats/record';
import { rec } from './fixtures.ts';

const petition = (fields: Partial<FeedbackRecord> = {}): FeedbackRecord => ({
  trackingCode: 'GY-AAAAA-AAAAA',
  kind: 'pakn',
  channel: 'web',
  status: 'received',
  counterId: 'quay-a',
  departmentId: 'dept-a',
  comment: 'Tôi là Nguyễn Văn An, số 0912345678, đề nghị bỏ yêu cầu sao y.',
  contact: { name: 'Nguyễn Văn An', phone: '0912345678', address: '12 Lê Lợi' },
  consent: true,
  receivedAt: '2026-01-20T09:00:00+07:00',
  dueAt: '2026-02-10T23:59:59+07:00',
  transferDueAt: null,
  routing: [],
  requestHash: 'h',
  source: 'api',
  updatedAt: '2026-01-20T09:00:00+07:00',
  ...fields,
});

describe('toStatsRecord', () => {
  it('keeps no contact data and never the citizen’s comment', () => {
    const copy = toStatsRecord(petition({ allowPublication: true }));
    expect(JSON.stringify(copy)).not.toMatch(/Lê Lợi|0912345678|Nguyễn Văn An|sao y/);
    expect(copy.question).toBeUndefined();
  });

  it('carries the published question and answer exactly as approved (never recomputed)', () => {
    const answer = { text: 'Đã tiếp thu; gọi 0912345678', question: 'Tóm tắt: đề nghị bỏ yêu cầu sao y.', answeredAt: '2026-01-22T09:00:00+07:00' };
    expect(toStatsRecord(petition({ status: 'answered', answer }))).toMatchObject({ question: answer.question, answerText: answer.text });
  });

  it('is resolved by the earliest of answer, closing, or leaving the open statuses', () => {
    const answered = toStatsRecord(petition({ status: 'closed', answer: { text: 'Trả lời', answeredAt: '2026-03-03T09:00:00+07:00' }, closedAt: '2026-03-05T09:00:00+07:00' }));
    expect(answered).toMatchObject({ answeredAt: '2026-03-03T09:00:00+07:00', resolvedAt: '2026-03-03T09:00:00+07:00', answerText: 'Trả lời' });
    const duplicate = toStatsRecord(petition({ status: 'duplicate', history: [{ at: '2026-02-02T10:00:00+07:00', type: 'duplicate', from: 'acknowledged', to: 'duplicate' }] }));
    expect(duplicate.resolvedAt).toBe('2026-02-02T10:00:00+07:00');
    expect(toStatsRecord(petition({ status: 'transferred' })).resolvedAt).toBeUndefined();
  });
});

describe('markerMonths', () => {
  const r = (fields: Parameters<typeof rec>[1]) => rec('X', fields);

  it('adds every month the record was open at the end of, and the answer month', () => {
    const late = r({ receivedAt: '2026-01-20T09:00:00+07:00', answeredAt: '2026-03-03T09:00:00+07:00', resolvedAt: '2026-03-03T09:00:00+07:00' });
    expect(markerMonths(late, '2026-06')).toEqual(['2026-02', '2026-03']);
  });

  it('reaches the current month while the record stays open', () => {
    expect(markerMonths(r({ receivedAt: '2026-01-20T09:00:00+07:00' }), '2026-04')).toEqual(['2026-02', '2026-03', '2026-04']);
  });

  it('needs none for a record settled in its receipt month, a bare rating, or spam', () => {
    expect(markerMonths(r({ receivedAt: '2026-01-05T09:00:00+07:00', answeredAt: '2026-01-09T09:00:00+07:00', resolvedAt: '2026-01-09T09:00:00+07:00' }), '2026-04')).toEqual([]);
    expect(markerMonths(r({ receivedAt: '2026-01-05T09:00:00+07:00', kind: 'rating', dueAt: null }), '2026-04')).toEqual([]);
    expect(markerMonths(r({ receivedAt: '2026-01-05T09:00:00+07:00', status: 'spam' }), '2026-04')).toEqual([]);
  });

  it('drops the months after a close without answer', () => {
    expect(markerMonths(r({ receivedAt: '2026-01-05T09:00:00+07:00', resolvedAt: '2026-03-01T00:10:00+07:00' }), '2026-06')).toEqual(['2026-02']);
  });
});
