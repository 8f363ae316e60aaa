/**
 * From what the person entered to a checked API body, with the API's own schema and cross-field
 * rules. Loaded after first render (zod/mini is not needed to show the faces): pages call
 * `loadSubmit()` early so pressing "Gửi" never waits for the network.
 */
import { feedbackInputSchema, missingFields, type FeedbackInput } from '#shared/schemas';
import { normalizeDossierNumber } from '#shared/dossier';
import { normalizeText } from '#shared/text';
import type { Flow } from './model.ts';
import type { StepKey } from './step-strings.ts';

const KNOWN = new Set(['dossierNumber', 'rating|comment', 'comment', 'contact.name', 'contact.phone', 'contact.email', 'contact.address', 'contact.phone|contact.address', 'consent']);

function strip<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** The API body for what was entered; `partial` keeps only what was chosen by tapping (idle timeout). */
export function toInput(flow: Flow, counterId: string, kind: FeedbackInput['kind'], partial = false): FeedbackInput {
  const text = (value: string) => normalizeText(value) || undefined;
  const contact = kind === 'pakn' ? strip({ name: text(flow.name.value) ?? '', phone: text(flow.phone.value), email: text(flow.email.value), address: text(flow.address.value) }) : undefined;
  return strip({
    counterId,
    kind,
    channel: flow.options.channel,
    rating: flow.rating.value,
    reasons: flow.reasons.value.length ? flow.reasons.value : undefined,
    procedureCode: flow.procedureCode.value || undefined,
    dossierNumber: normalizeDossierNumber(flow.dossierNumber.value) || undefined,
    comment: partial ? undefined : text(flow.comment.value),
    contact,
    consent: kind === 'pakn' ? flow.consent.value : undefined,
    allowPublication: kind === 'pakn' && flow.allowPublication.value ? true : undefined,
    deviceId: flow.options.deviceId,
    submittedAt: new Date().toISOString(),
  });
}

/** Field path → message key; empty when the API would accept the body. */
export function validate(input: FeedbackInput): Record<string, StepKey> {
  const errors: Record<string, StepKey> = {};
  const add = (path: string) => {
    errors[path] ??= (KNOWN.has(path) ? `err.${path}` : 'err.other') as StepKey;
  };
  const parsed = feedbackInputSchema.safeParse(input);
  if (!parsed.success) for (const issue of parsed.error.issues) add(issue.path.map(String).join('.'));
  for (const path of missingFields(input)) add(path);
  return errors;
}

/** The checked body, or undefined after showing the errors in the flow. */
export function checkedInput(flow: Flow, counterId: string, kind: FeedbackInput['kind']): FeedbackInput | undefined {
  const input = toInput(flow, counterId, kind);
  const errors = validate(input);
  if (Object.keys(errors).length === 0) return input;
  flow.errors.value = errors;
  // Nothing chosen at all: the comment step is where the message makes sense.
  if (errors['rating|comment']) flow.step.value = 'comment';
  return undefined;
}
