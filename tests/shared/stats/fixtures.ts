/** Hand-built statistics copies for February 2026 (Tết: 16–20 Feb off). Expected figures are in the tests. */
import type { StatsRecord } from '#shared/stats/record';
import type { StatsCatalog } from '#shared/stats/month';

const DUE_END_FEB = '2026-02-27T23:59:59+07:00';

export function rec(code: string, fields: Partial<StatsRecord> & Pick<StatsRecord, 'receivedAt'>): StatsRecord {
  return { trackingCode: code, kind: 'pakn', channel: 'web', status: 'received', counterId: 'quay-a', departmentId: 'dept-a', dueAt: DUE_END_FEB, ...fields };
}

const answered = (at: string, extra: Partial<StatsRecord> = {}): Partial<StatsRecord> => ({ status: 'answered', answeredAt: at, resolvedAt: at, ...extra });
const rating = (code: string, receivedAt: string, value: number, extra: Partial<StatsRecord> = {}) =>
  rec(code, { kind: 'rating', channel: 'kiosk', receivedAt, rating: value, dueAt: null, ...extra });

export const deptA: StatsRecord[] = [
  // Same day: 0 working days. Service rated 5 at the counter, but the citizen is dissatisfied with the answer.
  rec('A1', { receivedAt: '2026-02-02T09:00:00+07:00', rating: 5, ...answered('2026-02-02T15:00:00+07:00', { answerText: 'Đã tiếp thu.', answerRating: 'dissatisfied' }), question: 'Đề nghị gọi lại khi có kết quả.' }),
  // Saturday receipt, Monday answer: 1 working day.
  rec('A2', { receivedAt: '2026-02-07T10:00:00+07:00', rating: 4, channel: 'qr', ...answered('2026-02-09T10:00:00+07:00') }),
  // Across Tết: Friday 13 Feb → Monday 23 Feb is 1 working day (16–20 off). A low service rating, answer accepted.
  rec('A3', { receivedAt: '2026-02-13T16:00:00+07:00', rating: 2, ...answered('2026-02-23T08:00:00+07:00', { answerRating: 'acceptable' }) }),
  // Received in January, answered late in February: counts as answered in February only. 22 working days (Saturday 10/1/2026 was worked).
  rec('A4', { receivedAt: '2026-01-05T09:00:00+07:00', dueAt: '2026-01-19T23:59:59+07:00', ...answered('2026-02-03T09:00:00+07:00') }),
  // Open and overdue at the end of February.
  rec('A5', { receivedAt: '2026-02-24T09:00:00+07:00', rating: 3, dueAt: '2026-02-25T23:59:59+07:00', status: 'acknowledged' }),
  // Received in January, still open at the end of February and overdue; answered in March.
  rec('A6', { receivedAt: '2026-01-20T09:00:00+07:00', dueAt: '2026-02-10T23:59:59+07:00', ...answered('2026-03-03T09:00:00+07:00') }),
  // Open at the end of February, not yet due.
  rec('A7', { receivedAt: '2026-02-26T09:00:00+07:00', dueAt: '2026-03-12T23:59:59+07:00', channel: 'phone' }),
  // Spam: excluded from every figure.
  rec('A8', { receivedAt: '2026-02-10T09:00:00+07:00', rating: 1, status: 'spam', resolvedAt: '2026-02-10T10:00:00+07:00' }),
  rating('RA1', '2026-02-04T10:00:00+07:00', 5),
  rating('RA2', '2026-02-04T10:05:00+07:00', 1),
];

/** One fast answer: must not top the ranking. Plus the month boundary pair. */
export const deptB: StatsRecord[] = [
  rec('B1', { departmentId: 'dept-b', counterId: 'quay-b', receivedAt: '2026-02-02T08:00:00+07:00', ...answered('2026-02-02T08:30:00+07:00') }),
  // 23:30 local on 31 January: January.
  rating('J1', '2026-01-31T23:30:00+07:00', 5, { departmentId: 'dept-b', counterId: 'quay-b' }),
  // 00:15 local on 1 February, stored in UTC (still 31 January there): February, Sunday hour 0.
  rating('J2', '2026-01-31T17:15:00Z', 4, { departmentId: 'dept-b', counterId: 'quay-b' }),
];

export const deptC: StatsRecord[] = ['2', '3', '4'].map((day, i) =>
  rec(`C${i + 1}`, { departmentId: 'dept-c', counterId: 'quay-c', receivedAt: `2026-02-0${day}T09:00:00+07:00`, ...answered(`2026-02-0${Number(day) + 2}T09:00:00+07:00`) }),
);

export const catalog: StatsCatalog = {
  departments: [
    { id: 'dept-a', name: 'Sở A' },
    { id: 'dept-b', name: 'Sở B, phường' },
    { id: 'dept-c', name: 'Sở C' },
  ],
  counters: [
    { id: 'quay-a', name: 'Quầy A', departmentId: 'dept-a' },
    { id: 'quay-b', name: 'Quầy B', departmentId: 'dept-b' },
    { id: 'quay-c', name: 'Quầy C', departmentId: 'dept-c' },
  ],
  procedures: [],
};

export const ALL = [...deptA, ...deptB, ...deptC];
/** Long after February: the month is closed. */
export const LATER = new Date('2026-04-15T03:00:00Z');
