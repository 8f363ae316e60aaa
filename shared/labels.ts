/**
 * Words for the codes people see: categories, reasons, channels, statuses, kinds, actions and API
 * error codes, each as [Vietnamese, English]. The inbox screens, the exports and the answer letter
 * read these so no internal code reaches a person. Pure; no I/O.
 */
import type { Status } from './feedback.ts';
import type { Channel, Kind } from './schemas.ts';
import type { ActionType, Category, CitizenEventType } from './workflow.ts';

export type Lang = 'vi' | 'en';
type Words<K extends string> = Record<K, readonly [vi: string, en: string]>;

export const KIND_LABELS: Words<Kind> = {
  pakn: ['Phản ánh, kiến nghị', 'Petition'],
  rating: ['Góp ý kèm đánh giá', 'Comment with a rating'],
};

export const CHANNEL_LABELS: Words<Channel> = {
  kiosk: ['Ki-ốt tại quầy', 'Kiosk at the counter'],
  qr: ['Quét mã QR', 'QR code'],
  web: ['Cổng điện tử', 'Web portal'],
  phone: ['Điện thoại', 'Phone'],
  letter: ['Thư, văn bản', 'Letter'],
  counter: ['Trực tiếp tại quầy', 'In person at the counter'],
};

export const STATUS_LABELS: Words<Status> = {
  received: ['Mới tiếp nhận', 'New'],
  acknowledged: ['Đã xác nhận', 'Acknowledged'],
  in_progress: ['Đang xử lý', 'In progress'],
  answered: ['Đã trả lời', 'Answered'],
  closed: ['Đã đóng', 'Closed'],
  transferred: ['Được chuyển đến', 'Transferred in'],
  rejected: ['Từ chối / hướng dẫn', 'Rejected / redirected'],
  duplicate: ['Trùng lặp', 'Duplicate'],
  spam: ['Rác', 'Spam'],
};

export const CATEGORY_LABELS: Words<Category> = {
  'official-conduct': ['Hành vi của cán bộ', 'Officials’ conduct'],
  'unfit-regulation': ['Quy định không phù hợp thực tế', 'Regulation unfit for reality'],
  'inconsistent-regulations': ['Quy định không thống nhất', 'Inconsistent regulations'],
  'unlawful-regulation': ['Quy định trái pháp luật', 'Unlawful regulation'],
  'treaty-conflict': ['Trái điều ước quốc tế', 'Conflicts with a treaty'],
  'other-regulation': ['Vấn đề khác về quy định', 'Other regulation issue'],
  'proposed-solution': ['Đề xuất phương án xử lý', 'Proposed solution'],
  'new-regulation-initiative': ['Sáng kiến ban hành quy định mới', 'Initiative for a new regulation'],
  complaint: ['Khiếu nại (hướng dẫn theo Luật Khiếu nại)', 'Complaint (redirect: Law on Complaints)'],
  denunciation: ['Tố cáo (hướng dẫn theo Luật Tố cáo)', 'Denunciation (redirect: Law on Denunciations)'],
};

/** What happened, as an audit line or a bulk result says it. */
export const ACTION_LABELS: Words<ActionType | 'intake'> = {
  intake: ['Nhập phản ánh, kiến nghị', 'Entered'],
  acknowledge: ['Xác nhận đã nhận', 'Acknowledge'],
  classify: ['Phân loại', 'Classify'],
  assign: ['Giao xử lý', 'Assign'],
  note: ['Ghi chú nội bộ', 'Internal note'],
  'request-info': ['Đề nghị bổ sung', 'Request information'],
  'info-received': ['Đã nhận bổ sung', 'Information received'],
  reroute: ['Chuyển đơn vị', 'Reroute'],
  answer: ['Soạn trả lời', 'Draft answer'],
  approve: ['Duyệt và công khai', 'Approve and publish'],
  return: ['Trả lại người soạn', 'Return to drafter'],
  reject: ['Từ chối', 'Reject'],
  duplicate: ['Đánh dấu trùng', 'Mark duplicate'],
  spam: ['Đánh dấu rác', 'Mark spam'],
  restore: ['Khôi phục (không phải rác)', 'Restore (not spam)'],
  close: ['Đóng', 'Close'],
  'erase-contact': ['Xóa thông tin liên hệ', 'Erase contact details'],
};

