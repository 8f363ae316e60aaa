/** Schemas of the import files: a catalog JSON and feedback JSON Lines. */
import * as z from 'zod/mini';
import { ANSWER_RATINGS } from './feedback.ts';
import { criterionId, email, id, line, MAX_CRITERIA, paragraph, procedureCode } from './schemas.ts';

export const catalogSchema = z.strictObject({
  departments: z.array(
    z.object({
      id,
      name: line(200),
      answerSlaWorkingDays: z.int().check(z.minimum(1), z.maximum(60)),
      level: z.optional(z.enum(['province', 'commune', 'central'])),
      alertEmail: z.optional(email),
      publicPhone: z.optional(line(30)),
      publicEmail: z.optional(email),
      place: z.optional(line(100)),
    }),
  ),
  counters: z.array(z.object({ id, name: line(200), departmentId: id, procedureCodes: z.array(procedureCode) })),
  procedures: z.array(z.object({ code: procedureCode, name: line(400), departmentId: id, field: z.optional(line(200)) })),
  /** Evaluation criteria (shared/criteria.ts): absent → SIPAS's five elements. Ids stay stable: records store them. */
  criteria: z.optional(z.array(z.strictObject({ id: criterionId, vi: line(80), en: line(80) })).check(z.maxLength(MAX_CRITERIA))),
});

const isoWithOffset = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'must be ISO 8601 with an offset'),
  z.refine((value) => !Number.isNaN(Date.parse(value)), 'not a real time'),
);

export const importEventSchema = z.strictObject({
  /** `answer-rated`: the citizen's rating of the answer (`rating`), e.g. from a paper survey. */
  type: z.enum(['acknowledged', 'answered', 'closed', 'answer-rated']),
  at: isoWithOffset,
  text: z.optional(paragraph(8000)),
  rating: z.optional(z.enum(ANSWER_RATINGS)),
  /** With an answer: the neutral summary published beside it when the citizen did not agree to publish their words. */
  question: z.optional(paragraph(2000)),
});

/** Fields of an import line besides the POST body. */
export const importExtrasSchema = z.strictObject({
  receivedAt: isoWithOffset,
  events: z.optional(z.array(importEventSchema).check(z.maxLength(20))),
});

export type ImportEvent = z.infer<typeof importEventSchema>;
