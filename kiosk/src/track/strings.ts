/** Strings of the tracking page's first render: the code form, loading and lookup problems. */
import { translator } from '../common/i18n.ts';

const vi = {
  title: 'Tra cứu kết quả xử lý',
  intro: 'Nhập mã theo dõi Ông/Bà nhận được khi gửi ý kiến (ví dụ GY-7KQ4M-9X2TB).',
  codeLabel: 'Mã theo dõi',
  lookup: 'Tra cứu',
  invalid: 'Mã “{code}” không đúng. Mã gồm chữ GY và 10 ký tự, ví dụ GY-7KQ4M-9X2TB. Hãy kiểm tra từng ký tự.',
  notFound: 'Không tìm thấy ý kiến nào có mã {code}. Hãy kiểm tra lại mã; ý kiến gửi khi mất mạng có thể cần vài phút để đến.',
  network: 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.',
  server: 'Hệ thống đang bận. Vui lòng thử lại sau ít phút.',
  retry: 'Thử lại',
  loading: 'Đang tra cứu…',
  another: 'Tra cứu mã khác',
};
type Key = keyof typeof vi;
const en: Record<Key, string> = {
  title: 'Follow your feedback',
  intro: 'Enter the tracking code you received when you sent your feedback (e.g. GY-7KQ4M-9X2TB).',
  codeLabel: 'Tracking code',
  lookup: 'Look up',
  invalid: '“{code}” is not a valid code. A code is GY and 10 characters, e.g. GY-7KQ4M-9X2TB. Please check each character.',
  notFound: 'No feedback found with code {code}. Please check the code; feedback sent while offline may take a few minutes to arrive.',
  network: 'Cannot reach the server. Please check your connection and try again.',
  server: 'The system is busy. Please try again in a few minutes.',
  retry: 'Try again',
  loading: 'Looking up…',
  another: 'Look up another code',
};
export type TrackKey = Key;
export const t = translator({ vi, en });
