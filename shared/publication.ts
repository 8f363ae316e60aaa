/**
 * What becomes public about a record, and from what. Every public text (an answer, a rejection or
 * redirection reason, a duplicate notice, and the question shown beside it) is a draft of one
 * official that a second official approves (workflow.ts); this module computes exactly what the
 * approver is shown and what is then stored, once, as the published text. Nothing public is ever
 * recomputed from the record afterwards (erasure, catalog or rule changes leave it as approved).
 * Pure.
 */
import type { CatalogIndex } from './catalog.ts';
import type { FeedbackRecord, Status } from './feedback.ts';
import { redact, type RedactionContext } from './redaction.ts';

/** What a draft publishes, and the status its approval leads to. */
export const DRAFT_KINDS = ['answer', 'reject', 'duplicate'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];
export const STATUS_ON_APPROVAL: Record<DraftKind, Status> = { answer: 'answered', reject: 'rejected', duplicate: 'duplicate' };

export type Draft = {
  /** Absent on drafts written before rejections and duplicates were drafted too: an answer. */
  kind?: DraftKind;
  text: string;
  /** The official's neutral summary of the petition, published instead of the citizen's words without their consent. */
  summary?: string;
  /** For a duplicate: the original's tracking code. */
  of?: string;
  by: string;
  byName: string;
  at: string;
  returned?: { reason: string; by: string; at: string };
};

/** Where the published question comes from: the citizen's words (with consent) or the official's summary. */
export type QuestionSource = 'citizen' | 'summary';
export type Preview = { kind: DraftKind; answer: string; question?: string; questionFrom?: QuestionSource };

/** The record's own contact data and dossier number go; every department's published numbers stay. */
export function redactionContext(record: Pick<FeedbackRecord, 'contact' | 'dossierNumber'>, catalog: Pick<CatalogIndex, 'departments'>): RedactionContext {
  const keep = [...catalog.departments.values()].flatMap((d) => [d.publicPhone, d.publicEmail]);
  return { contact: record.contact, dossierNumber: record.dossierNumber, keep };
}

/** Whether the citizen agreed that their words be published (with the answer, without personal data). */
export const citizenWordsPublic = (record: Pick<FeedbackRecord, 'allowPublication' | 'comment'>) => record.allowPublication === true && Boolean(record.comment);

/**
 * Exactly what approving `draft` publishes: the answer and the question beside it, redacted with the
 * record's own contact data. `edits` are the approver's changes (they are redacted too).
 */
export function previewOf(record: FeedbackRecord, draft: Draft, catalog: Pick<CatalogIndex, 'departments'>, edits: { text?: string; summary?: string } = {}): Preview {
  const context = redactionContext(record, catalog);
  const summary = edits.summary ?? draft.summary;
  const question = citizenWordsPublic(record)
    ? { question: redact(record.comment!, context), questionFrom: 'citizen' as const }
    : summary
      ? { question: redact(summary, context), questionFrom: 'summary' as const }
      : {};
  return { kind: draft.kind ?? 'answer', answer: redact(edits.text ?? draft.text, context), ...question };
}

/** Neutral standard texts an official starts from (and may edit) for redirections and duplicates. */
export const STANDARD_TEXTS = {
  complaint:
    'Nội dung của Ông/Bà là khiếu nại, không thuộc phạm vi phản ánh, kiến nghị (Nghị định 20/2008/NĐ-CP). Đề nghị Ông/Bà gửi đơn theo Luật Khiếu nại.',
  denunciation:
    'Nội dung của Ông/Bà là tố cáo, không thuộc phạm vi phản ánh, kiến nghị (Nghị định 20/2008/NĐ-CP). Đề nghị Ông/Bà gửi đơn theo Luật Tố cáo.',
  duplicate: (of: string) => `Nội dung này trùng với phản ánh, kiến nghị mã ${of}; kết quả giải quyết được công bố tại mã đó.`,
};

/**
 * The published answer a record's duplicates' citizens are also told: a real answer or a rejection,
 * never a duplicate notice (a chain of duplicates is not followed).
 */
export const answerForDuplicates = (record: Pick<FeedbackRecord, 'answer'>) => (record.answer && record.answer.kind !== 'duplicate' ? record.answer : undefined);
