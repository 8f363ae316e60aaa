/**
 * The monthly evaluation report a centre sends upward: the performance view of one department and
 * month as spreadsheet rows (Vietnamese headings, English after a slash), with the criteria and the
 * definitions of every figure. Pure.
 */
import type { Cell } from './csv.ts';
import type { Criterion } from './criteria.ts';
import type { Performance, RatingSummary } from './performance.ts';

const percent = (x: number | null) => (x === null ? '' : Math.round(x * 1000) / 10);
const interval = (s: RatingSummary) => (s.interval ? `${percent(s.interval[0])}–${percent(s.interval[1])}` : '');
const lowCriteria = (s: RatingSummary) => s.lowCriteria.map((c) => `${c.vi} (${c.count})`).join('; ');
const ratingCells = (s: RatingSummary): Cell[] => [s.ratings, s.satisfied, percent(s.satisfaction), interval(s), s.low, lowCriteria(s), s.withDossier];
const RATING_HEADERS = [
  'Lượt đánh giá / Ratings',
  'Hài lòng / Satisfied',
  'Tỷ lệ hài lòng (%) / Satisfaction (%)',
  'Khoảng tin cậy 95% / 95% interval',
  'Không hài lòng / Low ratings',
  'Tiêu chí bị chọn khi không hài lòng / Criteria chosen with low ratings',
  'Gắn mã hồ sơ / With dossier number',
];

/** Every figure of the view and the report, defined once (the XLSX writes "vi / en"; the inbox shows one language). */
export const DEFINITIONS: { term: { vi: string; en: string }; text: { vi: string; en: string } }[] = [
  { term: { vi: 'Hài lòng', en: 'Satisfied' }, text: { vi: 'Đánh giá "Hài lòng" hoặc "Rất hài lòng" (4–5 trên 5).', en: 'A rating of 4 or 5 out of 5.' } },
  { term: { vi: 'Không hài lòng', en: 'Low rating' }, text: { vi: 'Đánh giá "Không hài lòng" hoặc "Rất không hài lòng" (1–2).', en: 'A rating of 1 or 2.' } },
  {
    term: { vi: 'Tỷ lệ hài lòng', en: 'Satisfaction' },
    text: { vi: 'Hài lòng ÷ lượt đánh giá; không tính khi dưới số lượt tối thiểu.', en: 'Satisfied ÷ ratings; not shown below the minimum count.' },
  },
  { term: { vi: 'Khoảng tin cậy 95%', en: '95% interval' }, text: { vi: 'Khoảng Wilson của tỷ lệ hài lòng.', en: 'Wilson score interval of the satisfaction rate.' } },
  {
    term: { vi: 'Cán bộ', en: 'Official' },
    text: { vi: 'Đánh giá tại quầy (kiosk, mã QR) được ghi cho cán bộ đang trực quầy lúc đó; chỉ tính đánh giá nhận trong tháng.', en: 'Counter ratings are credited to the official on duty then; only ratings received in the month count.' },
  },
  {
    term: { vi: 'Phản ánh được giao', en: 'Petitions assigned' },
    text: {
      vi: 'Phản ánh, kiến nghị giao cho cán bộ: tiếp nhận trong tháng, hoặc tiếp nhận trước đó mà còn mở trong tháng hay được trả lời trong tháng.',
      en: 'Petitions assigned to the official: received in the month, or received earlier and still open or answered in it.',
    },
  },
  { term: { vi: 'Quá hạn', en: 'Overdue' }, text: { vi: 'Chưa trả lời và đã quá hạn vào cuối tháng (tháng đang chạy: lúc lập báo cáo).', en: 'Open past the deadline at the end of the month (a running month: when the report was made).' } },
  { term: { vi: 'Đúng hạn', en: 'On time' }, text: { vi: 'Trả lời được công bố trong tháng, trước hoặc đúng hạn.', en: 'Answer published in the month, on or before the deadline.' } },
];

/** One line of a counter's duty log as the lead sees it: names and words, no ids. */
export type DutyLogLine = { at: string; counter: string; type: 'start' | 'end' | 'replaced'; official: string };
export const DUTY_EVENT_LABELS: Record<DutyLogLine['type'], { vi: string; en: string }> = {
  start: { vi: 'Bắt đầu trực', en: 'Started duty' },
  end: { vi: 'Kết thúc trực', en: 'Ended duty' },
  replaced: { vi: 'Được người khác thay', en: 'Replaced by another official' },
};

export function performanceReportRows(p: Performance & { department: { name: string }; dutyLog?: DutyLogLine[] }, criteria: readonly Criterion[]): Cell[][] {
  const rows: Cell[][] = [
    ['Báo cáo đánh giá tháng / Monthly evaluation report', p.month],
    ['Đơn vị / Department', p.department.name],
    ['Số liệu đến / Figures as of', p.asOf],
    ['Số lượt tối thiểu để tính tỷ lệ / Minimum ratings for a rate', p.minRatings],
    [],
    ['Theo quầy / By counter'],
    ['Quầy / Counter', ...RATING_HEADERS],
    ...p.counters.map((c) => [c.name, ...ratingCells(c)]),
    ...(p.unattributed ? [['Không có cán bộ trực / Nobody on duty', ...ratingCells(p.unattributed)]] : []),
    [],
    ['Theo cán bộ / By official'],
    [
      'Cán bộ / Official',
      ...RATING_HEADERS,
      'Phản ánh được giao / Assigned',
      'Đang mở / Open',
      'Quá hạn / Overdue',
      'Đã trả lời / Answered',
      'Trả lời đúng hạn / On time',
    ],
    ...p.officials.map((o) => [o.name, ...ratingCells(o), o.petitions.assigned, o.petitions.open, o.petitions.overdue, o.petitions.answered, o.petitions.answeredOnTime]),
    [],
    ['Diễn biến trong tháng / The month by day'],
    ['Ngày / Day', 'Lượt đánh giá / Ratings', 'Hài lòng / Satisfied'],
    ...p.trend.map((d) => [d.day, d.ratings, d.satisfied]),
    ...(p.dutyLog?.length
      ? [
          [],
          ['Nhật ký trực quầy / Duty log'],
          ['Thời điểm / When', 'Quầy / Counter', 'Sự kiện / Event', 'Cán bộ / Official'],
          ...p.dutyLog.map((l) => [l.at, l.counter, `${DUTY_EVENT_LABELS[l.type].vi} / ${DUTY_EVENT_LABELS[l.type].en}`, l.official]),
        ]
      : []),
    [],
    ['Tiêu chí đánh giá / Evaluation criteria'],
    ...criteria.map((c) => [c.vi, c.en]),
    [],
    ['Định nghĩa / Definitions'],
    ...DEFINITIONS.map((d) => [`${d.term.vi} / ${d.term.en}`, `${d.text.vi} / ${d.text.en}`]),
  ];
  return rows;
}