/** An audit-trail line's verb, after the name of who acted: "Nguyễn Thị Lan xác nhận đã nhận". */
export const EVENT_LABELS: Words<ActionType | CitizenEventType | 'intake'> = {
  intake: ['nhập phản ánh, kiến nghị', 'entered the item'],
  acknowledge: ['xác nhận đã nhận', 'acknowledged'],
  classify: ['phân loại', 'classified'],
  assign: ['giao xử lý', 'assigned'],
  note: ['ghi chú', 'added a note'],
  'request-info': ['đề nghị bổ sung', 'requested information'],
  'info-received': ['ghi nhận bổ sung', 'information received'],
  reroute: ['chuyển đơn vị', 'rerouted'],
  answer: ['soạn trả lời', 'drafted an answer'],
  approve: ['duyệt, công khai', 'approved and published'],
  return: ['trả lại dự thảo', 'returned the draft'],
  reject: ['từ chối', 'rejected'],
  duplicate: ['đánh dấu trùng', 'marked duplicate'],
  spam: ['đánh dấu rác', 'marked spam'],
  restore: ['khôi phục (không phải rác)', 'restored (not spam)'],
  close: ['đóng', 'closed'],
  'erase-contact': ['xóa thông tin liên hệ theo yêu cầu của người gửi', 'erased the contact details at the submitter’s request'],
  'answer-rated': ['đánh giá kết quả trả lời', 'rated the answer'],
  'follow-up': ['gửi phản ánh tiếp về kết quả', 'sent a follow-up about the result'],
};

