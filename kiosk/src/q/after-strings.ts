/** Strings shown after "Gửi" (loaded with the sending code). */
import { translator } from '../common/i18n.ts';

const vi = {
  thanks: 'Cảm ơn Ông/Bà đã góp ý!',
  sending: 'Đang gửi…',
  codeLabel: 'Mã theo dõi của Ông/Bà',
  keepCode: 'Hãy lưu lại mã này để tra cứu kết quả xử lý.',
  dueAt: 'Hạn trả lời: {date}',
  track: 'Xem tình trạng xử lý',
  again: 'Gửi ý kiến khác',
  server: 'Hệ thống đang bận ({code}). Ý kiến của Ông/Bà vẫn còn trên màn hình; vui lòng thử lại sau ít phút.',
  refused: 'Không gửi được: {message}',
  network: 'Không kết nối được máy chủ. Ý kiến của Ông/Bà vẫn còn trên màn hình; hãy kiểm tra mạng rồi bấm “Thử lại”.',
  retry: 'Thử lại',
};
type Key = keyof typeof vi;
const en: Record<Key, string> = {
  thanks: 'Thank you for your feedback!',
  sending: 'Sending…',
  codeLabel: 'Your tracking code',
  keepCode: 'Keep this code to follow the answer.',
  dueAt: 'Answer due by: {date}',
  track: 'See the status',
  again: 'Send another comment',
  server: 'The system is busy ({code}). Your feedback is still on screen; please try again in a few minutes.',
  refused: 'Could not send: {message}',
  network: 'Cannot reach the server. Your feedback is still on screen; check your connection and press “Try again”.',
  retry: 'Try again',
};
export const t = translator({ vi, en });
