/** Valid submissions as the kiosk and the QR page send them, for the bench and the load run. */
import type { FeedbackInput } from '#shared/schemas';

const COUNTERS = ['stp-quay-02', 'bt-quay-01', 'tthc-quay-01', 'stc-quay-03', 'sxd-quay-06', 'bc-quay-01'];

/** A kiosk rating (no personal data) or, every `petitionEvery`-th, a QR-page petition with contact data. */
export function submission(i: number, options: { deviceId?: string; marker?: string; petitionEvery?: number } = {}): FeedbackInput {
  const counterId = COUNTERS[i % COUNTERS.length]!;
  const comment = options.marker ? `Ghi chú ${options.marker}` : undefined;
  if (options.petitionEvery && i % options.petitionEvery === 0) {
    return {
      counterId,
      kind: 'pakn',
      channel: 'qr',
      comment: `Đề nghị niêm yết rõ lệ phí và thời hạn giải quyết. ${comment ?? ''}`.trim(),
      contact: { name: 'Lê Thị Hoa', phone: '0903123456' },
      consent: true,
      ...(options.deviceId ? { deviceId: options.deviceId } : {}),
    };
  }
  return {
    counterId,
    kind: 'rating',
    channel: 'kiosk',
    rating: 1 + (i % 5),
    reasons: i % 3 ? ['waiting_time'] : [],
    ...(comment ? { comment } : {}),
    ...(options.deviceId ? { deviceId: options.deviceId } : {}),
  };
}
