/**
 * The phone keeps what was typed. A draft is everything the flow holds (every signal of the model,
 * so fields added later are kept too) plus, from its first send, its Idempotency-Key and the
 * instant of that first send: every later send of the same draft (double tap, "Thử lại", "Gửi"
 * again after a reload) carries the same key and body, so the API answers with the same receipt
 * and never creates a second record. Kept in sessionStorage (this tab only, gone when it closes),
 * cleared once the receipt is on screen.
 */
import { effect, type Signal } from '@preact/signals';
import type { Flow } from './model.ts';

/** Set at the first send of a draft, kept until its receipt arrives. */
export type SendMark = { key: string; submittedAt: string };
type Stored = { fields: Record<string, unknown>; send?: SendMark };

/** Not part of what was typed: validation messages and the reset counter. */
const SKIP = new Set(['errors', 'round']);

function fieldSignals(flow: Flow): [string, Signal<unknown>][] {
  const entries: [string, unknown][] = Object.entries(flow);
  // Duck-typed, not `instanceof Signal`: importing the class would add it to the pages' shared framework chunk.
  const isSignal = (value: unknown) => typeof value === 'object' && value !== null && 'peek' in value && 'value' in value;
  return entries.filter((entry): entry is [string, Signal<unknown>] => isSignal(entry[1]) && !SKIP.has(entry[0]));
}

function read(storageKey: string): Stored | undefined {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

function write(storageKey: string, value: Stored | undefined) {
  try {
    if (value) sessionStorage.setItem(storageKey, JSON.stringify(value));
    else sessionStorage.removeItem(storageKey);
  } catch {
    // Storage unavailable (private mode, full): the draft lives as long as the page.
  }
}

export function createDraft(flow: Flow, storageKey: string) {
  let send = read(storageKey)?.send;

  /** Puts back a draft left by a reload or an accidental navigation; false when there was none. */
  function restore(): boolean {
    const stored = read(storageKey);
    if (!stored) return false;
    for (const [name, sig] of fieldSignals(flow)) if (name in stored.fields && name !== 'step') sig.value = stored.fields[name];
    const step = stored.fields['step'];
    if (typeof step === 'string' && step !== 'thanks') flow.step.value = step as Flow['step']['value'];
    return true;
  }

  /** Saves on every change until the receipt arrives (nothing is kept from the thank-you screen on). */
  function keep(): () => void {
    return effect(() => {
      const fields = Object.fromEntries(fieldSignals(flow).map(([name, sig]) => [name, sig.value]));
      if (fields['step'] === 'thanks') return;
      const untouched = fields['step'] === 'rate' && flow.rating.peek() === undefined;
      write(storageKey, untouched && !send ? undefined : { fields, send });
    });
  }

  /** The draft's key and first-send instant, made at its first send and kept with it. */
  function sendMark(newKey: () => string, now: Date): SendMark {
    if (!send) {
      send = { key: newKey(), submittedAt: now.toISOString() };
      const stored = read(storageKey);
      write(storageKey, { fields: stored?.fields ?? {}, send });
    }
    return send;
  }

  /** The receipt is on screen: the next draft starts from nothing, with a new key. */
  function clear() {
    send = undefined;
    write(storageKey, undefined);
  }

  return { restore, keep, sendMark, clear };
}

export type Draft = ReturnType<typeof createDraft>;