/** API error codes as sentences a person understands; unknown codes fall back to `GENERIC_ERROR`. */
export const ERROR_LABELS: Record<string, readonly [string, string]> = {
  network: ['Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.', 'The server cannot be reached. Check the network and try again.'],
  not_found: ['Không tìm thấy ý kiến này trong hộp thư của đơn vị. Có thể ý kiến đã được chuyển đi hoặc mã không đúng.', 'This item is not in your department’s inbox. It may have been moved, or the code is wrong.'],
  invalid_transition: ['Thao tác không phù hợp với trạng thái hiện tại của ý kiến.', 'This action does not fit the item’s current status.'],
  second_official_required: ['Cần một cán bộ khác của đơn vị (hoặc quản trị) duyệt dự thảo này.', 'Another official of the department (or the admin) must approve this draft.'],
  admin_only: ['Chỉ quản trị tỉnh được xem tất cả đơn vị cùng lúc. Hãy chọn đơn vị của mình.', 'Only the province admin can see all departments at once. Choose your own department.'],
  department_required: ['Hãy chọn đơn vị cần xem.', 'Choose the department to view.'],
  concurrent_update: ['Ý kiến vừa được người khác cập nhật. Đã tải lại, hãy thử lại.', 'Someone else just updated this item. It was reloaded; try again.'],
  validation_failed: ['Thông tin nhập chưa hợp lệ. Kiểm tra lại các ô đã điền.', 'Some fields are not valid. Check what you entered.'],
  missing_fields: ['Còn thiếu thông tin bắt buộc (nội dung, họ tên, điện thoại hoặc địa chỉ, sự đồng ý của người gửi).', 'Required information is missing (text, name, phone or address, the submitter’s consent).'],
  received_in_future: ['Ngày tiếp nhận không thể ở tương lai.', 'The day of receipt cannot be in the future.'],
  not_your_counter: ['Chỉ nhập được tại quầy của đơn vị mình.', 'Enter items at a counter of your own department.'],
  unknown_counter: ['Quầy không có trong danh mục.', 'This counter is not in the catalog.'],
  unknown_procedure: ['Thủ tục không có trong danh mục.', 'This procedure is not in the catalog.'],
  unknown_department: ['Đơn vị không có trong danh mục.', 'This department is not in the catalog.'],
  unknown_original: ['Không tìm thấy ý kiến gốc với mã này trong hộp thư của đơn vị.', 'No original item with this code in your inbox.'],
  unknown_official: ['Người được giao phải là cán bộ của đơn vị, chọn trong danh sách.', 'The assignee must be an official of the department, chosen from the list.'],
  no_published_answer: ['Chỉ in được thư trả lời cho phản ánh, kiến nghị đã có câu trả lời được công khai.', 'A letter can only be printed for a petition with a published answer.'],
  no_contact: ['Ý kiến không có họ tên và địa chỉ của người gửi để in thư.', 'The item has no name and address to print a letter to.'],
  owner_only: ['Chỉ đơn vị đang xử lý ý kiến được làm việc này.', 'Only the department handling the item can do this.'],
  template_not_found: ['Không tìm thấy mẫu trả lời này trong các mẫu của đơn vị. Có thể mẫu đã bị xoá.', 'This answer template is not among your department’s templates. It may have been removed.'],
  too_many_templates: ['Đơn vị đã có quá nhiều mẫu trả lời. Hãy xoá bớt mẫu không dùng.', 'Your department has too many answer templates. Remove some you no longer use.'],
  idempotency_conflict: ['Biểu mẫu này đã được gửi với nội dung khác. Hãy mở lại biểu mẫu và nhập lại.', 'This form was already sent with other content. Open the form again and re-enter it.'],
  missing_idempotency_key: ['Trang cần được tải lại trước khi gửi.', 'Reload the page before sending.'],
  invalid_idempotency_key: ['Trang cần được tải lại trước khi gửi.', 'Reload the page before sending.'],
  unknown_action: ['Thao tác không được hỗ trợ.', 'This action is not supported.'],
  not_waiting: ['Đơn vị không chờ người gửi bổ sung thông tin.', 'The department is not waiting for more information.'],
  no_department: ['Tài khoản của bạn chưa thuộc đơn vị nào. Liên hệ quản trị.', 'Your account belongs to no department. Contact the admin.'],
  invalid_cursor: ['Danh sách đã thay đổi. Hãy tải lại từ đầu.', 'The list changed. Load it again from the start.'],
  unauthorized: ['Phiên làm việc đã hết hạn. Hãy đăng nhập lại.', 'Your session has expired. Sign in again.'],
  invalid_token: ['Phiên làm việc đã hết hạn. Hãy đăng nhập lại.', 'Your session has expired. Sign in again.'],
  missing_token: ['Hãy đăng nhập.', 'Please sign in.'],
  forbidden: ['Bạn không có quyền làm việc này.', 'You are not allowed to do this.'],
  rate_limited: ['Quá nhiều yêu cầu. Hãy thử lại sau ít phút.', 'Too many requests. Try again in a few minutes.'],
  service_unavailable: ['Hệ thống đang bận. Hãy thử lại sau ít phút.', 'The system is busy. Try again in a few minutes.'],
  payload_too_large: ['Nội dung quá dài.', 'The text is too long.'],
};
export const GENERIC_ERROR = ['Không thực hiện được do lỗi hệ thống. Hãy thử lại; nếu vẫn lỗi, báo quản trị.', 'It could not be done because of a system error. Try again; if it persists, tell the admin.'] as const;

/** The label of `code` in `lang`; a code missing from the list stays as it is (tests catch that). */
export function labelOf<K extends string>(words: Words<K>, code: K | string | undefined, lang: Lang = 'vi'): string {
  if (code === undefined) return '';
  const pair = (words as Record<string, readonly [string, string]>)[code];
  return pair ? pair[lang === 'en' ? 1 : 0] : code;
}

/** A sentence for an API error code (never the server's English message in the Vietnamese UI). */
export const errorSentence = (code: string, lang: Lang = 'vi'): string => (ERROR_LABELS[code] ?? GENERIC_ERROR)[lang === 'en' ? 1 : 0];
