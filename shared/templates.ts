/**
 * Response templates per department: starting points for a draft answer, never sent as they are.
 * `{code}` is replaced with the tracking code. Departments without their own get the common set.
 */
export type Template = { id: string; title: string; text: string };

const COMMON: Template[] = [
  {
    id: 'tiep-thu',
    title: 'Tiếp thu, điều chỉnh',
    text: 'Cảm ơn Ông/Bà đã gửi phản ánh, kiến nghị (mã {code}). Đơn vị đã kiểm tra, tiếp thu ý kiến và điều chỉnh cách thức tiếp nhận, giải quyết hồ sơ tại quầy. Kính mong Ông/Bà tiếp tục đóng góp ý kiến.',
  },
  {
    id: 'giai-thich-quy-dinh',
    title: 'Giải thích quy định hiện hành',
    text: 'Cảm ơn Ông/Bà đã gửi phản ánh, kiến nghị (mã {code}). Theo quy định hiện hành, … Đơn vị đã hướng dẫn cán bộ tại quầy thực hiện thống nhất.',
  },
  {
    id: 'chuyen-co-quan-tham-quyen',
    title: 'Kiến nghị sửa đổi quy định (gửi cơ quan có thẩm quyền)',
    text: 'Cảm ơn Ông/Bà đã gửi kiến nghị (mã {code}). Nội dung liên quan đến quy định do cơ quan cấp trên ban hành; đơn vị đã tổng hợp, gửi cơ quan có thẩm quyền xem xét sửa đổi và sẽ thông báo kết quả khi có ý kiến trả lời.',
  },
];

const BY_DEPARTMENT: Record<string, Template[]> = {
  'so-tu-phap': [
    {
      id: 'ly-lich-tu-phap',
      title: 'Thời hạn cấp Phiếu lý lịch tư pháp',
      text: 'Cảm ơn Ông/Bà đã phản ánh (mã {code}). Thời hạn cấp Phiếu lý lịch tư pháp không quá 10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (Luật Lý lịch tư pháp). Ông/Bà có thể nộp hồ sơ trực tuyến để rút ngắn thời gian đi lại.',
    },
  ],
  'ubnd-phuong-ben-thanh': [
    {
      id: 'ho-tich-ban-sao-dien-tu',
      title: 'Hộ tịch: bản sao điện tử',
      text: 'Cảm ơn Ông/Bà đã kiến nghị (mã {code}). Khi thực hiện thủ tục hộ tịch, Ông/Bà có thể xuất trình bản sao điện tử đã được chứng thực hoặc thông tin đã có trong Cơ sở dữ liệu hộ tịch điện tử; cán bộ tại quầy đã được hướng dẫn thực hiện thống nhất.',
    },
  ],
  'so-nong-nghiep-moi-truong': [
    {
      id: 'dat-dai-khong-nop-lai',
      title: 'Đất đai: không yêu cầu nộp lại giấy tờ đã có',
      text: 'Cảm ơn Ông/Bà đã kiến nghị (mã {code}). Đơn vị đã chỉ đạo không yêu cầu người dân nộp lại giấy tờ đã có trong Cơ sở dữ liệu đất đai khi đăng ký biến động.',
    },
  ],
};

export function templatesFor(departmentId: string): Template[] {
  return [...(BY_DEPARTMENT[departmentId] ?? []), ...COMMON];
}

export const fillTemplate = (template: Template, trackingCode: string) => template.text.replaceAll('{code}', trackingCode);
