/**
 * The phone keeps what was typed: the draft in sessionStorage and each step as a history entry.
 * Loaded right after the first render (the faces fit one round trip without it); a reloaded tab
 * then moves on to the step it was on, with what was typed.
 */
import { createDraft } from '../common/flow/draft.ts';
import { counterId, flow } from './QrApp.tsx';
import { stepsInHistory } from './history.ts';

export const draft = createDraft(flow, `gopy.q.draft.${counterId}`);

export function keepDraft() {
  // Someone already tapping on a slow phone: what they do now wins over an older draft.
  if (flow.step.peek() === 'rate' && flow.rating.peek() === undefined) draft.restore();
  draft.keep();
  stepsInHistory(flow);
}
