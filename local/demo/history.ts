/**
 * Demo history: about 540 items over the last three months, as import lines, so every screen has
 * something to show. Deterministic for a given day (seeded PRNG).
 */
import { calendar } from '#shared/calendar';
import type { Catalog } from '#shared/catalog';
import { addDays, localDayOf, weekdayOf } from '#shared/time';

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Thị Dung', 'Hoàng Minh Đức', 'Vũ Thị Hạnh', 'Đặng Quốc Huy', 'Bùi Thị Lan', 'Đỗ Văn Long', 'Ngô Thị Mai'];
const STREETS = ['12 Lê Lợi', '45 Nguyễn Huệ', '8 Pasteur', '102 Lý Tự Trọng', '27 Tôn Đức Thắng', 'ấp 3'];
const PRAISE = ['Cán bộ hướng dẫn tận tình, nhanh gọn.', 'Thủ tục nhanh hơn tôi nghĩ, cảm ơn quầy.', 'Nhân viên niềm nở, giải thích rõ ràng.', 'Hồ sơ được trả đúng hẹn.'];
const COMPLAINTS = [
  'Phải chờ hơn một tiếng mới đến lượt, đề nghị bố trí thêm quầy vào buổi sáng.',
  'Cán bộ yêu cầu bổ sung giấy tờ nhiều lần, mỗi lần một loại khác nhau.',
  'Máy lấy số thứ tự bị hỏng, người dân phải xếp hàng tự phát.',
  'Phí sao y bản chính không niêm yết rõ ràng tại quầy.',
  'Hướng dẫn trên cổng dịch vụ công khác với hướng dẫn tại quầy.',
  'Không có chỗ ngồi chờ cho người cao tuổi, đề nghị bổ sung ghế.',
];
const PETITIONS = [
  'Đề nghị cho phép nộp bản sao điện tử thay cho bản sao chứng thực giấy khai sinh khi làm thủ tục.',
  'Quy định yêu cầu xác nhận tình trạng hôn nhân có thời hạn 6 tháng là quá ngắn, đề nghị xem xét kéo dài.',
  'Thủ tục đăng ký biến động đất đai yêu cầu nộp lại giấy tờ đã có trong cơ sở dữ liệu, đề nghị bỏ yêu cầu này.',
  'Đề nghị công khai thời gian giải quyết thực tế của từng hồ sơ trên cổng dịch vụ công.',
  'Mẫu tờ khai đăng ký kinh doanh khác nhau giữa bản giấy và bản điện tử, gây nhầm lẫn.',
  'Kiến nghị bổ sung hình thức thanh toán lệ phí bằng chuyển khoản tại quầy.',
  'Đề nghị rút ngắn thời hạn cấp phiếu lý lịch tư pháp cho người cần đi làm việc ở nước ngoài.',
];
const ANSWERS = [
  'Cảm ơn Ông/Bà đã phản ánh. Đơn vị đã tiếp thu và điều chỉnh quy trình tiếp nhận từ tháng này.',
  'Đơn vị đã kiểm tra, xác minh nội dung phản ánh. Quy định hiện hành cho phép nộp bản sao điện tử; quầy đã được hướng dẫn thực hiện thống nhất.',
  'Kiến nghị đã được tổng hợp gửi cơ quan có thẩm quyền xem xét sửa đổi quy định.',
  'Đơn vị đã bố trí thêm một quầy tiếp nhận vào buổi sáng các ngày thứ Hai và thứ Sáu.',
];
const REASONS = ['waiting_time', 'staff_attitude', 'guidance', 'paperwork', 'fees', 'facilities'];

/** Roughly what SIPAS-style surveys report: most people satisfied, a fifth not. */
const ratingFrom = (x: number) => (x < 0.42 ? 5 : x < 0.74 ? 4 : x < 0.87 ? 3 : x < 0.95 ? 2 : 1);

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const at = (day: string, minutes: number) => `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+07:00`;

