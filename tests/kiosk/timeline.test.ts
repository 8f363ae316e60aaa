/** The public tracking view's timeline (shared/feedback.ts), as the tracking page reads it. */
import { expect, test } from 'vitest';
import { publicTimeline, trackingView, type FeedbackRecord } from '#shared/feedback';

const record = {
  trackingCode: 'GY-AAAAA-AAAAA',
  kind: 'pakn',
  channel: 'qr',
  status: 'answered',
  counterId: 'stp-quay-02',
  departmentId: 'so-tu-phap',
  comment: 'Nội dung',
  contact: { name: 'Phạm Văn An', phone: '0912345678' },
  consent: true,
  receivedAt: '2026-03-02T09:00:00+07:00',
  dueAt: '2026-03-16T17:00:00+07:00',
  transferDueAt: null,
  routing: [],
  answer: { text: 'Trả lời công khai', answeredAt: '2026-03-05T10:00:00+07:00', by: 'can-bo-1' },
  history: [
    { at: '2026-03-03T08:00:00+07:00', by: 'can-bo-1', type: 'acknowledged', from: 'received', to: 'acknowledged', text: 'ghi chú nội bộ' },
    { at: '2026-03-04T08:00:00+07:00', by: 'can-bo-1', type: 'note', from: 'acknowledged', to: 'acknowledged', text: 'chỉ là ghi chú' },
    { at: '2026-03-05T10:00:00+07:00', by: 'can-bo-2', type: 'answered', from: 'acknowledged', to: 'answered' },
  ],
  requestHash: 'h',
  source: 'api',
  updatedAt: '2026-03-05T10:00:00+07:00',
} satisfies FeedbackRecord;

test('the timeline is the receipt plus each status change, with no text and no official', () => {
  expect(publicTimeline(record)).toEqual([
    { status: 'received', at: '2026-03-02T09:00:00+07:00' },
    { status: 'acknowledged', at: '2026-03-03T08:00:00+07:00' },
    { status: 'answered', at: '2026-03-05T10:00:00+07:00' },
  ]);
});

test('the tracking view never carries contact data, notes or who answered', () => {
  const json = JSON.stringify(trackingView(record, { id: 'so-tu-phap', name: 'Sở Tư pháp' }));

  for (const secret of ['Phạm Văn An', '0912345678', 'ghi chú', 'can-bo']) expect(json).not.toContain(secret);
  expect(json).toContain('Trả lời công khai');
});
