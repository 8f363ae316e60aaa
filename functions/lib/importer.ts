/**
 * Import of the catalog and of feedback received on paper, by phone or from an older system.
 * The same validation, routing and deadlines as the API; every line is reported, none stops the run.
 */
import { createHash } from 'node:crypto';
import { BadRequestError, HttpError } from '#shared/errors';
import type { FeedbackRecord, Status } from '#shared/feedback';
import { catalogSchema, importExtrasSchema, type ImportEvent } from '#shared/import-schema';
import { describeIssues, feedbackInputSchema } from '#shared/schemas';
import { redact, type RedactionContext } from '#shared/redaction';
import { normalizeJson } from '#shared/text';
import { localMonthOf, toLocalIso } from '#shared/time';
import { forgetCatalogCache, putCounter, putCriterion, putDepartment, putProcedure } from './catalog-store.ts';
import { submitFeedback } from './submit.ts';

export async function importCatalog(raw: unknown) {
  const result = catalogSchema.safeParse(normalizeJson(raw));
  if (!result.success) throw new BadRequestError('Invalid catalog file', { code: 'validation_failed', details: describeIssues(result.error) });
  const catalog = result.data;
  for (const d of catalog.departments) await putDepartment(d);
  for (const p of catalog.procedures) await putProcedure(p);
  for (const c of catalog.counters) await putCounter(c);
  for (const c of catalog.criteria ?? []) await putCriterion(c);
  forgetCatalogCache();
  return { departments: catalog.departments.length, counters: catalog.counters.length, procedures: catalog.procedures.length };
}

const STATUS_OF: Record<Exclude<ImportEvent['type'], 'answer-rated'>, Status> = { acknowledged: 'acknowledged', answered: 'answered', closed: 'closed' };

/**
 * Status, answer and history implied by the imported events, applied in time order. An imported
 * answer was published elsewhere already; it is stored redacted of the line's own contact data.
 */
export function applyImportEvents(events: ImportEvent[], redaction: RedactionContext = {}, consentedText?: string): Partial<FeedbackRecord> {
  const sorted = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const extra: Partial<FeedbackRecord> = {};
  let status: Status = 'received';
  const history: NonNullable<FeedbackRecord['history']> = [];
  for (const event of sorted) {
    const at = toLocalIso(event.at);
    if (event.type === 'answer-rated') {
      // The latest rating stands; it changes no status.
      if (!extra.answer || !event.rating) throw new BadRequestError('An "answer-rated" event needs a rating and an earlier "answered" event', { code: 'validation_failed' });
      extra.answerRating = { rating: event.rating, at };
      continue;
    }
    if (event.type === 'answered') {
      if (!event.text) throw new BadRequestError('An "answered" event needs the answer text', { code: 'validation_failed' });
      // The question beside it: the citizen's words only with their consent, else the summary given.
      const question = consentedText ?? event.question;
      extra.answer = { text: redact(event.text, redaction), ...(question ? { question: redact(question, redaction) } : {}), answeredAt: at, by: 'import' };
    }
    if (event.type === 'closed') extra.closedAt = at;
    history.push({ at, by: 'import', type: event.type, from: status, to: STATUS_OF[event.type] });
    status = STATUS_OF[event.type];
    extra.updatedAt = at;
  }
  if (sorted.length) Object.assign(extra, { status, history });
  return extra;
}

export type LineResult = { line: number; trackingCode: string; created: boolean } | { line: number; error: { code: string; message: string; details?: unknown } };

/** Imports one JSON line; a repeated line is recognised (its key is its content) and not doubled. */
/** Local months whose published statistics an imported line changes: its receipt and each event. */
export function monthsOfLine(text: string): string[] {
  const { receivedAt, events = [] } = JSON.parse(text) as { receivedAt: string; events?: { at: string }[] };
  return [...new Set([receivedAt, ...events.map((e) => e.at)].map(localMonthOf))];
}

export async function importFeedbackLine(text: string, line: number, now: Date): Promise<LineResult> {
  try {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (cause) {
      throw new BadRequestError('Not valid JSON', { code: 'invalid_json', cause });
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new BadRequestError('Each line must be a JSON object', { code: 'invalid_body' });
    const { receivedAt, events, ...body } = normalizeJson(raw) as Record<string, unknown>;
    const extras = importExtrasSchema.safeParse({ receivedAt, ...(events !== undefined ? { events } : {}) });
    if (!extras.success) throw new BadRequestError('Invalid receivedAt or events', { code: 'validation_failed', details: describeIssues(extras.error) });
    const input = feedbackInputSchema.safeParse(body);
    if (!input.success) throw new BadRequestError('Invalid feedback', { code: 'validation_failed', details: describeIssues(input.error) });
    const idempotencyKey = `import:${createHash('sha256').update(text.trim()).digest('base64url')}`;
    const { record, created } = await submitFeedback(input.data, {
      idempotencyKey,
      now,
      receivedAt: extras.data.receivedAt,
      source: 'import',
      extra: applyImportEvents(
        extras.data.events ?? [],
        { contact: input.data.contact, dossierNumber: input.data.dossierNumber },
        input.data.allowPublication ? input.data.comment : undefined,
      ),
    });
    return { line, trackingCode: record.trackingCode, created };
  } catch (error) {
    if (error instanceof HttpError && error.expose) {
      return { line, error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
    }
    return { line, error: { code: 'internal', message: (error as Error).message } };
  }
}
