/**
 * The petition workflow as a pure state machine: an action applied to a record gives the next
 * record, one audit event and what to tell the citizen, or throws (409 invalid transition,
 * 403 four-eyes rule, 400 bad action). No I/O: the store reads, applies, writes conditionally.
 */
import * as z from 'zod/mini';
import { canSeeContact, CITIZEN, type Official } from './auth.ts';
import { calendar } from './calendar.ts';
import type { CatalogIndex } from './catalog.ts';
import { BadRequestError, ConflictError, ForbiddenError } from './errors.ts';
import { OPEN_STATUSES, type FeedbackRecord, type HistoryEntry, type Status } from './feedback.ts';
import { previewOf, redactionContext, STANDARD_TEXTS, STATUS_ON_APPROVAL, citizenWordsPublic, type Draft } from './publication.ts';
import { redact } from './redaction.ts';
import { describeIssues, id, line, paragraph } from './schemas.ts';
import { parseTrackingCode } from './tracking-code.ts';
import { localDayOf } from './time.ts';

/** Decree 20/2008 Art. 5: what a petition can be about. */
export const PETITION_CATEGORIES = [
  'official-conduct',
  'unfit-regulation',
  'inconsistent-regulations',
  'unlawful-regulation',
  'treaty-conflict',
  'other-regulation',
  'proposed-solution',
  'new-regulation-initiative',
] as const;
/** Outside the decree (Art. 1): redirected to the complaint/denunciation procedures, not answered. */
export const REDIRECT_CATEGORIES = ['complaint', 'denunciation'] as const;
export const CATEGORIES = [...PETITION_CATEGORIES, ...REDIRECT_CATEGORIES] as const;
export type Category = (typeof CATEGORIES)[number];

export const MAX_ANSWER = 8000;
const text = paragraph(MAX_ANSWER);
const reason = paragraph(2000);
/** The official's neutral summary of the petition, published beside the answer instead of the citizen's words. */
const summary = z.optional(paragraph(2000));

export const ACTION_SCHEMAS = {
  acknowledge: z.strictObject({ type: z.literal('acknowledge') }),
  classify: z.strictObject({ type: z.literal('classify'), category: z.enum(CATEGORIES) }),
  assign: z.strictObject({ type: z.literal('assign'), officialId: line(128) }),
  note: z.strictObject({ type: z.literal('note'), text }),
  'request-info': z.strictObject({ type: z.literal('request-info'), text }),
  'info-received': z.strictObject({ type: z.literal('info-received'), text: z.optional(text) }),
  reroute: z.strictObject({ type: z.literal('reroute'), departmentId: id, reason }),
  answer: z.strictObject({ type: z.literal('answer'), text, summary }),
  /** The approver may edit what is published (`text`, `summary`); the edit is audited. */
  approve: z.strictObject({ type: z.literal('approve'), text: z.optional(text), summary }),
  return: z.strictObject({ type: z.literal('return'), reason }),
  /** Drafts a rejection: published as the answer once a second official approves it. */
  reject: z.strictObject({ type: z.literal('reject'), reason, summary }),
  /** Drafts a duplicate notice (a standard text unless `text`): published once approved. */
  duplicate: z.strictObject({ type: z.literal('duplicate'), of: line(20), text: z.optional(text), summary }),
  spam: z.strictObject({ type: z.literal('spam') }),
  /** Undoes `spam`: the record returns to the status it had before. */
  restore: z.strictObject({ type: z.literal('restore') }),
  close: z.strictObject({ type: z.literal('close') }),
  /** The citizen asked to delete their personal data (Law 91/2025 on personal data protection). */
  'erase-contact': z.strictObject({ type: z.literal('erase-contact'), reason }),
} as const;

export type ActionType = keyof typeof ACTION_SCHEMAS;
export const ACTION_TYPES = Object.keys(ACTION_SCHEMAS) as ActionType[];
export type Action = { [K in ActionType]: z.infer<(typeof ACTION_SCHEMAS)[K]> }[ActionType];
/** Actions the inbox may apply to many records at once. */
export const BULK_ACTIONS = ['acknowledge', 'close'] as const satisfies readonly ActionType[];

/** Unknown type → 400 `unknown_action`; a known type with bad fields → 400 `validation_failed`. */
export function parseAction(body: unknown): Action {
  const type = (body as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !(type in ACTION_SCHEMAS)) {
    throw new BadRequestError(`Unknown action type "${String(type)}"; use one of: ${ACTION_TYPES.join(', ')}`, { code: 'unknown_action' });
  }
  const result = ACTION_SCHEMAS[type as ActionType].safeParse(body);
  if (!result.success) {
    const details = describeIssues(result.error);
    throw new BadRequestError(`Invalid ${type}: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`, { code: 'validation_failed', details });
  }
  return result.data as Action;
}

