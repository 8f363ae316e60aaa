/** The feedback record and the views of it that leave the server. Pure: no I/O. */
import { calendar, TRANSFER_WORKING_DAYS } from './calendar.ts';
import { acceptedCriterionIds } from './criteria.ts';
import type { CatalogIndex } from './catalog.ts';
import { BadRequestError } from './errors.ts';
import { routeFeedback, type RoutingStep } from './routing.ts';
import { missingFields, type AnswerRatingValue, type Channel, type Contact, type FeedbackInput, type Kind, type Reason } from './schemas.ts';
import { localMonthOf, toLocalIso } from './time.ts';

export const STATUSES = ['received', 'acknowledged', 'in_progress', 'answered', 'closed', 'transferred', 'rejected', 'duplicate', 'spam'] as const;
export type Status = (typeof STATUSES)[number];
/** Statuses that still need work from the department. */
export const OPEN_STATUSES: readonly Status[] = ['received', 'acknowledged', 'in_progress', 'transferred'];

/**
 * A published text, stored once as approved and never recomputed: `text` (the answer, rejection
 * reason or duplicate notice) and `question` (the citizen's words with their consent, else the
 * official's neutral summary; absent when there is neither). `by` approved it, `draftBy` wrote it;
 * `kind` is what was published (absent on older records: an answer or a rejection).
 */
export type Answer = { text: string; question?: string; answeredAt: string; by?: string; draftBy?: string; kind?: 'answer' | 'reject' | 'duplicate' };
export type InfoRequest = { text: string; requestedAt: string };
export { ANSWER_RATINGS, type AnswerRatingValue } from './schemas.ts';
export type AnswerRating = { rating: AnswerRatingValue; at: string; comment?: string };

export type FeedbackRecord = {
  trackingCode: string;
  /** Set by the inbox's `duplicate` action: the record this one repeats. */
  duplicateOf?: string;
  kind: Kind;
  channel: Channel;
  status: Status;
  counterId: string;
  departmentId: string;
  procedureCode?: string;
  dossierNumber?: string;
  rating?: number;
  reasons?: Reason[];
  comment?: string;
  contact?: Contact;
  consent?: boolean;
  /** The citizen agreed that their words be published with the answer (without personal data); default no. */
  allowPublication?: boolean;
  deviceId?: string;
  /** The official on duty at the counter when it was given (set by the server, never by the client; see shared/duty.ts). */
  officialId?: string;
  officialName?: string;
  /** Device clock at submission (kiosks); only compared with the same device's other submissions. */
  submittedAt?: string;
  receivedAt: string;
  /** Null unless a petition: a rating (with or without a comment) asks for no answer. */
  dueAt: string | null;
  transferDueAt: string | null;
  routing: RoutingStep[];
  answer?: Answer;
  /** While the department waits for the citizen: what it asked (redacted, public on the tracking page). */
  infoRequest?: InfoRequest;
  closedAt?: string;
  /** The citizen's rating of the published answer (see answer-rating.ts). */
  answerRating?: AnswerRating;
  /** Hash of the Idempotency-Key of the last answer rating, so a resent rating is recognised. */
  answerRatingKey?: string;
  /** A petition about the result of `followUpOf` (see follow-up.ts). */
  followUpOf?: string;
  /** The follow-up petitions about this record's result, oldest first. */
  followUps?: string[];
  /** Status changes, oldest first (the inbox's audit trail builds on this). */
  history?: HistoryEntry[];
  requestHash: string;
  /** `inbox`: a phone call, letter or walk-in entered by an official (`enteredBy`); `import`: history. */
  source: 'api' | 'import' | 'inbox';
  enteredBy?: { id: string; username: string };
  consentForm?: 'oral' | 'written';
  updatedAt: string;
};

/** Public-safe status transition (the tracking page's timeline): the inbox writes no text and no who here. */
export type HistoryEntry = { at: string; by?: string; type: string; from: Status; to: Status; text?: string };

export type Department = { id: string; name: string };

