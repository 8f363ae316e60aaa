/**
 * What the citizen does once an answer is published: rate it (the latest rating stands) or send a
 * further petition about the result (a follow-up). Both feed Decision 766's "không hài lòng"
 * (shared/stats/measures.ts). Pure: the functions under functions/ read, apply and write.
 */
import * as z from 'zod/mini';
import { CITIZEN } from './auth.ts';
import { calendar, DEFAULT_ANSWER_SLA_WORKING_DAYS, TRANSFER_WORKING_DAYS } from './calendar.ts';
import type { CatalogIndex } from './catalog.ts';
import { ConflictError } from './errors.ts';
import { ANSWER_RATINGS, type FeedbackRecord } from './feedback.ts';
import { MAX_COMMENT, paragraph } from './schemas.ts';
import { toLocalIso } from './time.ts';
import type { AuditEvent, CaseRecord, CitizenEventType, Transition } from './workflow.ts';

/** POST /api/feedback/{trackingCode}/answer-rating */
export const answerRatingSchema = z.strictObject({ rating: z.enum(ANSWER_RATINGS), comment: z.optional(paragraph(MAX_COMMENT)) });
export type AnswerRatingInput = z.infer<typeof answerRatingSchema>;

/** POST /api/feedback/{trackingCode}/follow-up */
export const followUpSchema = z.strictObject({ text: paragraph(MAX_COMMENT) });

/** Rating or following up needs a published answer: 409 `not_answered` before. */
export function assertAnswerPublished(record: Pick<FeedbackRecord, 'answer'>): void {
  if (!record.answer) throw new ConflictError('No answer has been published yet: rate it or follow it up once it is', { code: 'not_answered' });
}

/** The next version of `record` after a citizen's step, with its audit event (status unchanged). */
function citizenStep(record: CaseRecord, next: CaseRecord, type: CitizenEventType, now: string, details: Record<string, string>): Transition {
  const version = (record.version ?? 0) + 1;
  const event: AuditEvent = {
    version,
    at: now,
    by: { id: CITIZEN.id, username: CITIZEN.username, admin: false },
    type,
    from: record.status,
    to: record.status,
    departmentId: record.departmentId,
    ...(Object.keys(details).length ? { details } : {}),
  };
  return { record: { ...next, version, updatedAt: now }, event, warnings: [] };
}

/** The citizen rates the published answer; a new rating replaces the previous one. */
export function rateAnswer(record: CaseRecord, input: AnswerRatingInput, ctx: { now: string; key?: string }): Transition {
  assertAnswerPublished(record);
  const next: CaseRecord = { ...record, answerRating: { rating: input.rating, at: ctx.now, ...(input.comment ? { comment: input.comment } : {}) } };
  if (ctx.key) next.answerRatingKey = ctx.key;
  return citizenStep(record, next, 'answer-rated', ctx.now, { rating: input.rating, ...(input.comment ? { text: input.comment } : {}) });
}

/** Links a follow-up to the record it is about; undefined when it is linked already (a replay). */
export function linkFollowUp(record: CaseRecord, followUpCode: string, now: string): Transition | undefined {
  if (record.followUps?.includes(followUpCode)) return undefined;
  const next: CaseRecord = { ...record, followUps: [...(record.followUps ?? []), followUpCode] };
  return citizenStep(record, next, 'follow-up', now, { trackingCode: followUpCode });
}

/**
 * A new petition about the result of `original`: the same department (whoever would route it
 * otherwise: it is about that department's answer), counter and procedure, the original's contact
 * data and consent, and a petition's deadline from its receipt.
 */
export function buildFollowUpRecord(
  original: FeedbackRecord,
  text: string,
  catalog: CatalogIndex,
  meta: { trackingCode: string; receivedAt: Date | string; requestHash: string },
): FeedbackRecord {
  assertAnswerPublished(original);
  const receivedAt = toLocalIso(meta.receivedAt);
  const sla = catalog.departments.get(original.departmentId)?.answerSlaWorkingDays ?? DEFAULT_ANSWER_SLA_WORKING_DAYS;
  return {
    trackingCode: meta.trackingCode,
    kind: 'pakn',
    channel: 'web',
    status: 'received',
    counterId: original.counterId,
    departmentId: original.departmentId,
    ...(original.procedureCode ? { procedureCode: original.procedureCode } : {}),
    ...(original.dossierNumber ? { dossierNumber: original.dossierNumber } : {}),
    comment: text,
    // Contact data travels only with the consent it was given under (Decree 13/2023).
    ...(original.contact && original.consent ? { contact: original.contact, consent: true } : original.consent !== undefined ? { consent: original.consent } : {}),
    followUpOf: original.trackingCode,
    receivedAt,
    dueAt: calendar.deadline(receivedAt, sla),
    transferDueAt: calendar.deadline(receivedAt, TRANSFER_WORKING_DAYS),
    routing: [
      {
        at: receivedAt,
        by: 'system',
        to: original.departmentId,
        rule: 'follow-up',
        reason: `Phản ánh tiếp về kết quả giải quyết ${original.trackingCode}`,
      },
    ],
    requestHash: meta.requestHash,
    source: 'api',
    updatedAt: receivedAt,
  };
}
