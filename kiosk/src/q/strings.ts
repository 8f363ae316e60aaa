import { translator } from '../common/i18n.ts';

const vi = {
  loading: 'Đang tải thông tin quầy…',
  onDuty: 'Cán bộ tiếp nhận: {name}',
  unknownCounter: 'Không tìm thấy quầy “{id}”. Mã QR có thể đã cũ; vui lòng hỏi cán bộ tại quầy.',
  network: 'Chưa tải được thông tin quầy (không kết nối được máy chủ). Ông/Bà vẫn có thể đánh giá; hãy kiểm tra mạng.',
  retry: 'Thử lại',
  home: 'Trang chủ',
};
type Key = keyof typeof vi;
const en: Record<Key, string> = {
  loading: 'Loading the counter…',
  onDuty: 'Official at this counter: {name}',
  unknownCounter: 'Counter “{id}” was not found. The QR code may be outdated; please ask staff at the counter.',
  network: 'Could not load the counter (server unreachable). You can still rate; please check your connection.',
  retry: 'Try again',
  home: 'Home',
};
export const t = translator({ vi, en });