/** Validates the cross-field and catalog rules and builds a new record (status `received`). */
export function buildFeedbackRecord(
  input: FeedbackInput,
  catalog: CatalogIndex,
  meta: { trackingCode: string; receivedAt: Date | string; requestHash: string; source: FeedbackRecord['source'] },
): FeedbackRecord {
  if (!catalog.counters.has(input.counterId)) {
    throw new BadRequestError(`Unknown counter "${input.counterId}"`, { code: 'unknown_counter', details: [{ path: 'counterId', message: 'unknown counter' }] });
  }
  if (input.procedureCode && !catalog.procedures.has(input.procedureCode)) {
    throw new BadRequestError(`Unknown procedure "${input.procedureCode}"`, {
      code: 'unknown_procedure',
      details: [{ path: 'procedureCode', message: 'unknown procedure' }],
    });
  }
  const accepted = acceptedCriterionIds(catalog.criteria);
  const unknown = (input.reasons ?? []).filter((reason) => !accepted.has(reason));
  if (unknown.length) {
    throw new BadRequestError(`Unknown evaluation criteria: ${unknown.join(', ')}`, {
      code: 'unknown_criterion',
      details: unknown.map(() => ({ path: 'reasons', message: 'unknown criterion' })),
    });
  }
  const missing = missingFields(input);
  if (missing.length > 0) {
    const what = input.kind === 'pakn' ? 'A petition (pakn) needs' : 'A rating needs';
    throw new BadRequestError(`${what}: ${missing.join(', ')}`, {
      code: 'missing_fields',
      details: missing.map((path) => ({ path, message: 'required' })),
    });
  }
  const receivedAt = toLocalIso(meta.receivedAt);
  const step = routeFeedback(input, catalog, receivedAt);
  const department = catalog.departments.get(step.to);
  // Only a petition asks for an answer: a rating's comment is something to read, never overdue.
  const needsAnswer = input.kind === 'pakn';
  const { deviceId, contact, consent, allowPublication, ...rest } = input;
  return {
    ...rest,
    ...(allowPublication ? { allowPublication } : {}),
    ...(deviceId ? { deviceId } : {}),
    // Contact data is kept only with consent (Decree 13/2023): without it we do not store it.
    ...(contact && consent ? { contact, consent } : consent !== undefined ? { consent } : {}),
    trackingCode: meta.trackingCode,
    status: 'received',
    departmentId: step.to,
    receivedAt,
    dueAt: needsAnswer ? calendar.deadline(receivedAt, department?.answerSlaWorkingDays ?? 10) : null,
    transferDueAt: input.kind === 'pakn' ? calendar.deadline(receivedAt, TRANSFER_WORKING_DAYS) : null,
    routing: [step],
    requestHash: meta.requestHash,
    source: meta.source,
    updatedAt: receivedAt,
  };
}

export function monthOf(record: Pick<FeedbackRecord, 'receivedAt'>): string {
  return localMonthOf(record.receivedAt);
}

/** What the submitter receives: 201 body of POST /api/feedback. */
export function receiptView(record: FeedbackRecord, department: Department) {
  return {
    trackingCode: record.trackingCode,
    kind: record.kind,
    status: 'received' as const,
    department: { id: department.id, name: department.name },
    receivedAt: record.receivedAt,
    dueAt: record.dueAt,
  };
}

/** Status changes for the public timeline: receipt first, then each transition (never text or who). */
export function publicTimeline(record: Pick<FeedbackRecord, 'receivedAt' | 'history'>): { status: Status; at: string }[] {
  const steps = [{ status: 'received' as Status, at: record.receivedAt }];
  for (const entry of record.history ?? []) if (entry.to !== entry.from) steps.push({ status: entry.to, at: entry.at });
  return steps;
}

/**
 * Public tracking view: never any contact data, nor internal notes. A spam record keeps its status
 * `spam`, which the page words as "closed" (never "spam" to the person who wrote it).
 */
export function trackingView(record: FeedbackRecord, department: Department) {
  return {
    trackingCode: record.trackingCode,
    kind: record.kind,
    status: record.status,
    receivedAt: record.receivedAt,
    dueAt: record.dueAt,
    department: { id: department.id, name: department.name },
    timeline: publicTimeline(record),
    // Only while the request is still open: the citizen answers it on the tracking page.
    ...(record.infoRequest && record.status === 'in_progress' ? { infoRequest: { text: record.infoRequest.text, requestedAt: record.infoRequest.requestedAt } } : {}),
    // The published texts exactly as approved; never the citizen's own text unless approved with their consent.
    ...(record.answer
      ? { answer: { text: record.answer.text, ...(record.answer.question ? { question: record.answer.question } : {}), answeredAt: record.answer.answeredAt } }
      : {}),
    ...(record.answerRating ? { answerRating: { rating: record.answerRating.rating, at: record.answerRating.at } } : {}),
    ...(record.followUpOf ? { followUpOf: record.followUpOf } : {}),
    // The citizen follows the original's public status from a duplicate's page.
    ...(record.status === 'duplicate' && record.duplicateOf ? { duplicateOf: record.duplicateOf } : {}),
    ...(record.followUps?.length ? { followUps: [...record.followUps] } : {}),
  };
}

/** Canonical JSON (sorted keys) so the same body always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