export type { Draft } from './publication.ts';

/** What the inbox adds to a feedback record. */
export type CaseRecord = FeedbackRecord & {
  category?: Category;
  assignee?: string;
  draft?: Draft;
  /** Set while waiting for the citizen's extra information: the deadline is paused. */
  waitingSince?: string;
  /** Hash of the Idempotency-Key of the citizen's last reply, so a resent reply is recognised. */
  infoReplyKey?: string;
  /** The citizen sent information from the tracking page and no official has acted since: the inbox flags it. */
  citizenRepliedAt?: string;
  /** When the contact data was erased at the citizen's request (the record itself stays, anonymous). */
  contactErasedAt?: string;
  /** Optimistic locking: every successful write increments it. */
  version?: number;
};

/** What a citizen does from the tracking page besides answering a request (see answer-rating.ts). */
export type CitizenEventType = 'answer-rated' | 'follow-up';

/** One audit trail entry: who, when, what, status before and after. Internal, never public. */
export type AuditEvent = {
  version: number;
  at: string;
  by: { id: string; username: string; admin: boolean };
  /** `intake`: the official who entered a phone, letter or counter petition (version 0, before any action). */
  type: ActionType | CitizenEventType | 'intake';
  from: Status;
  to: Status;
  departmentId: string;
  details?: Record<string, string>;
};

export type Notice = 'info-requested' | 'answer-published';
export type Transition = { record: CaseRecord; event: AuditEvent; notice?: Notice; warnings: string[] };
export type ActionContext = { official: Official; now: string; catalog: CatalogIndex };

const ANY: readonly Status[] = ['received', 'acknowledged', 'in_progress', 'answered', 'closed', 'transferred', 'rejected', 'duplicate', 'spam'];
const WORKING: readonly Status[] = ['acknowledged', 'in_progress'];

type Rule = {
  from: readonly Status[];
  /** A reason the action is not possible on this record now (→ 409), from the record alone. */
  blocked?: (record: CaseRecord) => string | undefined;
};

const RULES: Record<ActionType, Rule> = {
  acknowledge: { from: ['received', 'transferred'] },
  classify: { from: WORKING },
  assign: { from: WORKING },
  note: { from: ANY },
  'request-info': {
    from: WORKING,
    blocked: (r) => (r.waitingSince ? 'Already waiting for the citizen' : !r.contact ? 'No contact data: the citizen cannot be asked' : undefined),
  },
  'info-received': { from: ['in_progress'], blocked: (r) => (!r.waitingSince ? 'Not waiting for the citizen' : undefined) },
  reroute: { from: OPEN_STATUSES },
  answer: { from: WORKING },
  approve: { from: ['in_progress'], blocked: (r) => (!r.draft ? 'There is no draft to approve' : r.draft.returned ? 'The draft was returned; revise it first' : undefined) },
  return: { from: ['in_progress'], blocked: (r) => (!r.draft ? 'There is no draft to return' : r.draft.returned ? 'The draft was already returned' : undefined) },
  reject: { from: OPEN_STATUSES },
  duplicate: { from: OPEN_STATUSES },
  spam: { from: OPEN_STATUSES },
  restore: { from: ['spam'] },
  close: { from: ANY, blocked: closeBlocked },
  'erase-contact': { from: ANY, blocked: (r) => (!r.contact ? 'There is no contact data to erase' : undefined) },
};

/** A petition closes once answered; a plain comment (rating) has nothing to publish and closes while open. */
function closeBlocked(record: CaseRecord): string | undefined {
  if (record.status === 'answered') return undefined;
  if (OPEN_STATUSES.includes(record.status)) return record.kind === 'rating' ? undefined : 'Publish an answer before closing a petition';
  return `Cannot close a record that is ${record.status}`;
}

/** The status a spam record had when it was marked: the last `spam` transition's `from` (received if unknown). */
export function statusBeforeSpam(record: Pick<CaseRecord, 'history'>): Status {
  const entry = (record.history ?? []).findLast((h) => h.to === 'spam');
  return entry && OPEN_STATUSES.includes(entry.from) ? entry.from : 'received';
}

/** Why `type` cannot be applied to `record` now, or undefined when it can (the UI shows only these). */
export function blockedReason(record: CaseRecord, type: ActionType): string | undefined {
  const rule = RULES[type];
  if (!rule.from.includes(record.status)) return `Cannot ${type} a record that is ${record.status}`;
  return rule.blocked?.(record);
}

