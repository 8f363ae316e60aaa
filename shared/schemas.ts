/**
 * Request schemas shared by the API and the pages (zod/mini keeps the pages' bundles small).
 * Strings arrive already trimmed and NFC-normalized (see `normalizeJson`).
 */
import * as z from 'zod/mini';
import { REASONS } from './criteria.ts';
import { isDossierNumber } from './dossier.ts';
import { MAX_ADDRESS, MAX_COMMENT, MAX_EMAIL, MAX_NAME, MAX_PHONE, phoneDigits } from './limits.ts';
import { hasForbiddenCharacters } from './text.ts';

export const KINDS = ['rating', 'pakn'] as const;
export const CHANNELS = ['kiosk', 'qr', 'web', 'phone', 'letter', 'counter'] as const;
/** Channels officials enter in the inbox: by phone, by letter, in person at the counter (walk-ins). */
export const INTAKE_CHANNELS = ['phone', 'letter', 'counter'] as const;
export { REASONS };
/** The most criteria a catalog may configure (and a submission may choose). */
export const MAX_CRITERIA = 12;
export const PROCEDURE_CODE = /^\d\.\d{6}$/;
export { MAX_COMMENT };
/** How the citizen rates a published answer (Decision 766's "hài lòng" input): the latest stands. */
export const ANSWER_RATINGS = ['satisfied', 'acceptable', 'dissatisfied'] as const;

export type Kind = (typeof KINDS)[number];
export type Channel = (typeof CHANNELS)[number];
/** An evaluation criterion id (shared/criteria.ts), checked against the catalog's criteria on submission. */
export type Reason = string;
export type AnswerRatingValue = (typeof ANSWER_RATINGS)[number];

const noControls = (multiline: boolean) =>
  z.refine<string>((value) => !hasForbiddenCharacters(value, multiline), 'contains control characters');

/** One line of text, 1…max characters. */
export const line = (max: number) => z.string().check(z.minLength(1), z.maxLength(max), noControls(false));
/** Free text that may span lines. */
export const paragraph = (max: number) => z.string().check(z.minLength(1), z.maxLength(max), noControls(true));

/** An Idempotency-Key header: 8–128 letters, digits or -_.: (the kiosk's keys are `newIdempotencyKey`). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;
/** How many tracking codes a kiosk may reserve in one request. */
export const MAX_RESERVED_CODES = 50;
export const deviceIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a short device id'));

export const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a lower-case id'));
export const criterionId = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a criterion id'));
export const procedureCode = z.string().check(z.regex(PROCEDURE_CODE, 'must look like 1.001247'));
/** Vietnamese mobile and landline numbers as people write them: "0912 345 678", "(028) 3829 1234", "+84 …". */
export const phone = z.string().check(
  z.maxLength(MAX_PHONE),
  z.refine((value) => phoneDigits(value) !== undefined, 'must be a Vietnamese phone number'),
);
export const email = z.string().check(z.maxLength(MAX_EMAIL), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address'));

export const contactSchema = z.strictObject({
  name: line(MAX_NAME),
  phone: z.optional(phone),
  email: z.optional(email),
  address: z.optional(line(MAX_ADDRESS)),
});

export const feedbackInputSchema = z.strictObject({
  counterId: id,
  kind: z.enum(KINDS),
  channel: z.enum(CHANNELS),
  rating: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
  reasons: z.optional(z.array(criterionId).check(z.maxLength(MAX_CRITERIA))),
  procedureCode: z.optional(procedureCode),
  /** Mã hồ sơ as printed on the receipt (shared/dossier.ts). */
  dossierNumber: z.optional(z.string().check(z.maxLength(60), z.refine(isDossierNumber, 'must be a dossier number like 000.00.15.H29-261110-0042'))),
  comment: z.optional(paragraph(MAX_COMMENT)),
  contact: z.optional(contactSchema),
  consent: z.optional(z.boolean()),
  /** The citizen agrees that the content (never their personal data) be published with the answer. Default false. */
  allowPublication: z.optional(z.boolean()),
  /** Set by kiosks: lets the misuse rule spot bursts of taps from one device. */
  deviceId: z.optional(deviceIdSchema),
  /**
   * When the person pressed "Gửi", by the device's clock. Kiosks queue offline and send later, so
   * the misuse rule compares these (same device, same clock) rather than the server's receipt time.
   */
  submittedAt: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'must be ISO 8601 with an offset'))),
});

export type FeedbackInput = z.infer<typeof feedbackInputSchema>;

/** POST /api/kiosk/reserve-codes: the Idempotency-Keys a kiosk will use for its next submissions. */
export const reserveCodesSchema = z.strictObject({
  deviceId: deviceIdSchema,
  keys: z.array(z.string().check(z.regex(IDEMPOTENCY_KEY, 'must be an Idempotency-Key'))).check(z.minLength(1), z.maxLength(MAX_RESERVED_CODES)),
});

/** POST /api/feedback/{trackingCode}/info: the citizen's answer to an information request. */
export const infoReplySchema = z.strictObject({ text: paragraph(MAX_COMMENT) });
export type Contact = z.infer<typeof contactSchema>;

/**
 * Rules across fields. A rating needs a rating or a comment; a PAKN (Decree 20/2008 Art. 7) needs
 * a comment, the submitter's name, a phone or an address, and explicit consent.
 * Returns the missing field paths (empty when complete).
 */
export function missingFields(input: FeedbackInput): string[] {
  if (input.kind === 'rating') return input.rating === undefined && !input.comment ? ['rating|comment'] : [];
  const missing: string[] = [];
  if (!input.comment) missing.push('comment');
  if (!input.contact?.name) missing.push('contact.name');
  if (!input.contact?.phone && !input.contact?.address) missing.push('contact.phone|contact.address');
  if (input.consent !== true) missing.push('consent');
  return missing;
}

/** `[{ path, message }]` for an error response, from a zod error. */
export function describeIssues(error: z.core.$ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}
