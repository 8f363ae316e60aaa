/**
 * The rating flow's state, outside components: one model per page, cleared by `reset()` so the
 * next person at a kiosk never sees the previous person's input.
 */
import { batch, signal } from '@preact/signals';
import type { Reason } from '#shared/schemas';

export type Step = 'rate' | 'details' | 'comment' | 'contact' | 'thanks';
export type FieldErrors = Partial<Record<string, string>>;

export function createFlow(options: { channel: 'kiosk' | 'qr'; deviceId?: string }) {
  const model = {
    step: signal<Step>('rate'),
    rating: signal<number | undefined>(undefined),
    reasons: signal<Reason[]>([]),
    procedureCode: signal(''),
    /** Mã hồ sơ, typed or scanned from the receipt. */
    dossierNumber: signal(''),
    comment: signal(''),
    name: signal(''),
    phone: signal(''),
    email: signal(''),
    address: signal(''),
    consent: signal(false),
    /** Whether the petition's content (never the personal data) may be published with the answer: asked, default no. */
    allowPublication: signal(false),
    /** Field path → message key, from the last failed validation. */
    errors: signal<FieldErrors>({}),
    /** Bumped on every reset: components keyed on it start fresh (focus, scroll). */
    round: signal(0),
  };

  function reset() {
    batch(() => {
      model.step.value = 'rate';
      model.rating.value = undefined;
      model.reasons.value = [];
      model.procedureCode.value = model.dossierNumber.value = '';
      model.comment.value = '';
      model.name.value = model.phone.value = model.email.value = model.address.value = '';
      model.consent.value = false;
      model.allowPublication.value = false;
      model.errors.value = {};
      model.round.value++;
    });
  }

  function go(step: Step) {
    batch(() => {
      model.errors.value = {};
      model.step.value = step;
    });
  }

  function rate(value: number) {
    batch(() => {
      model.rating.value = value;
      go('details');
    });
  }

  function toggleReason(reason: Reason) {
    const current = model.reasons.value;
    model.reasons.value = current.includes(reason) ? current.filter((r) => r !== reason) : [...current, reason];
  }

  /** True once the person has touched anything (idle reset only matters then). */
  function isDirty() {
    return model.step.value !== 'rate' || model.rating.value !== undefined;
  }

  return { ...model, options, reset, go, rate, toggleReason, isDirty };
}

export type Flow = ReturnType<typeof createFlow>;