export const availableActions = (record: CaseRecord): ActionType[] => ACTION_TYPES.filter((type) => !blockedReason(record, type));

/** A petition whose author did not agree to publish their words needs the official's neutral summary. */
function needSummary(record: CaseRecord, given: string | undefined): void {
  if (record.kind === 'pakn' && !citizenWordsPublic(record) && !given) {
    throw new BadRequestError('The citizen did not agree to publish their words: write a neutral summary of the petition to publish with the answer', {
      code: 'summary_required',
      details: [{ path: 'summary', message: 'required' }],
    });
  }
}

/** Applies one action: the next record, its audit event and the citizen notice, or throws. */
export function applyAction(record: CaseRecord, action: Action, ctx: ActionContext): Transition {
  const blocked = blockedReason(record, action.type);
  if (blocked) throw new ConflictError(blocked, { code: 'invalid_transition' });
  const { official, now } = ctx;
  const next: CaseRecord = { ...record };
  const details: Record<string, string> = {};
  const warnings: string[] = [];
  let notice: Notice | undefined;
  let to: Status = record.status;

  switch (action.type) {
    case 'acknowledge':
      to = 'acknowledged';
      break;
    case 'classify':
      next.category = action.category;
      details.category = action.category;
      to = 'in_progress';
      // A redirection is a public text like any other: drafted here (standard wording), published when approved.
      if (action.category === 'complaint' || action.category === 'denunciation') {
        next.draft = { kind: 'reject', text: STANDARD_TEXTS[action.category], by: official.id, byName: official.username, at: now };
      }
      break;
    case 'assign':
      next.assignee = action.officialId;
      details.officialId = action.officialId;
      to = 'in_progress';
      break;
    case 'note':
      details.text = action.text;
      break;
    case 'request-info':
      next.waitingSince = now;
      next.infoRequest = { text: redact(action.text, redactionContext(record, ctx.catalog)), requestedAt: now };
      details.text = action.text;
      to = 'in_progress';
      notice = 'info-requested';
      break;
    case 'info-received': {
      // The deadline is paused while waiting: it moves by the working days spent waiting.
      const waited = Math.max(0, calendar.workingDaysBetween(localDayOf(record.waitingSince!), localDayOf(now)));
      if (record.dueAt && waited > 0) next.dueAt = calendar.deadline(record.dueAt, waited);
      delete next.waitingSince;
      delete next.infoRequest;
      if (action.text) details.text = action.text;
      details.pausedWorkingDays = String(waited);
      break;
    }
    case 'reroute': {
      if (action.departmentId === record.departmentId) throw new ConflictError('The record is already in this department', { code: 'invalid_transition' });
      const department = ctx.catalog.departments.get(action.departmentId);
      if (!department) throw new BadRequestError(`Unknown department "${action.departmentId}"`, { code: 'unknown_department' });
      if (record.transferDueAt && Date.parse(now) > Date.parse(record.transferDueAt)) warnings.push('transfer_deadline_passed');
      next.routing = [...record.routing, { at: now, by: official.id, from: record.departmentId, to: department.id, rule: 'manual', reason: action.reason }];
      next.departmentId = department.id;
      if (record.dueAt) next.dueAt = calendar.deadline(now, department.answerSlaWorkingDays);
      delete next.assignee;
      delete next.draft;
      delete next.waitingSince;
      delete next.infoRequest;
      Object.assign(details, { departmentId: department.id, fromDepartmentId: record.departmentId, reason: action.reason });
      to = 'transferred';
      break;
    }
    case 'answer':
      needSummary(record, action.summary);
      next.draft = { kind: 'answer', text: action.text, ...(action.summary ? { summary: action.summary } : {}), by: official.id, byName: official.username, at: now };
      Object.assign(details, { text: action.text }, action.summary ? { summary: action.summary } : {});
      to = 'in_progress';
      break;
    case 'approve': {
      const draft = record.draft!;
      if (draft.by === official.id && !official.admin) {
        throw new ForbiddenError('A second official of the department (or the admin) must approve this draft', { code: 'second_official_required' });
      }
      // Exactly what the approver was shown (with their edits, redacted too); stored once, never recomputed.
      const published = previewOf(record, draft, ctx.catalog, { text: action.text, summary: action.summary });
      next.answer = { kind: published.kind, text: published.answer, ...(published.question ? { question: published.question } : {}), answeredAt: now, by: official.id, draftBy: draft.by };
      if (published.kind === 'duplicate' && draft.of) next.duplicateOf = draft.of;
      delete next.draft;
      delete next.waitingSince;
      delete next.infoRequest;
      Object.assign(details, { kind: published.kind, draftBy: draft.by, text: published.answer }, published.question ? { question: published.question } : {});
      // The approver's edits, with what the drafter wrote (audited).
      if (action.text !== undefined && action.text !== draft.text) Object.assign(details, { editedText: 'true', draftText: draft.text });
      if (action.summary !== undefined && action.summary !== draft.summary) Object.assign(details, { editedSummary: 'true', draftSummary: draft.summary ?? '' });
      to = STATUS_ON_APPROVAL[published.kind];
      notice = 'answer-published';
      break;
    }
    case 'return':
      next.draft = { ...record.draft!, returned: { reason: action.reason, by: official.id, at: now } };
      details.reason = action.reason;
      break;
    case 'reject':
      next.draft = { kind: 'reject', text: action.reason, ...(action.summary ? { summary: action.summary } : {}), by: official.id, byName: official.username, at: now };
      details.reason = action.reason;
      to = 'in_progress';
      break;
    case 'duplicate': {
      const of = parseTrackingCode(action.of);
      if (!of) throw new BadRequestError(`"${action.of}" is not a tracking code`, { code: 'validation_failed' });
      if (of === record.trackingCode) throw new ConflictError('A record cannot duplicate itself', { code: 'invalid_transition' });
      const standard = action.text ?? STANDARD_TEXTS.duplicate(of);
      next.draft = { kind: 'duplicate', text: standard, of, ...(action.summary ? { summary: action.summary } : {}), by: official.id, byName: official.username, at: now };
      Object.assign(details, { of, text: standard });
      to = 'in_progress';
      break;
    }
    case 'spam':
      to = 'spam';
      break;
    case 'restore':
      // Only the department that owns the record undoes its own judgement (not the admin from afar).
      if (!canSeeContact(official, record.departmentId)) throw new ForbiddenError('Only the department that owns the record may restore it', { code: 'owner_only' });
      to = statusBeforeSpam(record);
      details.to = to;
      break;
    case 'close':
      next.closedAt = now;
      to = 'closed';
      break;
    case 'erase-contact':
      // Only those who may see the data may act on it (not even the admin).
      if (!canSeeContact(official, record.departmentId)) throw new ForbiddenError('Only the department that owns the record may erase its contact data', { code: 'owner_only' });
      eraseFromTexts(next, redactionContext(record, ctx.catalog));
      delete next.contact;
      next.contactErasedAt = now;
      details.reason = action.reason;
      break;
  }

  // The citizen's reply stays flagged until an official next acts on the record.
  if (official.id === CITIZEN.id) next.citizenRepliedAt = now;
  else delete next.citizenRepliedAt;
  // Whatever ends the work ends the wait too.
  if (!WORKING.includes(to)) {
    delete next.waitingSince;
    delete next.infoRequest;
  }
  const version = (record.version ?? 0) + 1;
  next.status = to;
  next.version = version;
  next.updatedAt = now;
  if (to !== record.status) {
    // Public-safe: the tracking page draws its timeline from this, so no text and no names.
    const entry: HistoryEntry = { at: now, type: action.type, from: record.status, to };
    next.history = [...(record.history ?? []), entry];
  }
  const event: AuditEvent = {
    version,
    at: now,
    by: { id: official.id, username: official.username, admin: official.admin },
    type: action.type,
    from: record.status,
    to,
    departmentId: record.departmentId,
    ...(Object.keys(details).length ? { details } : {}),
  };
  return { record: next, event, notice, warnings };
}

/**
 * Contact data the citizen wrote into the record's own texts goes with it (the comment, a pending
 * draft, an open information request). Published texts (`answer`) are never touched.
 */
function eraseFromTexts(next: CaseRecord, context: ReturnType<typeof redactionContext>): void {
  if (next.comment) next.comment = redact(next.comment, context);
  if (next.draft) next.draft = { ...next.draft, text: redact(next.draft.text, context), ...(next.draft.summary ? { summary: redact(next.draft.summary, context) } : {}) };
  if (next.infoRequest) next.infoRequest = { ...next.infoRequest, text: redact(next.infoRequest.text, context) };
}

/** The citizen's reply to an information request (from the tracking page): `info-received` by CITIZEN. */
export function applyCitizenInfo(record: CaseRecord, text: string, ctx: Omit<ActionContext, 'official'>): Transition {
  if (blockedReason(record, 'info-received')) throw new ConflictError('The office is not waiting for more information on this record', { code: 'not_waiting' });
  return applyAction(record, { type: 'info-received', text }, { ...ctx, official: CITIZEN });
}
