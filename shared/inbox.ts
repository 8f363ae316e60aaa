/** What the inbox API returns: list items, the detail view and the list query. Pure. */
import * as z from 'zod/mini';
import { canAccess, canLead, canSeeContact, type Official } from './auth.ts';
import { calendar } from './calendar.ts';
import { toLocalIso } from './time.ts';
import { departmentRef, type CatalogIndex } from './catalog.ts';
import { criterionLabel } from './criteria.ts';
import { OPEN_STATUSES, STATUSES, type Status } from './feedback.ts';
import { CATEGORY_LABELS, CHANNEL_LABELS, KIND_LABELS, labelOf, STATUS_LABELS } from './labels.ts';
import { previewOf } from './publication.ts';
import { CHANNELS, id, KINDS, line, procedureCode } from './schemas.ts';
import { slaBadge } from './sla.ts';
import { availableActions, type AuditEvent, type CaseRecord } from './workflow.ts';

/**
 * Officials' queues: `mine` assigned to me; `awaiting-approval` drafts I may approve (never my own);
 * `due-soon` open petitions due by the end of the next working day.
 */
export const INBOX_VIEWS = ['mine', 'awaiting-approval', 'due-soon'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** The end of the next working day (Asia/Ho_Chi_Minh): `due-soon` is everything due before it. */
export const dueSoonLimit = (now: Date | string): string => calendar.deadline(toLocalIso(now), 1);

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day YYYY-MM-DD'));

/** Views besides one status: open work (default), done, and ratings' comments to read (no deadline). */
export const STATUS_VIEWS = ['open', 'done', 'to-read'] as const;

/** `status`: one status, or a whole view: `open` (default), `done`, `to-read`. */
export const inboxQuerySchema = z.strictObject({
  departmentId: z.optional(id),
  status: z.optional(z.enum([...STATUSES, ...STATUS_VIEWS])),
  kind: z.optional(z.enum(KINDS)),
  channel: z.optional(z.enum(CHANNELS)),
  counterId: z.optional(id),
  procedureCode: z.optional(procedureCode),
  overdue: z.optional(z.enum(['true', 'false'])),
  from: z.optional(day),
  to: z.optional(day),
  q: z.optional(line(200)),
  view: z.optional(z.enum(INBOX_VIEWS)),
  // Long enough for the admin's "all departments" cursor: one position per department.
  cursor: z.optional(z.string().check(z.maxLength(4000))),
  limit: z.optional(z.string().check(z.regex(/^\d{1,3}$/, 'must be a number'))),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export const isOpen = (status: Status) => OPEN_STATUSES.includes(status);

/** Whether a status passes the list's status filter (`open`, `done`, one status, or none). */
export const matchesStatusFilter = (status: Status, filter: string | undefined): boolean =>
  !filter ? true : filter === 'open' || filter === 'to-read' ? isOpen(status) : filter === 'done' ? !isOpen(status) : status === filter;

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

/** Which queue a status filter reads: open work, comments to read, or done. */
export const queueOf = (status: InboxQuery['status']): 'open' | 'done' | 'to-read' =>
  !status || status === 'open' ? 'open' : status === 'done' || status === 'to-read' ? status : isOpen(status) ? 'open' : 'done';

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
    answerRating: record.answerRating?.rating,
    followUpOf: record.followUpOf,
    followUps: record.followUps?.length ?? 0,
    receivedAt: record.receivedAt,
    dueAt: record.dueAt,
    dueProvisional: dueIsProvisional(record),
    sla: slaBadge(record.dueAt, now, { paused: Boolean(record.waitingSince), done: !isOpen(record.status) }),
  };
}
export type InboxItem = ReturnType<typeof inboxItemView>;

/**
 * A due date counted through a year whose days off the Government has not announced yet rests on
 * the computed rule (shared/calendar.ts): officials see it marked, as it may move when they are.
 */
export const dueIsProvisional = (record: Pick<CaseRecord, 'receivedAt' | 'dueAt'>) => Boolean(record.dueAt) && calendar.isProvisionalBetween(record.receivedAt, record.dueAt!);

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
    dueProvisional: dueIsProvisional(record),
    // Exactly what approving the draft publishes (after redaction), shown to the approver beside the original.
    ...(record.draft ? { preview: previewOf(record, record.draft, catalog) } : {}),
    // Erasing contact data is for those who can see it: the owning department. The draft's author
    // is never offered to approve it (four-eyes rule; the admin may).
    // A record an action took out of the official's reach (rerouted elsewhere) offers nothing: every click would be a 404.
    movedOut: !canAccess(official, record.departmentId),
    actions: canAccess(official, record.departmentId)
      ? availableActions(record).filter((type) => ((type !== 'erase-contact' && type !== 'restore') || owner) && (type !== 'approve' || official.admin || record.draft?.by !== official.id))
      : [],
    events,
  };
}


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
    'Lý do đánh giá',
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
    labelOf(KIND_LABELS, r.kind),
    labelOf(CHANNEL_LABELS, r.channel),
    labelOf(STATUS_LABELS, r.status),
    options.catalog.departments.get(r.departmentId)?.name ?? r.departmentId,
    options.catalog.counters.get(r.counterId)?.name ?? r.counterId,
    r.procedureCode,
    r.rating,
    r.reasons?.map((id) => criterionLabel(id, options.catalog.criteria, 'vi')).join(', ') || undefined,
    r.comment,
    labelOf(CATEGORY_LABELS, r.category) || undefined,
    r.receivedAt,
    r.dueAt,
    slaBadge(r.dueAt, options.now, { paused: Boolean(r.waitingSince), done: !isOpen(r.status) }).vi,
    r.answer?.text,
    r.answer?.answeredAt,
    ...(options.withContact ? [r.contact?.name, r.contact?.phone, r.contact?.email, r.contact?.address] : []),
  ]);
  return [header, ...rows];
}