export function demoHistory(catalog: Catalog, now: Date, count = 540): string[] {
  const random = prng(20260213);
  const today = localDayOf(now);
  const slaOf = new Map(catalog.departments.map((d) => [d.id, d.answerSlaWorkingDays]));
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    let day = addDays(today, -Math.floor(random() * 92));
    // Centres open Saturday mornings only; Sundays and holidays move to the working day before.
    if (weekdayOf(day) !== 6) while (!calendar.isWorkingDay(day)) day = addDays(day, -1);
    const saturday = weekdayOf(day) === 6;
    const receivedAt = at(day, 450 + Math.floor(random() * (saturday ? 240 : 570))); // 07:30–11:30 or 17:00
    if (Date.parse(receivedAt) > now.getTime()) continue;
    const counter = pick(random, catalog.counters);
    const procedureCode = counter.procedureCodes.length && random() < 0.8 ? pick(random, counter.procedureCodes) : undefined;
    const pakn = random() < 0.3;
    const channel = pakn ? pick(random, ['qr', 'web', 'phone', 'letter', 'kiosk'] as const) : pick(random, ['kiosk', 'kiosk', 'qr'] as const);
    const rating = ratingFrom(random());
    const name = pick(random, NAMES);
    const body: Record<string, unknown> = pakn
      ? {
          counterId: counter.id,
          kind: 'pakn',
          channel,
          ...(random() < 0.5 ? { rating } : {}),
          ...(procedureCode ? { procedureCode } : {}),
          comment: pick(random, PETITIONS),
          contact: { name, phone: `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`, address: `${pick(random, STREETS)}, TP. Hồ Chí Minh` },
          consent: true,
          // Two in three agree that their words be published with the answer (no extra draw: the history stays the same).
          ...(i % 3 ? { allowPublication: true } : {}),
        }
      : {
          counterId: counter.id,
          kind: 'rating',
          channel,
          rating,
          ...(procedureCode ? { procedureCode } : {}),
          ...(rating <= 2 ? { reasons: [pick(random, REASONS)] } : {}),
          ...(random() < 0.3 ? { comment: rating >= 4 ? pick(random, PRAISE) : pick(random, COMPLAINTS) } : {}),
          ...(channel === 'kiosk' ? { deviceId: `kiosk-${counter.id}` } : {}),
        };
    const events: { type: string; at: string; text?: string; rating?: string }[] = [];
    if (!pakn && body.comment) {
      // A rating's comment is something to read (no deadline): most are read within a few days.
      const readDay = calendar.addWorkingDays(day, 1 + Math.floor(random() * 3));
      if (readDay < today && random() < 0.8) events.push({ type: 'closed', at: at(readDay, 600) });
    }
    if (pakn) {
      const sla = slaOf.get(counter.departmentId) ?? 10;
      const fate = random();
      const ackDay = calendar.addWorkingDays(day, random() < 0.7 ? 0 : 1);
      if (ackDay < today) events.push({ type: 'acknowledged', at: at(ackDay, 500 + Math.floor(random() * 300)) });
      // 65 % answered on time, 15 % late, the rest still open (or answered later than today: open).
      const answerAfter = fate < 0.65 ? 1 + Math.floor(random() * sla) : fate < 0.8 ? sla + 1 + Math.floor(random() * 6) : Infinity;
      if (Number.isFinite(answerAfter)) {
        const answerDay = calendar.addWorkingDays(day, answerAfter);
        if (answerDay < today) {
          events.push({ type: 'answered', at: at(answerDay, 540 + Math.floor(random() * 400)), text: pick(random, ANSWERS) });
          // About half rate the answer (from the tracking page or the notice's link), a few dissatisfied.
          const rated = random();
          if (rated < 0.5) events.push({ type: 'answer-rated', at: at(answerDay, 1200), rating: rated < 0.06 ? 'dissatisfied' : rated < 0.16 ? 'acceptable' : 'satisfied' });
          if (random() < 0.5) events.push({ type: 'closed', at: at(calendar.addWorkingDays(answerDay, 2), 600) });
        }
      }
      if (events.at(-1)?.type === 'closed' && Date.parse(events.at(-1)!.at) > now.getTime()) events.pop();
    }
    lines.push(JSON.stringify({ ...body, receivedAt, ...(events.length ? { events } : {}) }));
  }
  return lines;
}
