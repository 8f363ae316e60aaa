/** What the inbox API returns: list items, the detail view and the list query. Pure. */
import * as z from 'zod/mini';
import { canLead, canSeeContact, type Official } from './auth.ts';
import { departmentRef, type CatalogIndex } from './catalog.ts';
import { criterionLabel } from './criteria.ts';
import { OPEN_STATUSES, STATUSES, type Status } from './feedback.ts';
import { CHANNELS, id, KINDS, line, procedureCode } from './schemas.ts';
import { slaBadge } from './sla.ts';
import { availableActions, type AuditEvent, type CaseRecord } from './workflow.ts';

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day YYYY-MM-DD'));

/** `status`: one status, or `open` (default) / `done` for the whole queue. */
export const inboxQuerySchema = z.strictObject({
  departmentId: z.optional(id),
  status: z.optional(z.enum([...STATUSES, 'open', 'done'])),
  kind: z.optional(z.enum(KINDS)),
  channel: z.optional(z.enum(CHANNELS)),
  counterId: z.optional(id),
  procedureCode: z.optional(procedureCode),
  overdue: z.optional(z.enum(['true', 'false'])),
  from: z.optional(day),
  to: z.optional(day),
  q: z.optional(line(200)),
  // Long enough for the admin's "all departments" cursor: one position per department.
  cursor: z.optional(z.string().check(z.maxLength(4000))),
  limit: z.optional(z.string().check(z.regex(/^\d{1,3}$/, 'must be a number'))),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export const isOpen = (status: Status) => OPEN_STATUSES.includes(status);

/** Whether a status passes the list's status filter (`open`, `done`, one status, or none). */
export const matchesStatusFilter = (status: Status, filter: string | undefined): boolean =>
  !filter ? true : filter === 'open' ? isOpen(status) : filter === 'done' ? !isOpen(status) : status === filter;

/** What a write of ours returned about a record. */
export type KnownState = { status: Status; departmentId: string };

/**
 * A list read from the index right after our writes may still show the old state (GSI reads are
 * eventually consistent in AWS): the states our writes returned win, and rows that no longer belong
 * to the view (status filter, department) leave it.
 */
export function withKnownStates<T extends { trackingCode: string; status: Status; departmentId: string }>(
  items: T[],
  known: ReadonlyMap<string, KnownState>,
  view: { status?: string; departmentId: string; allDepartments: boolean },
): T[] {
  return items.flatMap((item) => {
    const state = known.get(item.trackingCode);
    if (!state) return [item];
    const next = { ...item, ...state };
    if (!view.allDepartments && next.departmentId !== view.departmentId) return [];
    return matchesStatusFilter(next.status, view.status) ? [next] : [];
  });
}

/** Which queue a status filter reads: open work or done. */
export const queueOf = (status: InboxQuery['status']): 'open' | 'done' =>
  !status || status === 'open' ? 'open' : status === 'done' ? 'done' : isOpen(status) ? 'open' : 'done';

const excerpt = (text: string | undefined, max = 240) => (text && text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function inboxItemView(record: CaseRecord, now: Date | string) {
  return {
    trackingCode: record.trackingCode,
    kind: record.kind,
    channel: record.channel,
    status: record.status,
    departmentId: record.departmentId,
    counterId: record.counterId,
    procedureCode: record.procedureCode,
    rating: record.rating,
    reasons: record.reasons,
    comment: excerpt(record.comment),
    category: record.category,
    assignee: record.assignee,
    hasDraft: Boolean(record.draft && !record.draft.returned),
    draftReturned: Boolean(record.draft?.returned),
    waiting: Boolean(record.waitingSince),
    citizenReplied: Boolean(record.citizenRepliedAt),
    receivedAt: record.receivedAt,
    dueAt: record.dueAt,
    sla: slaBadge(record.dueAt, now, { paused: Boolean(record.waitingSince), done: !isOpen(record.status) }),
  };
}
export type InboxItem = ReturnType<typeof inboxItemView>;

/** The full record for an official; contact data only for the owning department. */
export function inboxDetailView(record: CaseRecord, official: Official, events: AuditEvent[], catalog: CatalogIndex, now: Date | string) {
  const { requestHash, deviceId, contact, version, officialId, officialName, ...rest } = record;
  const owner = canSeeContact(official, record.departmentId);
  // Who was rated: the official themself and the department's leads only (evaluations are not for colleagues).
  const servedBy = officialId && (official.id === officialId || canLead(official, record.departmentId)) ? { officialId, officialName } : {};
  return {
    ...rest,
    ...servedBy,
    reasonLabels: record.reasons?.map((id) => ({ vi: criterionLabel(id, catalog.criteria, 'vi'), en: criterionLabel(id, catalog.criteria, 'en') })),
    ...(owner && contact ? { contact } : {}),
    contactHidden: Boolean(contact) && !owner,
    version: version ?? 0,
    department: departmentRef(catalog, record.departmentId),
    counter: { id: record.counterId, name: catalog.counters.get(record.counterId)?.name ?? record.counterId },
    procedure: record.procedureCode ? { code: record.procedureCode, name: catalog.procedures.get(record.procedureCode)?.name ?? '' } : undefined,
    sla: slaBadge(record.dueAt, now, { paused: Boolean(record.waitingSince), done: !isOpen(record.status) }),
    // Erasing contact data is for those who can see it: the owning department.
    actions: availableActions(record).filter((type) => type !== 'erase-contact' || owner),
    events,
  };
}

const STATUS_VI: Record<Status, string> = {
  received: 'Mới tiếp nhận',
  acknowledged: 'Đã xác nhận',
  in_progress: 'Đang xử lý',
  answered: 'Đã trả lời',
  closed: 'Đã đóng',
  transferred: 'Được chuyển đến',
  rejected: 'Từ chối / hướng dẫn',
  duplicate: 'Trùng lặp',
  spam: 'Rác',
};

/** Rows of an export: a header and one row per record; contact columns only for the owning department. */
export function exportRows(records: CaseRecord[], options: { withContact: boolean; catalog: CatalogIndex; now: Date | string }) {
  const header = [
    'Mã tra cứu',
    'Loại',
    'Kênh',
    'Trạng thái',
    'Đơn vị',
    'Quầy',
    'Mã thủ tục',
    'Điểm đánh giá',
    'Nội dung',
    'Phân loại',
    'Tiếp nhận lúc',
    'Hạn xử lý',
    'Thời hạn',
    'Trả lời (đã công khai)',
    'Trả lời lúc',
    ...(options.withContact ? ['Họ tên', 'Điện thoại', 'Email', 'Địa chỉ'] : []),
  ];
  const rows = records.map((r) => [
    r.trackingCode,
    r.kind === 'pakn' ? 'Phản ánh, kiến nghị' : 'Đánh giá',
    r.channel,
    STATUS_VI[r.status],
    options.catalog.departments.get(r.departmentId)?.name ?? r.departmentId,
    options.catalog.counters.get(r.counterId)?.name ?? r.counterId,
    r.procedureCode,
    r.rating,
    r.comment,
    r.category,
    r.receivedAt,
    r.dueAt,
    slaBadge(r.dueAt, options.now, { paused: Boolean(r.waitingSince), done: !isOpen(r.status) }).vi,
    r.answer?.text,
    r.answer?.answeredAt,
    ...(options.withContact ? [r.contact?.name, r.contact?.phone, r.contact?.email, r.contact?.address] : []),
  ]);
  return [header, ...rows];
}
