/**
 * Response templates: starting points for a draft answer, never sent as they are. `{code}` is
 * replaced with the tracking code. Three sources, listed in this order: the department's own
 * (saved in the inbox), the ones the admin shared with every department, and the built-in ones below.
 */
import * as z from 'zod/mini';
import { id as departmentIdSchema, line, paragraph } from './schemas.ts';

export type Template = { id: string; title: string; text: string };
/** Where a template comes from: the code (`builtin`), the department (`department`), the admin for all (`shared`). */
export type TemplateScope = 'builtin' | 'department' | 'shared';
export type ScopedTemplate = Template & { scope: TemplateScope; updatedBy?: string; updatedAt?: string };

export const MAX_TEMPLATE_TITLE = 120;
export const MAX_TEMPLATE_TEXT = 4000;
/** Saved templates per department (and shared): the picker stays usable and the partition small. */
export const MAX_SAVED_TEMPLATES = 100;
/** Saved templates' ids (`t-` and 12 base-36 characters); built-in ids are words and never match. */
export const SAVED_TEMPLATE_ID = /^t-[a-z0-9]{12}$/;

/**
 * POST /api/inbox/templates: a new template (no `id`), an edit of a saved one (`id`), or its removal
 * (`id`, `remove: true`). `shareWithAll`: the admin's templates for every department; `departmentId`:
 * the admin's choice of department (officials: their own, the default).
 */
export const templateInputSchema = z
  .strictObject({
    id: z.optional(z.string().check(z.regex(SAVED_TEMPLATE_ID, 'must be a saved template id'))),
    departmentId: z.optional(departmentIdSchema),
    title: z.optional(line(MAX_TEMPLATE_TITLE)),
    text: z.optional(paragraph(MAX_TEMPLATE_TEXT)),
    shareWithAll: z.optional(z.boolean()),
    remove: z.optional(z.literal(true)),
  })
  .check(
    z.refine((v) => (v.remove ? Boolean(v.id) : Boolean(v.title && v.text)), {
      message: 'title and text are required (removing needs only the id)',
      path: ['text'],
    }),
  );
export type TemplateInput = z.infer<typeof templateInputSchema>;

const byTitle = (a: Template, b: Template) => a.title.localeCompare(b.title, 'vi');

/** What the picker lists: the department's own, then those shared with all, then the built-in ones; by title within each. */
export function mergeTemplates(departmentId: string, saved: { department: ScopedTemplate[]; shared: ScopedTemplate[] }): ScopedTemplate[] {
  return [
    ...[...saved.department].sort(byTitle),
    ...[...saved.shared].sort(byTitle),
    ...templatesFor(departmentId).map((t) => ({ ...t, scope: 'builtin' as const })),
  ];
}

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

/** An answer being written, as a template: its record's tracking code becomes `{code}` again. */
export const unfillTemplate = (text: string, trackingCode: string) => text.replaceAll(trackingCode, '{code}');
